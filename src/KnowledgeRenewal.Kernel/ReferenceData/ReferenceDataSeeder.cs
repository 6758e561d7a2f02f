using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Persistence;

namespace KnowledgeRenewal.Kernel.ReferenceData;

/// <summary>Upserts the reference data every area uses (regions, line departments). Idempotent; runs at every start.</summary>
public sealed class ReferenceDataSeeder(PlatformDbContext db) : IStartupStep
{
    /// <inheritdoc />
    public string Name => "reference data";

    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    Task IStartupStep.RunAsync(CancellationToken cancellationToken) => SeedAsync(cancellationToken);

    /// <summary>Brings regions and departments in line with <see cref="JiningReferenceData"/>.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.ToDictionaryAsync(r => r.Code, cancellationToken).ConfigureAwait(false);
        foreach (var region in JiningReferenceData.Regions)
        {
            if (!regions.TryGetValue(region.Code, out var row))
            {
                row = new Region { Code = region.Code, Name = region.Name };
                db.Regions.Add(row);
            }

            row.Name = region.Name;
            row.Kind = region.Kind;
            row.GbCode = region.GbCode;
            row.ParentCode = region.ParentCode;
            row.SortOrder = region.SortOrder;
        }

        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken).ConfigureAwait(false);
        foreach (var department in JiningReferenceData.LineDepartments)
        {
            if (!departments.TryGetValue(department.Code, out var row))
            {
                row = new Department { Code = department.Code, Name = department.Name, Sector = department.Sector, NameEn = department.NameEn };
                db.Departments.Add(row);
            }

            row.Name = department.Name;
            row.Sector = department.Sector;
            row.NameEn = department.NameEn;
            row.SortOrder = department.SortOrder;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
