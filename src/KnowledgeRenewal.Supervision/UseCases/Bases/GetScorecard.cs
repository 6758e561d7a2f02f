using FluentValidation;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>A base's scorecard for a year, computed now from platform data, with the score by the method in force (404 outside the caller's scope).</summary>
/// <param name="Id">The base.</param>
/// <param name="Year">The year.</param>
public sealed record GetScorecard(Guid Id, int Year) : IRequest<ScorecardView>;

/// <summary>A base's scorecard.</summary>
/// <param name="BaseId">The base.</param>
/// <param name="BaseName">Its name.</param>
/// <param name="Year">The year.</param>
/// <param name="TraineeFloor">People a base trains at least a year (configuration).</param>
/// <param name="Figures">The figures.</param>
/// <param name="FinishedRecords">Records of its finished classes (the completion rate's denominator).</param>
/// <param name="FinishedApproved">Approved among them.</param>
/// <param name="Evaluations">Evaluation aggregates.</param>
/// <param name="Inspections">Inspections counted (0 when the inspection results are not available).</param>
/// <param name="InspectionsAvailable">Whether inspection results are available to the assessment.</param>
/// <param name="MethodVersion">The method in force (null when none is set).</param>
/// <param name="Score">The score by it now.</param>
/// <param name="Passed">Whether that reaches the pass mark.</param>
/// <param name="PassMark">The pass mark.</param>
/// <param name="Points">Each indicator's points.</param>
public sealed record ScorecardView(
    Guid BaseId, string BaseName, int Year, int TraineeFloor, ScorecardFigures Figures, int FinishedRecords, int FinishedApproved,
    EvaluationAggregate Evaluations, int Inspections, bool InspectionsAvailable, int? MethodVersion, decimal? Score, bool? Passed, int? PassMark,
    IReadOnlyList<IndicatorPoints> Points);

internal sealed class GetScorecardValidator : AbstractValidator<GetScorecard>
{
    public GetScorecardValidator() =>
        RuleFor(r => r.Year).InclusiveBetween(ProgramPeriod.FirstYear, ProgramPeriod.LastYear).WithErrorCode("out_of_range")
            .WithMessage($"年度应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 之间。");
}

internal sealed class GetScorecardHandler(PlatformDbContext db, ScorecardReader reader, IOptions<BaseSupervisionOptions> options) : IRequestHandler<GetScorecard, ScorecardView>
{
    public async Task<ScorecardView> Handle(GetScorecard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = await BaseAccess.VisibleAsync(db, request.Id, cancellationToken).ConfigureAwait(false);
        var (figures, evaluations, finished, approved, inspection) = await reader.FiguresAsync(b.Id, b.OrganizationId, request.Year, cancellationToken).ConfigureAwait(false);
        var method = await AssessmentMethods.InForceAsync(db, cancellationToken).ConfigureAwait(false);
        var floor = options.Value.TraineeFloor;
        decimal? score = null;
        bool? passed = null;
        IReadOnlyList<IndicatorPoints> points = [];
        if (method is not null)
        {
            (var s, var p, points) = AssessmentRules.Score(figures, method, floor);
            score = s;
            passed = p;
        }

        return new ScorecardView(b.Id, b.Name, request.Year, floor, figures, finished, approved, evaluations, inspection?.Inspections ?? 0, reader.InspectionsAvailable,
            method?.Version, score, passed, method?.PassMark, points);
    }
}

/// <summary>Reads assessment methods.</summary>
internal static class AssessmentMethods
{
    /// <summary>The newest version (in force), or null when none is set.</summary>
    public static Task<AssessmentMethod?> InForceAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        db.Set<AssessmentMethod>().AsNoTracking().OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);
}
