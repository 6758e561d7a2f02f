using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>An evaluation result's body.</summary>
/// <param name="TrainingId">The passed training evaluated.</param>
/// <param name="InstitutionId">The evaluation institution (catalog entry).</param>
/// <param name="EvaluatedOn">Day (not in the future).</param>
/// <param name="Score">Score 0–100 (passed from 60).</param>
internal sealed record EvaluationBody(Guid? TrainingId, Guid? InstitutionId, DateOnly? EvaluatedOn, int? Score)
{
    /// <summary>A body with nothing in it (what an empty request sends).</summary>
    public static EvaluationBody Empty { get; } = new(null, null, null, null);
}

/// <summary>An evaluation institution's staff (or the program office) records the result of a passed training.</summary>
/// <param name="Body">The result.</param>
internal sealed record RecordEvaluation(EvaluationBody Body) : IRequest<EvaluationView>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RecordEvaluation);
}

/// <summary>Checks an evaluation result: every field named at once.</summary>
internal sealed class RecordEvaluationValidator : AbstractValidator<RecordEvaluation>
{
    /// <summary>Creates the validator.</summary>
    public RecordEvaluationValidator(TimeProvider clock)
    {
        RuleFor(r => r.Body.TrainingId).RequiredId("trainingId", "培训记录（trainingId）");
        RuleFor(r => r.Body.InstitutionId).RequiredId("institutionId", "评价机构（institutionId）");
        RuleFor(r => r.Body.EvaluatedOn).ProgramDayPassed("evaluatedOn", "评价日期", clock);
        RuleFor(r => r.Body.Score).Must(s => s is >= 0 and <= 100).OverridePropertyName("score")
            .WithErrorCode("out_of_range").WithMessage("评价成绩（score）应为 0 至 100 之间的整数（60 分及以上为通过）。");
    }
}

/// <summary>
/// Handles <see cref="RecordEvaluation"/>: the caller acts for the evaluation institution; the training is read by id
/// (the candidate brings it: it is not the evaluator's trainee yet); <see cref="DigitalEngineerRules.Evaluate"/> decides.
/// </summary>
internal sealed class RecordEvaluationHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<RecordEvaluation, EvaluationView>
{
    /// <inheritdoc />
    public async Task<EvaluationView> Handle(RecordEvaluation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body;
        var institution = await DigitalReaders.InstitutionAsync(db, body.InstitutionId!.Value, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            DigitalEngineerAccess.RequireStaffOf(access, institution, "登记该机构的评价结果");
        }

        var training = await db.DigitalTrainings.IgnoreQueryFilters(DigitalReaders.AccessScope).AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == body.TrainingId, cancellationToken).ConfigureAwait(false)
            ?? throw new RequestValidationException([new FieldError("trainingId", "not_found", $"培训记录（trainingId）“{body.TrainingId:D}”不存在。")]);
        var passedBefore = await db.DigitalEvaluations.IgnoreQueryFilters(DigitalReaders.AccessScope)
            .AnyAsync(e => e.TrainingId == training.Id && e.Passed, cancellationToken).ConfigureAwait(false);
        var evaluation = DigitalEngineerRules.Evaluate(
            training, passedBefore, institution, body.EvaluatedOn!.Value, body.Score!.Value, DigitalReaders.Actor(access, actors), clock.GetUtcNow().UtcDateTime);
        db.DigitalEvaluations.Add(evaluation);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (await DigitalEngineerViews.EvaluationsAsync(db, [evaluation], cancellationToken).ConfigureAwait(false))[0];
    }
}
