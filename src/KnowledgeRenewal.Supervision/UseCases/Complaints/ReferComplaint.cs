using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>The office's referral.</summary>
/// <param name="Authority">The authority outside the program that handles it (e.g. 市市场监督管理局).</param>
/// <param name="Note">Why, and what was passed on.</param>
public sealed record ReferComplaintBody(string? Authority, [property: DataType(DataType.MultilineText)] string? Note)
{
    /// <summary>Nothing filled.</summary>
    public static ReferComplaintBody Empty { get; } = new(null, null);
}

/// <summary>The program office refers a complaint it has not assigned to another authority (If-Match); it is closed here.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="IfMatch">The version read.</param>
/// <param name="Body">The referral.</param>
internal sealed record ReferComplaint(Guid Id, string? IfMatch, ReferComplaintBody Body) : IRequest<Versioned<ComplaintView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ReferComplaint);
}

/// <summary>Checks the referral.</summary>
internal sealed class ReferComplaintValidator : AbstractValidator<ReferComplaint>
{
    /// <summary>Creates the validator.</summary>
    public ReferComplaintValidator()
    {
        RuleFor(r => r.Body.Authority).Must(a => !string.IsNullOrWhiteSpace(a) && a.Trim().Length <= Complaint.NameLength).OverridePropertyName("authority")
            .WithErrorCode("required").WithMessage($"请填写转办的单位（authority），例如“市市场监督管理局”，最多 {Complaint.NameLength} 个字。");
        RuleFor(r => r.Body.Note).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= Complaint.OutcomeLength).OverridePropertyName("note")
            .WithErrorCode("required").WithMessage($"请写明转办理由（note），投诉人查询时可以看到，最多 {Complaint.OutcomeLength} 个字。");
    }
}

/// <summary>Handles <see cref="ReferComplaint"/>: the program office only, a complaint waiting to be assigned (409 otherwise), the version read (428/412).</summary>
internal sealed class ReferComplaintHandler(ComplaintStore store, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<ReferComplaint, Versioned<ComplaintView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ComplaintView>> Handle(ReferComplaint request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ComplaintGuards.RequireOffice(access);
        var complaint = await store.FindAsync(request.Id, cancellationToken).ConfigureAwait(false);
        var read = Preconditions.Require(request.IfMatch, complaint.ConcurrencyStamp);
        var today = store.Today;
        var authority = request.Body.Authority!.Trim();
        var note = request.Body.Note!.Trim();
        complaint.Refer(authority, note, $"已转交{authority}办理：{note}", actors.Current.Name, clock.GetUtcNow().UtcDateTime, today,
            ComplaintRules.WorkingDaysOverdue(store.Calendar, complaint.DueOn, today));
        return await store.SaveAsync(complaint, read, cancellationToken).ConfigureAwait(false);
    }
}
