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

/// <summary>An inspection's result.</summary>
public sealed class InspectionResultInput
{
    /// <summary>The day inspected.</summary>
    public DateOnly? InspectedOn { get; set; }

    /// <summary>NoIssues or IssuesFound.</summary>
    public InspectionConclusion? Conclusion { get; set; }

    /// <summary>The result in words (published: no names of people, no phone numbers).</summary>
    [DataType(DataType.MultilineText)]
    public string? Summary { get; set; }
}

/// <summary>The inspectors (or the program office on their behalf) record an inspection's result. Needs If-Match.</summary>
/// <param name="Id">The inspection.</param>
/// <param name="IfMatch">The inspection's ETag.</param>
/// <param name="Body">The result.</param>
internal sealed record RecordInspectionResult(Guid Id, string? IfMatch, InspectionResultInput Body) : IRequest<Versioned<InspectionView>>;

/// <summary>Checks the result.</summary>
internal sealed class RecordInspectionResultValidator : AbstractValidator<RecordInspectionResult>
{
    /// <summary>Creates the validator.</summary>
    public RecordInspectionResultValidator(TimeProvider clock)
    {
        RuleFor(r => r.Body).NotNull().WithMessage("请填写检查结果。");
        When(r => r.Body is not null, () =>
        {
            RuleFor(r => r.Body.InspectedOn).NotNull().WithMessage("请填写检查日期。").Must(d => d <= ProgramCalendar.Today(clock)).WithMessage("检查日期应是今天或以前。").WithErrorCode("invalid_value").OverridePropertyName("inspectedOn");
            RuleFor(r => r.Body.Conclusion).NotNull().WithMessage("请选择检查结论。").IsInEnum().WithMessage("检查结论无效。").OverridePropertyName("conclusion");
            RuleFor(r => r.Body.Summary).NotEmpty().WithMessage("请简要写明检查情况。").MaximumLength(Inspection.SummaryLength).WithMessage($"检查情况最多 {Inspection.SummaryLength} 个字。").OverridePropertyName("summary");
        });
    }
}

/// <summary>Handles <see cref="RecordInspectionResult"/>: only while the plan's results are not published.</summary>
internal sealed class RecordInspectionResultHandler(PlatformDbContext db, IMediator mediator, IAuditActorProvider actors) : IRequestHandler<RecordInspectionResult, Versioned<InspectionView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InspectionView>> Handle(RecordInspectionResult request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inspection = await db.Set<Inspection>().FirstOrDefaultAsync(i => i.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("检查对象", request.Id);
        var read = Preconditions.Require(request.IfMatch, inspection.ConcurrencyStamp);
        if (await db.Set<InspectionPlan>().AnyAsync(p => p.Id == inspection.PlanId && p.Status == InspectionPlanStatus.Published, cancellationToken).ConfigureAwait(false))
        {
            throw InspectionRules.NotOpen();
        }

        inspection.InspectedOn = request.Body.InspectedOn;
        inspection.Conclusion = request.Body.Conclusion;
        inspection.Summary = request.Body.Summary!.Trim();
        inspection.RecordedByName = actors.Current.UserName;
        db.Entry(inspection).Property(i => i.ConcurrencyStamp).OriginalValue = read;
        inspection.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return await mediator.Send(new GetInspection(inspection.Id), cancellationToken).ConfigureAwait(false);
    }
}
