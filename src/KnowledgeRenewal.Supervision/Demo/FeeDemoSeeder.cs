using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Funding;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// Demo fee standards and training funds: for the first three active bases (by name), last year's standards — the
/// first base's capacity-building and the second's digital-engineer training approved (public on /fees), the third's
/// returned with a reason — and this year's digital-engineer standard of the first base waiting for the program
/// office; for the first four employers (by code), last year's payroll and training spending, the third below the
/// 1.5 % floor. Idempotent: nothing is added once a standard or a fund line exists.
/// </summary>
internal sealed class FeeDemoSeeder(PlatformDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    /// <inheritdoc />
    public string Key => "supervision.fees.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 96;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = ProgramCalendar.Today(clock).Year;
        if (!await db.Set<FeeStandard>().IgnoreQueryFilters().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            var bases = await db.EducationBases.IgnoreQueryFilters().AsNoTracking().Include(b => b.Organization).Where(b => b.Status == BaseStatus.Active)
                .OrderBy(b => b.Name).Take(3).ToListAsync(cancellationToken).ConfigureAwait(false);
            (int Base, int Year, FeeTrainingKind Kind, long Fee, long[] Items, FeeStandardStatus Status, string? Reason)[] plan =
            [
                (0, year - 1, FeeTrainingKind.CapacityBuilding, 120_000, [60_000, 15_000, 20_000, 20_000, 8_000, 2_000], FeeStandardStatus.Approved, null),
                (1, year - 1, FeeTrainingKind.DigitalEngineer, 280_000, [150_000, 40_000, 45_000, 30_000, 15_000, 5_000], FeeStandardStatus.Approved, null),
                (2, year - 1, FeeTrainingKind.CapacityBuilding, 150_000, [70_000, 30_000, 25_000, 20_000, 10_000, 0], FeeStandardStatus.Returned, "资料费人均 300 元明显偏高，请附教材清单和报价后重新测算。"),
                (0, year, FeeTrainingKind.DigitalEngineer, 300_000, [160_000, 40_000, 50_000, 30_000, 15_000, 5_000], FeeStandardStatus.Submitted, null),
            ];
            foreach (var (index, on, kind, fee, items, status, reason) in plan.Where(p => p.Base < bases.Count))
            {
                var b = bases[index];
                db.Set<FeeStandard>().Add(new FeeStandard
                {
                    BaseId = b.Id, OrganizationId = b.OrganizationId, RegionCode = b.Organization?.RegionCode, BaseName = b.Name, Year = on, Kind = kind,
                    FeeFen = fee, TeachingFen = items[0], MaterialsFen = items[1], VenueFen = items[2], AccommodationFen = items[3], OrganizationFen = items[4], OtherFen = items[5],
                    CostFen = FeeRules.Cost(items[0], items[1], items[2], items[3], items[4], items[5]),
                    Note = "按近三年同类培训实际支出测算，每期 50 人。", Status = status, ReturnReason = reason,
                    SubmittedAt = now.AddDays(-30), SubmittedByName = "基地工作人员（演示）",
                    DecidedAt = status == FeeStandardStatus.Submitted ? null : now.AddDays(-20), DecidedByName = status == FeeStandardStatus.Submitted ? null : "市项目办（演示）",
                });
            }
        }

        if (!await db.Set<EmployerTrainingFund>().IgnoreQueryFilters().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            var employers = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Type == OrganizationType.Employer && o.IsActive)
                .OrderBy(o => o.Code).Take(4).Select(o => new { o.Id, o.RegionCode, o.DepartmentCode }).ToListAsync(cancellationToken).ConfigureAwait(false);
            (long Payroll, long Spent)[] figures = [(8_600_000_000, 172_000_000), (3_200_000_000, 56_000_000), (5_400_000_000, 54_000_000), (1_200_000_000, 30_000_000)];
            for (var i = 0; i < employers.Count; i++)
            {
                db.Set<EmployerTrainingFund>().Add(new EmployerTrainingFund
                {
                    EmployerId = employers[i].Id, RegionCode = employers[i].RegionCode, DepartmentCode = employers[i].DepartmentCode, Year = year - 1,
                    PayrollFen = figures[i].Payroll, TrainingSpentFen = figures[i].Spent, RecordedAt = now.AddDays(-10), RecordedByName = "单位人事（演示）",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
