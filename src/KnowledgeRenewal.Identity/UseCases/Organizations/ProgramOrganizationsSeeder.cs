using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Organizations;

/// <summary>
/// Upserts the program's own organizations (the program office, the county bureaus and line departments under it)
/// and the platform's roles. Idempotent; runs at every start, after the reference data.
/// </summary>
internal sealed class ProgramOrganizationsSeeder(PlatformDbContext db, TimeProvider clock) : IStartupStep
{
    /// <inheritdoc />
    public string Name => "program organizations and roles";

    /// <inheritdoc />
    public int Order => 15;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
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
