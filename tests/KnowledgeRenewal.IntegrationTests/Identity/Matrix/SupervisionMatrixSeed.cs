using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Supervision.Domain.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Identity.Matrix;

/// <summary>
/// Supervision's funding part of the matrix: a waiting fee standard of each fixture base (MX-P1, MX-P2; not public, so
/// only the office, the county and the base itself may see it) and a training-fund line of each fixture employer
/// (MX-E1, MX-E2), marked by their ids and by a note or payroll figure no other data holds.
/// </summary>
internal sealed class SupervisionMatrixSeed : IMatrixSeed
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> PersonMarkers { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyCollection<string> RecordMarkers { get; } = [];

    /// <inheritdoc/>
    public Task SeedAsync(MatrixPlatform matrix) => matrix.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var now = DateTime.UtcNow;
        foreach (var (code, index) in new[] { ("MX-P1", 1), ("MX-P2", 2) })
        {
            var organization = matrix.Organizations[code];
            var educationBase = await db.EducationBases.IgnoreQueryFilters().Include(b => b.Organization).FirstAsync(b => b.OrganizationId == organization);
            var standard = new FeeStandard
            {
                BaseId = educationBase.Id, OrganizationId = organization, RegionCode = educationBase.Organization!.RegionCode, BaseName = educationBase.Name,
                Year = 2026, Kind = FeeTrainingKind.CapacityBuilding, FeeFen = 50_000, TeachingFen = 50_000, CostFen = 50_000,
                Note = $"矩阵收费测算说明{index}号", SubmittedAt = now, SubmittedByName = "矩阵",
            };
            db.Add(standard);
            matrix.Markers["fee " + code] = standard.Note;
            matrix.Markers["fee-id " + code] = standard.Id.ToString();
        }

        foreach (var (code, payroll) in new[] { ("MX-E1", 987_650_001L), ("MX-E2", 987_650_002L) })
        {
            var organization = await db.Organizations.IgnoreQueryFilters().FirstAsync(o => o.Id == matrix.Organizations[code]);
            var fund = new EmployerTrainingFund
            {
                EmployerId = organization.Id, RegionCode = organization.RegionCode, DepartmentCode = organization.DepartmentCode, Year = 2026,
                PayrollFen = payroll, TrainingSpentFen = 1_000, RecordedAt = now, RecordedByName = "矩阵",
            };
            db.Add(fund);
            matrix.Markers["fund " + code] = payroll.ToString(System.Globalization.CultureInfo.InvariantCulture);
            matrix.Markers["fund-id " + code] = fund.Id.ToString();
        }

        await db.SaveChangesAsync();
    });
}
