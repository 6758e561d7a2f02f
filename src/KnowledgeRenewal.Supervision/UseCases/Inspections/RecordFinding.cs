using KnowledgeRenewal.Kernel.Application;
using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>A finding.</summary>
public sealed class FindingInput
{
    /// <summary>What was found (published: no names of people, no phone numbers).</summary>
    [DataType(DataType.MultilineText)]
    public string? Text { get; set; }

    /// <summary>Whether rectification is required.</summary>
    public bool RequiresRectification { get; set; }

    /// <summary>The rectification deadline (after today), with <see cref="RequiresRectification"/>.</summary>
    public DateOnly? DueOn { get; set; }
}

/// <summary>The inspectors (or the program office on their behalf) record a finding with evidence files; it may require rectification by a deadline.</summary>
/// <param name="InspectionId">The inspection.</param>
/// <param name="Body">The finding.</param>
/// <param name="Evidence">PDF, JPEG or PNG files (≤ 10 MB each).</param>
internal sealed record RecordFinding(Guid InspectionId, FindingInput Body, IReadOnlyList<EvidenceUpload> Evidence) : IRequest<Versioned<FindingView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RecordFinding);
}

/// <summary>Checks the finding.</summary>
internal sealed class RecordFindingValidator : AbstractValidator<RecordFinding>
{
    /// <summary>Creates the validator.</summary>
    public RecordFindingValidator(TimeProvider clock)
    {
        RuleFor(r => r.Body).NotNull().WithMessage("请填写检查发现。");
        When(r => r.Body is not null, () =>
        {
            RuleFor(r => r.Body.Text).NotEmpty().WithMessage("请写明发现的问题。").MaximumLength(InspectionFinding.TextLength).WithMessage($"问题描述最多 {InspectionFinding.TextLength} 个字。").OverridePropertyName("text");
            RuleFor(r => r.Body.DueOn).NotNull().When(r => r.Body.RequiresRectification).WithMessage("要求整改时请填写整改期限。").OverridePropertyName("dueOn");
            RuleFor(r => r.Body.DueOn).Must(d => d > ProgramCalendar.Today(clock)).When(r => r.Body.RequiresRectification && r.Body.DueOn is not null)
                .WithMessage("整改期限应晚于今天。").WithErrorCode("invalid_value").OverridePropertyName("dueOn");
            RuleFor(r => r.Body.DueOn).Null().When(r => !r.Body.RequiresRectification).WithMessage("不要求整改时无需填写整改期限。").OverridePropertyName("dueOn");
        });
        RuleFor(r => r.Evidence).Must(e => e is { Count: <= 10 }).WithMessage("佐证材料最多 10 个文件。").WithErrorCode("invalid_value").OverridePropertyName("evidence");
    }
}

/// <summary>Handles <see cref="RecordFinding"/>: while the plan is drawn and not published; the evidence is checked by its bytes.</summary>
internal sealed class RecordFindingHandler(PlatformDbContext db, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<RecordFinding, Versioned<FindingView>>
{
    /// <inheritdoc />
    public async Task<Versioned<FindingView>> Handle(RecordFinding request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inspection = await db.Set<Inspection>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == request.InspectionId, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("检查对象", request.InspectionId);
        if (await db.Set<InspectionPlan>().AnyAsync(p => p.Id == inspection.PlanId && p.Status == InspectionPlanStatus.Published, cancellationToken).ConfigureAwait(false))
        {
            throw InspectionRules.NotOpen();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var finding = new InspectionFinding
        {
            InspectionId = inspection.Id,
            Text = request.Body.Text!.Trim(),
            Rectification = request.Body.RequiresRectification ? RectificationStatus.Open : RectificationStatus.NotRequired,
            DueOn = request.Body.RequiresRectification ? request.Body.DueOn : null,
            RecordedAt = now,
            RecordedByName = actors.Current.UserName,
        };
        finding.Evidence.AddRange(request.Evidence.Select(e => e.ToEvidence(finding.Id, forClosure: false, now)));
        db.Add(finding);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new(InspectionViews.Finding(finding, ProgramCalendar.Today(clock)), finding.ConcurrencyStamp);
    }
}
