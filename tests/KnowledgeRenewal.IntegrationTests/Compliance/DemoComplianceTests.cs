using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>The demo city ends with compliance computed for every professional in service and every demo year.</summary>
[Collection(SharedPlatform.Name)]
public sealed class DemoComplianceTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_demo_professional_in_service_has_a_computed_cycle_for_every_demo_year()
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var inService = await db.Professionals.AsNoTracking().Where(p => p.Status == ProfessionalStatus.Active).Select(p => p.Id).ToListAsync();
        Assert.NotEmpty(inService);

        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            var covered = await db.Compliance.AsNoTracking()
                .Where(c => c.CycleStart <= year && c.CycleEnd >= year)
                .Select(c => c.ProfessionalId)
                .Distinct()
                .ToListAsync();
            Assert.Empty(inService.Except(covered));
        }

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var summary = await office.GetJsonAsync("/api/compliance/summary?year=2025&groupBy=department");
        Assert.True(summary.GetProperty("total").GetProperty("people").GetInt32() >= inService.Count);
    }

    [Fact]
    public async Task The_bulk_rows_of_the_demo_city_are_those_the_incremental_recomputation_computes_for_every_department()
    {
        // The demo seeder computed every row in bulk (records streamed by person, prepared writes): recomputing
        // every person-year incrementally (every record through the rule engine) must find nothing to change — health's
        // credits and class maximums, education's five-year cycles, the activity caps and the default rules alike.
        using var scope = platform.Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var departments = await db.Professionals.AsNoTracking().Select(p => p.DepartmentCode).Distinct().ToListAsync();
        Assert.Contains(Departments.Health, departments);
        Assert.Contains(Departments.Education, departments);
        var stored = await db.Compliance.AsNoTracking()
            .Where(c => c.CycleStart <= 2026 && c.CycleEnd >= 2023)
            .Select(c => new { c.ProfessionalId, c.CycleStart, c.CycleEnd })
            .ToListAsync();
        var changes = stored
            .SelectMany(c => Enumerable.Range(Math.Max(c.CycleStart, 2023), Math.Min(c.CycleEnd, 2026) - Math.Max(c.CycleStart, 2023) + 1).Select(y => new PersonYear(c.ProfessionalId, y)))
            .Distinct()
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var counts = await scope.ServiceProvider.GetRequiredService<ComplianceRecomputer>().RecomputeAsync(db, changes, CancellationToken.None);
        await transaction.RollbackAsync();

        Assert.True(counts.Unchanged > 0);
        Assert.Equal((0, 0, 0), (counts.Inserted, counts.Updated, counts.Deleted));
    }
}
