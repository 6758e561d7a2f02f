using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A training record's body.</summary>
/// <param name="ProfessionalId">The trainee (a professional of the registry).</param>
/// <param name="Field">Field.</param>
/// <param name="Level">Level.</param>
/// <param name="InstitutionId">The training institution (catalog entry).</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day (not in the future).</param>
/// <param name="Hours">Hours (1–2000).</param>
/// <param name="Passed">合格 (true) or 不合格 (false).</param>
internal sealed record TrainingBody(Guid? ProfessionalId, string? Field, string? Level, Guid? InstitutionId, DateOnly? StartDate, DateOnly? EndDate, int? Hours, bool? Passed)
{
    /// <summary>A body with nothing in it (what an empty request sends).</summary>
    public static TrainingBody Empty { get; } = new(null, null, null, null, null, null, null, null);
}

/// <summary>An institution's staff (or the program office) records a training.</summary>
/// <param name="Body">The record.</param>
internal sealed record RecordTraining(TrainingBody Body) : IRequest<TrainingView>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RecordTraining);
}

/// <summary>Checks a training record: every field named at once.</summary>
internal sealed class RecordTrainingValidator : AbstractValidator<RecordTraining>
{
    /// <summary>Creates the validator.</summary>
    public RecordTrainingValidator(TimeProvider clock)
    {
        RuleFor(r => r.Body.ProfessionalId).RequiredId("professionalId", "学员（professionalId）");
        RuleFor(r => r.Body.InstitutionId).RequiredId("institutionId", "培训机构（institutionId）");
        RuleFor(r => r.Body.Field).RequiredDigitalField("field");
        RuleFor(r => r.Body.Level).RequiredDigitalLevel("level");
        RuleFor(r => r.Body.StartDate).ProgramDayPassed("startDate", "开始日期", clock);
        RuleFor(r => r.Body.EndDate).ProgramDayPassed("endDate", "结束日期", clock);
        RuleFor(r => r.Body.StartDate).Must((r, start) => !(start > r.Body.EndDate)).OverridePropertyName("startDate")
            .WithErrorCode("after_end").WithMessage("开始日期（startDate）不能晚于结束日期（endDate）。");
        RuleFor(r => r.Body.Hours).Must(h => h is >= 1 and <= DigitalEngineerRules.MaxHours).OverridePropertyName("hours")
            .WithErrorCode("out_of_range").WithMessage($"培训学时（hours）应为 1 至 {DigitalEngineerRules.MaxHours} 之间的整数。");
        RuleFor(r => r.Body.Passed).NotNull().OverridePropertyName("passed")
            .WithErrorCode("required").WithMessage("请填写培训结果（passed）：true 为合格，false 为不合格。");
    }
}

/// <summary>
/// Handles <see cref="RecordTraining"/>: the caller acts for the institution (<see cref="DigitalEngineerAccess"/>), the
/// institution may train in that field and level on those days, the trainee is an active professional of the registry.
/// </summary>
internal sealed class RecordTrainingHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, IMediator publisher, TimeProvider clock)
    : IRequestHandler<RecordTraining, TrainingView>
{
    /// <inheritdoc />
    public async Task<TrainingView> Handle(RecordTraining request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body;
        var field = DigitalInputRules.Field(body.Field)!.Value;
        var level = DigitalInputRules.Level(body.Level)!.Value;
        var institution = await DigitalReaders.InstitutionAsync(db, body.InstitutionId!.Value, cancellationToken).ConfigureAwait(false);
        if (institution is not null)
        {
            DigitalEngineerAccess.RequireStaffOf(access, institution, "登记该机构的培训记录");
        }

        var person = await DigitalReaders.PersonAsync(db, body.ProfessionalId!.Value, activeOnly: true, cancellationToken).ConfigureAwait(false);
        if (DigitalEngineerRules.CheckActs(institution, InstitutionKind.Training, field, level, "开展该培训", body.StartDate!.Value, body.EndDate!.Value) is { } problem)
        {
            throw problem;
        }

        // Recording the same training again (person, institution, field, level, days) writes nothing: 409 naming the first.
        var (start, end) = (body.StartDate.Value, body.EndDate.Value);
        var existing = await db.DigitalTrainings.IgnoreQueryFilters(DigitalReaders.AccessScope).AsNoTracking()
            .Where(t => t.ProfessionalId == person.ProfessionalId && t.InstitutionId == institution!.Id && t.Field == field && t.Level == level
                && t.StartDate == start && t.EndDate == end)
            .Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (existing is { } id)
        {
            throw DigitalEngineerRules.TrainingExists(id);
        }

        var actor = DigitalReaders.Actor(access, actors);
        var training = DigitalEngineerRules.Train(
            person, institution!, field, level, start, end, body.Hours!.Value, body.Passed!.Value, actor, clock.GetUtcNow().UtcDateTime);
        db.DigitalTrainings.Add(training);

        // The training and its credit record (Credits handles the notification) in one transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await publisher.Publish(DigitalTrainingCompleted.Of(training, institution!.OrganizationName, actor), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return (await DigitalEngineerViews.TrainingsAsync(db, [training], cancellationToken).ConfigureAwait(false))[0];
    }
}
