using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Demo;

/// <summary>
/// Demo annual plans for the demo years: the seed's default targets, the total shared out to the eleven counties (in
/// proportion to their size) and to the sectors with modules. Idempotent: a year that has a plan is left alone.
/// </summary>
internal sealed class PlanDemoSeeder(PlatformDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    // Shares of the 100,000 a year per county (their people, roughly) and per sector with its own module.
    private static readonly (string Code, int Trainees)[] RegionShares =
    [
        ("370811", 16_000), ("370812", 8_000), ("370826", 6_000), ("370827", 4_000), ("370828", 6_000), ("370829", 7_000),
        ("370830", 6_000), ("370831", 5_000), ("370832", 6_000), ("370881", 7_000), ("370883", 11_000),
    ];

    private static readonly (string Code, int Trainees)[] DepartmentShares =
    [
        (Departments.Education, 30_000), (Departments.Health, 25_000), (Departments.IndustryIt, 15_000),
        (Departments.AgricultureRural, 8_000), (Departments.Transport, 5_000), (Departments.HousingConstruction, 5_000),
    ];

    /// <inheritdoc />
    public string Key => "plans.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 60;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existing = await db.AnnualPlans.Where(p => p.Scope == PlanScope.City).Select(p => p.Year).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var year = Math.Max(context.FirstYear, ProgramPeriod.FirstYear); year <= Math.Min(context.LastYear, ProgramPeriod.LastYear); year++)
        {
            if (existing.Contains(year))
            {
                continue;
            }

            var plan = new AnnualPlan { Year = year, Notes = $"依据《济宁市专业技术人才知识更新工程（2023－2030年）实施方案》确定的 {year} 年度目标（演示数据）。", UpdatedAt = now, UpdatedByName = "system" };
            var targets = AnnualPlanRules.Defaults
                .Select(t => (t.Kind, t.Key, t.Projects, t.Trainees))
                .Concat(RegionShares.Select(r => (Kind: PlanTargetKind.Region, Key: r.Code, Projects: (int?)null, r.Trainees)))
                .Concat(DepartmentShares.Select(d => (Kind: PlanTargetKind.Department, Key: d.Code, Projects: (int?)null, d.Trainees)));
            foreach (var (kind, key, projects, trainees) in targets)
            {
                plan.Targets.Add(new PlanTarget { PlanId = plan.Id, Year = year, Kind = kind, Key = key, Projects = projects, Trainees = trainees });
            }

            db.AnnualPlans.Add(plan);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
