using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Demo;

/// <summary>
/// Demo county and department plans (ADR 0018) for the last demo year, under the city's plan: three counties and two
/// departments within the city's shares, so that <c>/plans/{year}</c> shows them side by side and the other counties
/// and departments as not set yet. Idempotent: a scope that has a plan is left alone.
/// </summary>
internal sealed class NestedPlanDemoSeeder(PlatformDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly (PlanScope Scope, string Code, int Total, int Seminar, int SeminarProjects, int Capacity)[] Plans =
    [
        (PlanScope.Region, "370811", 15_000, 150, 5, 13_000),
        (PlanScope.Region, "370883", 10_000, 100, 3, 8_500),
        (PlanScope.Region, "370812", 7_500, 50, 2, 6_500),
        (PlanScope.Department, Departments.Health, 24_000, 200, 6, 20_000),
        (PlanScope.Department, Departments.Education, 28_000, 150, 4, 25_000),
    ];

    /// <inheritdoc />
    public string Key => "plans.nested.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 61;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var year = Math.Min(context.LastYear, ProgramPeriod.LastYear);
        if (!await db.AnnualPlans.AnyAsync(p => p.Year == year && p.Scope == PlanScope.City, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var existing = await db.AnnualPlans.Where(p => p.Year == year && p.Scope != PlanScope.City).Select(p => new { p.Scope, p.ScopeCode })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (scope, code, total, seminar, seminarProjects, capacity) in Plans)
        {
            if (existing.Any(e => e.Scope == scope && e.ScopeCode == code))
            {
                continue;
            }

            var plan = new AnnualPlan { Year = year, Scope = scope, ScopeCode = code, Notes = $"按全市 {year} 年度计划分解（演示数据）。", UpdatedAt = now, UpdatedByName = "system" };
            db.AnnualPlans.Add(plan);
            db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Year = year, Scope = scope, ScopeCode = code, Kind = PlanTargetKind.Total, Key = "", Trainees = total });
            db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Year = year, Scope = scope, ScopeCode = code, Kind = PlanTargetKind.ProjectType, Key = nameof(ProjectType.AdvancedSeminar), Projects = seminarProjects, Trainees = seminar });
            db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Year = year, Scope = scope, ScopeCode = code, Kind = PlanTargetKind.ProjectType, Key = nameof(ProjectType.CapacityBuilding), Trainees = capacity });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
