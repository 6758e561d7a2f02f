using KnowledgeRenewal.Core.Identity;
using KnowledgeRenewal.Core.Organizations;
using KnowledgeRenewal.Core.ReferenceData;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Data.Seeding;

/// <summary>Upserts the base registry's reference data (regions, line departments, the program's own organizations). Idempotent; runs at every start.</summary>
public sealed class ReferenceDataSeeder(PlatformDbContext db, TimeProvider clock)
{
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
        await SeedOrganizationsAsync(cancellationToken).ConfigureAwait(false);
        await SeedRolesAsync(cancellationToken).ConfigureAwait(false);
    }

    // The platform's roles, with their Chinese names (upsert by normalized name).
    private async Task SeedRolesAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.NormalizedName!, cancellationToken).ConfigureAwait(false);
        foreach (var definition in RoleCatalog.Roles)
        {
            var normalized = definition.Name.ToUpperInvariant();
            if (!roles.TryGetValue(normalized, out var role))
            {
                role = new PlatformRole { Name = definition.Name, NormalizedName = normalized, ConcurrencyStamp = Guid.NewGuid().ToString() };
                db.Roles.Add(role);
            }

            role.DisplayName = definition.DisplayName;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    // The program office, the county bureaus under it and the line departments under it (upsert by code).
    private async Task SeedOrganizationsAsync(CancellationToken cancellationToken)
    {
        // Only the program's own organizations: a registry of thousands of employers and providers is not read at start.
        string[] codes =
        [
            ProgramOrganizations.ProgramOffice.Code,
            .. ProgramOrganizations.CountyBureaus.Select(b => b.Code),
            .. ProgramOrganizations.LineDepartments.Select(d => d.Code),
        ];
        var existing = await db.Organizations.IgnoreQueryFilters().Where(o => codes.Contains(o.Code))
            .ToDictionaryAsync(o => o.Code, cancellationToken).ConfigureAwait(false);
        var office = Upsert(existing, ProgramOrganizations.ProgramOffice.Code, ProgramOrganizations.ProgramOffice.Name, OrganizationType.ProgramOffice, null, JiningReferenceData.CityCode, Departments.HumanResourcesSocialSecurity);
        foreach (var (code, name, region) in ProgramOrganizations.CountyBureaus)
        {
            Upsert(existing, code, name, OrganizationType.CountyBureau, office.Id, region, Departments.HumanResourcesSocialSecurity);
        }

        foreach (var (code, name, department) in ProgramOrganizations.LineDepartments)
        {
            Upsert(existing, code, name, OrganizationType.LineDepartment, office.Id, JiningReferenceData.CityCode, department);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private Organization Upsert(Dictionary<string, Organization> existing, string code, string name, OrganizationType type, Guid? parent, string region, string? department)
    {
        if (!existing.TryGetValue(code, out var organization))
        {
            organization = new Organization { Code = code, Name = name, RegionCode = region, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Organizations.Add(organization);
            existing[code] = organization;
        }

        organization.Name = name;
        organization.Type = type;
        organization.ParentId = parent;
        organization.RegionCode = region;
        organization.DepartmentCode = department;
        return organization;
    }
}
