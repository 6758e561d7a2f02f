using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>The resolution.</summary>
/// <param name="Finding">Substantiated (属实), PartlySubstantiated (部分属实) or NotSubstantiated (不属实).</param>
/// <param name="FindingText">What the investigation found and did (for the handlers).</param>
/// <param name="PublicOutcome">What the filer reads with the code.</param>
public sealed record ResolveComplaintBody(ComplaintFinding? Finding, [property: DataType(DataType.MultilineText)] string? FindingText, [property: DataType(DataType.MultilineText)] string? PublicOutcome)
{
    /// <summary>Nothing filled.</summary>
    public static ResolveComplaintBody Empty { get; } = new(null, null, null);
}

/// <summary>The assignee (or the program office) resolves an assigned complaint with a finding (If-Match), on time or late.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="IfMatch">The version read.</param>
/// <param name="Body">The resolution.</param>
internal sealed record ResolveComplaint(Guid Id, string? IfMatch, ResolveComplaintBody Body) : IRequest<Versioned<ComplaintView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ResolveComplaint);
}

/// <summary>Checks the resolution.</summary>
internal sealed class ResolveComplaintValidator : AbstractValidator<ResolveComplaint>
{
    /// <summary>Creates the validator.</summary>
    public ResolveComplaintValidator()
    {
        RuleFor(r => r.Body.Finding).Must(f => f is not null && Enum.IsDefined(f.Value)).OverridePropertyName("finding")
            .WithErrorCode("required").WithMessage("请选择调查结论（finding）：属实、部分属实或不属实。");
        RuleFor(r => r.Body.FindingText).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= Complaint.TextLength).OverridePropertyName("findingText")
            .WithErrorCode("required").WithMessage($"请写明调查情况和处理措施（findingText），最多 {Complaint.TextLength} 个字。");
        RuleFor(r => r.Body.PublicOutcome).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= Complaint.OutcomeLength).OverridePropertyName("publicOutcome")
            .WithErrorCode("required").WithMessage($"请填写答复投诉人的办理结果（publicOutcome），投诉人凭查询码可以看到，最多 {Complaint.OutcomeLength} 个字。");
    }
}

/// <summary>
/// Handles <see cref="ResolveComplaint"/>: within the caller's scope (404), the program office or the county bureau /
/// line department it is assigned to (403), an assigned complaint (409), the version read (428/412). Resolving past
/// the deadline is allowed and recorded: the working days late stay with the complaint.
/// </summary>
internal sealed class ResolveComplaintHandler(PlatformDbContext db, ComplaintStore store, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<ResolveComplaint, Versioned<ComplaintView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ComplaintView>> Handle(ResolveComplaint request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var complaint = await store.FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        if (!ComplaintAccess.MayResolve(db.ScopeAll, access.Roles, db.ScopeRegions, db.ScopeDepartments, complaint.AssigneeRegionCode, complaint.AssigneeDepartmentCode))
        {
            throw new PlatformException(ComplaintProblemCodes.NotYours, 403, "无权办结该投诉", "投诉由承办单位或市项目办办结。");
        }

        var read = Preconditions.Require(request.IfMatch, complaint.ConcurrencyStamp);
        var today = store.Today;
        complaint.Resolve(request.Body.Finding!.Value, request.Body.FindingText!.Trim(), request.Body.PublicOutcome!.Trim(), actors.Current.Name,
            clock.GetUtcNow().UtcDateTime, today, ComplaintRules.WorkingDaysOverdue(store.Calendar, complaint.DueOn, today));
        return await store.SaveAsync(complaint, read, cancellationToken).ConfigureAwait(false);
    }
}
