using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>A changed result's body.</summary>
/// <param name="Passed">合格 (true) or 不合格 (false).</param>
/// <param name="Hours">The hours attended (1–2000).</param>
/// <param name="Reason">Why the result changes (required).</param>
internal sealed record TrainingResultBody(bool? Passed, int? Hours, [property: DataType(DataType.MultilineText)] string? Reason)
{
    /// <summary>A body with nothing in it (what an empty request sends).</summary>
    public static TrainingResultBody Empty { get; } = new(null, null, null);
}

/// <summary>The training institution (or the program office) corrects a training's result or hours (If-Match).</summary>
/// <param name="Id">The training.</param>
/// <param name="IfMatch">The If-Match header.</param>
/// <param name="Body">The result.</param>
internal sealed record ChangeTrainingResult(Guid Id, string? IfMatch, TrainingResultBody Body) : IRequest<Versioned<TrainingView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(ChangeTrainingResult);
}

/// <summary>Checks the result: given, hours within bounds, a reason.</summary>
internal sealed class ChangeTrainingResultValidator : AbstractValidator<ChangeTrainingResult>
{
    /// <summary>Longest reason kept.</summary>
    public const int ReasonLength = 256;

    /// <summary>Creates the validator.</summary>
    public ChangeTrainingResultValidator()
    {
        RuleFor(r => r.Body.Passed).NotNull().OverridePropertyName("passed")
            .WithErrorCode("required").WithMessage("请填写培训结果（passed）：true 为合格，false 为不合格。");
        RuleFor(r => r.Body.Hours).Must(h => h is >= 1 and <= DigitalEngineerRules.MaxHours).OverridePropertyName("hours")
            .WithErrorCode("out_of_range").WithMessage($"培训学时（hours）应为 1 至 {DigitalEngineerRules.MaxHours} 之间的整数。");
        RuleFor(r => DigitalInputRules.Trim(r.Body.Reason)).Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode("required").WithMessage("请填写更正理由（reason）。")
            .MaximumLength(ReasonLength).WithErrorCode("too_long").WithMessage($"更正理由（reason）最多 {ReasonLength} 个字。")
            .OverridePropertyName("reason");
    }
}

/// <summary>
/// Handles <see cref="ChangeTrainingResult"/>: the training within the caller's scope (404), the caller acts for its
/// institution (403), the ETag read (428/412), a certified or evaluated training stays 合格 (409
/// <see cref="DigitalEngineerProblemCodes.ResultLocked"/>). The same result and hours again change nothing. The change
/// and the ledger's correction (Credits handles <see cref="DigitalTrainingCompleted"/>) go in one transaction.
/// </summary>
internal sealed class ChangeTrainingResultHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, IMediator publisher, TimeProvider clock)
    : IRequestHandler<ChangeTrainingResult, Versioned<TrainingView>>
{
    /// <inheritdoc />
    public async Task<Versioned<TrainingView>> Handle(ChangeTrainingResult request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var training = await db.DigitalTrainings.FirstOrDefaultAsync(t => t.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("培训记录", request.Id);
        var institution = await DigitalReaders.InstitutionAsync(db, training.InstitutionId, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("培训机构", training.InstitutionId);
        DigitalEngineerAccess.RequireStaffOf(access, institution, "更正该机构的培训结果");
        var read = Preconditions.Require(request.IfMatch, training.ConcurrencyStamp);
        var (passed, hours) = (request.Body.Passed!.Value, request.Body.Hours!.Value);
        if (passed == training.Passed && hours == training.Hours)
        {
            return await ViewAsync(training, cancellationToken).ConfigureAwait(false);
        }

        var certifiedOrEvaluated = await db.DigitalCertificates.IgnoreQueryFilters(DigitalReaders.AccessScope).AnyAsync(c => c.TrainingId == training.Id, cancellationToken).ConfigureAwait(false)
            || await db.DigitalEvaluations.IgnoreQueryFilters(DigitalReaders.AccessScope).AnyAsync(e => e.TrainingId == training.Id, cancellationToken).ConfigureAwait(false);
        if (DigitalEngineerRules.CheckResultChange(training, passed, certifiedOrEvaluated) is { } problem)
        {
            throw problem;
        }

        var actor = DigitalReaders.Actor(access, actors);
        var reason = DigitalInputRules.Trim(request.Body.Reason)!;
        training.ChangeResult(passed, hours, actor, clock.GetUtcNow().UtcDateTime, reason);
        db.Entry(training).Property(t => t.ConcurrencyStamp).OriginalValue = read;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Preconditions.Stale();
            }

            await publisher.Publish(DigitalTrainingCompleted.Of(training, institution.OrganizationName, actor, reason), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await ViewAsync(training, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Versioned<TrainingView>> ViewAsync(DigitalTraining training, CancellationToken cancellationToken) =>
        new((await DigitalEngineerViews.TrainingsAsync(db, [training], cancellationToken).ConfigureAwait(false))[0], training.ConcurrencyStamp);
}
