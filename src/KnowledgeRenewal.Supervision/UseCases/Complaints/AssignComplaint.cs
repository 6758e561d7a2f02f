using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>The office's assignment.</summary>
/// <param name="OrganizationId">The county bureau or line department that investigates.</param>
/// <param name="Note">What to look at (optional).</param>
public sealed record AssignComplaintBody(Guid? OrganizationId, [property: DataType(DataType.MultilineText)] string? Note)
{
    /// <summary>Nothing filled.</summary>
    public static AssignComplaintBody Empty { get; } = new(null, null);
}

/// <summary>The program office assigns a complaint to a county bureau or line department (If-Match); the resolve deadline starts.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="IfMatch">The version read.</param>
/// <param name="Body">The assignment.</param>
internal sealed record AssignComplaint(Guid Id, string? IfMatch, AssignComplaintBody Body) : IRequest<Versioned<ComplaintView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(AssignComplaint);
}

/// <summary>Checks the assignment.</summary>
internal sealed class AssignComplaintValidator : AbstractValidator<AssignComplaint>
{
    /// <summary>Creates the validator.</summary>
    public AssignComplaintValidator()
    {
        RuleFor(a => a.Body.OrganizationId).NotNull().OverridePropertyName("organizationId")
            .WithErrorCode("required").WithMessage("请选择承办单位（organizationId）：县市区人社局或行业主管部门。");
        RuleFor(a => a.Body.Note).MaximumLength(Complaint.TextLength).OverridePropertyName("note")
            .WithErrorCode("too_long").WithMessage($"分派意见（note）最多 {Complaint.TextLength} 个字。");
    }
}

/// <summary>
/// Handles <see cref="AssignComplaint"/>: the program office only (403), an open complaint (409), an active county
/// bureau or line department (400 naming the field), the version read (428/412). The assignee's deadline is
/// <see cref="ComplaintOptions.ResolveWithinWorkingDays"/> working days from today.
/// </summary>
internal sealed class AssignComplaintHandler(PlatformDbContext db, ComplaintStore store, ICurrentAccess access, IAuditActorProvider actors, IOptions<ComplaintOptions> options, TimeProvider clock)
    : IRequestHandler<AssignComplaint, Versioned<ComplaintView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ComplaintView>> Handle(AssignComplaint request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ComplaintGuards.RequireOffice(access);
        var complaint = await store.FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var read = Preconditions.Require(request.IfMatch, complaint.ConcurrencyStamp);
        ComplaintRules.RequireOpen(complaint.Status);
        var organization = await db.Organizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == request.Body.OrganizationId && o.IsActive && (o.Type == OrganizationType.CountyBureau || o.Type == OrganizationType.LineDepartment), cancellationToken)
            .ConfigureAwait(false);
        if (organization is null || (organization.Type == OrganizationType.LineDepartment && organization.DepartmentCode is null))
        {
            const string message = "承办单位应为县市区人社局或行业主管部门，请从列表中选择。";
            throw new PlatformException(ComplaintProblemCodes.InvalidAssignee, 400, "承办单位有误", message, [new FieldError("organizationId", "invalid_value", message)]);
        }

        var county = organization.Type == OrganizationType.CountyBureau;
        complaint.Assign(organization.Id, organization.Name, county ? organization.RegionCode : null, county ? null : organization.DepartmentCode,
            ComplaintGuards.Trim(request.Body.Note), actors.Current.Name, clock.GetUtcNow().UtcDateTime,
            ComplaintRules.ResolveBy(store.Calendar, options.Value, store.Today));
        return await store.SaveAsync(complaint, read, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Who may act on complaints, and input trimming.</summary>
internal static class ComplaintGuards
{
    /// <summary>Refuses anyone but the program office (403).</summary>
    public static void RequireOffice(ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (!access.Roles.Contains(PlatformRoles.ProgramOfficeAdmin))
        {
            throw new PlatformException(ComplaintProblemCodes.NotYours, 403, "无权分派投诉", "投诉由市项目办分派或转办。");
        }
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
