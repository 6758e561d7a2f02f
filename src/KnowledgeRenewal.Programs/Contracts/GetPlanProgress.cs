using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>
/// A year's plan progress for other areas (the dashboard and the reports): every target against the year's facts,
/// computed exactly as <c>GET /api/annual-plans/{year}</c> computes it, plus the facts themselves (approved projects
/// and distinct trainees by project type, region and department) so that a year without a plan still shows what
/// happened. City-wide, like the plan: the facts are aggregates without personal data. Published so that other areas
/// send it instead of recounting; programs handle it (<c>UseCases/Plans</c>).
/// </summary>
/// <param name="Year">The program year.</param>
public sealed record GetPlanProgress(int Year) : IRequest<PlanProgressReport>;

/// <summary>A year's plan progress.</summary>
/// <param name="Year">The program year.</param>
/// <param name="AsOf">The day (China time) the progress was computed for.</param>
/// <param name="HasPlan">Whether the program office has set a plan for the year.</param>
/// <param name="Targets">The plan's targets and their progress (total, project types, regions, departments); empty without a plan.</param>
/// <param name="Facts">The year's facts.</param>
/// <param name="Names">Names of the region and department codes that appear in the targets and the facts.</param>
public sealed record PlanProgressReport(
    int Year,
    DateOnly AsOf,
    bool HasPlan,
    IReadOnlyList<PlanTargetProgress> Targets,
    PlanFacts Facts,
    IReadOnlyDictionary<string, string> Names);
