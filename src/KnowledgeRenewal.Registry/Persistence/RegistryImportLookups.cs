using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>
/// The look-ups of a bulk import, one query per kind of look-up and batch of rows (never one per row): employers by
/// credit code among those the requester may see (the access-scope filter decides), registered professionals by
/// ID-number hash (visible ones with what an update needs, and whether an invisible one holds the hash), and the
/// registry's regions and sectors. The key lists go to the database as one parameter each.
/// </summary>
internal sealed class RegistryImportLookups(PlatformDbContext db)
{
    /// <summary>Region and department codes.</summary>
    public async Task<(HashSet<string> Regions, HashSet<string> Departments)> ReferenceCodesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ([.. regions], [.. departments]);
    }

    /// <summary>Employers with these credit codes that the requester may see.</summary>
    public async Task<List<EmployerRef>> EmployersAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return [];
        }

        var list = codes.ToList();
        return await db.Employers.AsNoTracking()
            .Where(e => EF.Parameter(list).Contains(e.Code))
            .Select(e => new EmployerRef(e.Id, e.Code, e.RegionCode, e.DepartmentCode))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Registered professionals with these hashes the requester may see, and the hashes registered outside the
    /// requester's scope (<paramref name="seesAll"/>: the requester sees every professional, so there are none).
    /// </summary>
    public async Task<(List<ExistingProfessional> Visible, HashSet<string> Elsewhere)> ProfessionalsAsync(IReadOnlyCollection<string> hashes, bool seesAll, CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
        {
            return ([], []);
        }

        var list = hashes.ToList();
        var visible = await db.Professionals.AsNoTracking()
            .Where(p => EF.Parameter(list).Contains(p.IdNumberHash))
            .Select(p => new ExistingProfessional(
                p.Id, p.IdNumberHash, p.Name, p.PhoneCipher, p.PhoneMasked, p.EmployerId, p.RegionCode, p.DepartmentCode,
                p.TitleSeries, p.TitleLevel, p.Specialty, p.Education, p.Status, p.ConcurrencyStamp,
                p.Employments.Where(e => e.EndedOn == null).OrderByDescending(e => e.StartedOn).Select(e => (DateOnly?)e.StartedOn).FirstOrDefault(),
                p.UserId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (seesAll || visible.Count == list.Count)
        {
            return (visible, []);
        }

        var all = await db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => EF.Parameter(list).Contains(p.IdNumberHash))
            .Select(p => p.IdNumberHash)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var elsewhere = all.ToHashSet(StringComparer.Ordinal);
        elsewhere.ExceptWith(visible.Select(v => v.IdNumberHash));
        return (visible, elsewhere);
    }

    /// <summary>Organizations of any kind registered under these codes, and whether the requester may see each.</summary>
    public async Task<List<(string Code, ExistingOrganization Organization)>> OrganizationsAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return [];
        }

        var list = codes.ToList();
        var visibleIds = await db.Organizations.AsNoTracking()
            .Where(o => EF.Parameter(list).Contains(o.Code))
            .Select(o => o.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var all = await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(o => EF.Parameter(list).Contains(o.Code))
            .Select(o => new
            {
                o.Id,
                o.Code,
                o.Name,
                o.RegionCode,
                o.DepartmentCode,
                IsEmployer = o is Employer,
                Ownership = o is Employer ? ((Employer)o).Ownership : Ownership.Public,
                Stamp = o is Employer ? ((Employer)o).ConcurrencyStamp : Guid.Empty,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var visible = visibleIds.ToHashSet();
        return all.Select(o => (o.Code, new ExistingOrganization(o.Id, o.IsEmployer, visible.Contains(o.Id), o.Name, o.Ownership, o.RegionCode, o.DepartmentCode, o.Stamp))).ToList();
    }

    /// <summary>The parents of new employers: each county bureau's id by region, and the program office's (for the city itself).</summary>
    public async Task<Func<string, Guid?>> ParentsAsync(CancellationToken cancellationToken)
    {
        var bureaus = await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(o => o.Type == OrganizationType.CountyBureau || o.Type == OrganizationType.ProgramOffice)
            .Select(o => new { o.Code, o.Id })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byCode = bureaus.ToDictionary(b => b.Code, b => b.Id, StringComparer.Ordinal);
        var office = byCode.TryGetValue(ProgramOrganizations.ProgramOfficeCode, out var po) ? po : (Guid?)null;
        return region => byCode.TryGetValue(ProgramOrganizations.CountyBureauCode(region), out var id) ? id : office;
    }
}
