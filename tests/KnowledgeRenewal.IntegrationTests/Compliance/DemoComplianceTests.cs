using KnowledgeRenewal.Core.Registry;
using KnowledgeRenewal.Data;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
}
