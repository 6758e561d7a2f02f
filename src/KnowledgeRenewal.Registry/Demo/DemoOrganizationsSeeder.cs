using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.Demo;

/// <summary>
/// Demo data: the city's training providers, continuing-education bases and about 300 employers (see
/// <see cref="DemoOrganizations"/>), each under its region's county bureau, or under the program office when it is
/// city-level. Idempotent: organizations whose code exists are skipped.
/// </summary>
internal sealed class DemoOrganizationsSeeder(PlatformDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    /// <inheritdoc />
    public string Key => "core.organizations";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var existing = await db.Organizations.IgnoreQueryFilters()
            .Select(o => new { o.Id, o.Code, o.Name, o.Type })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var codes = existing.Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        var named = existing.Select(o => (o.Name, o.Type)).ToHashSet();
        var parents = existing.ToDictionary(o => o.Code, o => o.Id, StringComparer.Ordinal);
        var office = parents[ProgramOrganizations.ProgramOfficeCode];
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var organization in DemoOrganizations.Generate(context.Faker))
        {
            if (codes.Contains(organization.Code) || named.Contains((organization.Name, organization.Type)))
            {
                continue;
            }

            var parent = organization.RegionCode == JiningReferenceData.CityCode
                ? office
                : parents.GetValueOrDefault(ProgramOrganizations.CountyBureauCode(organization.RegionCode), office);
            Organization row = organization.Type switch
            {
                OrganizationType.Employer => new Employer { Code = organization.Code, Name = organization.Name, RegionCode = organization.RegionCode, Ownership = organization.Ownership },
                OrganizationType.TrainingProvider => new TrainingProvider { Code = organization.Code, Name = organization.Name, RegionCode = organization.RegionCode, Kind = organization.ProviderKind },
                _ => new Organization { Code = organization.Code, Name = organization.Name, RegionCode = organization.RegionCode, Type = organization.Type },
            };
            row.ParentId = parent;
            row.DepartmentCode = organization.DepartmentCode;
            row.CreatedAt = now;
            db.Organizations.Add(row);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // The bases: designations of providers.
        var designated = await db.EducationBases.IgnoreQueryFilters().Select(b => b.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var designation in DemoOrganizations.Bases.Where(b => !designated.Contains(b.Name)))
        {
            var provider = await db.Organizations.IgnoreQueryFilters()
                .FirstAsync(o => o.Name == designation.ProviderName && o.Type == OrganizationType.TrainingProvider, cancellationToken)
                .ConfigureAwait(false);
            db.EducationBases.Add(new EducationBase { Name = designation.Name, OrganizationId = provider.Id, Level = designation.Level, DesignatedOn = designation.DesignatedOn });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
