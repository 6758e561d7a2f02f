using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>A person on an earlier roster of a class whom a new roster no longer lists.</summary>
/// <param name="ProfessionalId">The person.</param>
/// <param name="Name">Their registered name.</param>
/// <param name="IdNumberMasked">Their masked ID number.</param>
/// <param name="Status">Where their record of the class stands.</param>
public sealed record MissingTrainee(Guid ProfessionalId, string Name, string IdNumberMasked, CreditRecordStatus Status);

/// <summary>
/// The look-ups of a roster upload, one query per kind and batch of rows. They are checks on the upload, not answers
/// to the uploader, so they read past the access-scope filter: people are found by ID-number hash whoever may see
/// them in the registry (a provider's trainees are not its staff), and the ledger is searched for every record of the
/// class and every overlapping class of other providers, whichever path recorded them.
/// </summary>
public sealed class RosterImportLookups(PlatformDbContext db)
{
    /// <summary>Registered people by ID-number hash.</summary>
    public async Task<Dictionary<string, RosterPerson>> PeopleAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        if (hashes.Count == 0)
        {
            return [];
        }

        var list = hashes.ToList();
        var found = await db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => EF.Parameter(list).Contains(p.IdNumberHash))
            .Select(p => new { p.IdNumberHash, p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.DepartmentCode, p.EmployerId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return found.ToDictionary(p => p.IdNumberHash, p => new RosterPerson(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.DepartmentCode, p.EmployerId), StringComparer.Ordinal);
    }

    /// <summary>Every record of the class for these people (any source, any status), by person.</summary>
    public async Task<ILookup<Guid, ClassRecord>> ClassRecordsAsync(Guid classId, IReadOnlyCollection<Guid> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return Array.Empty<ClassRecord>().ToLookup(r => r.ProfessionalId);
        }

        var list = people.ToList();
        var records = await db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(r => r.ClassId == classId && EF.Parameter(list).Contains(r.ProfessionalId))
            .Select(r => new ClassRecord(r.Id, r.ProfessionalId, r.Source, r.Status, r.Hours, r.Category, r.SubjectCode, r.RecordedAt, r.ConcurrencyStamp))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.ToLookup(r => r.ProfessionalId);
    }

    /// <summary>
    /// For these people, the classes of other providers whose days overlap <paramref name="trainingClass"/> and for
    /// which they have a pending or approved record, by person.
    /// </summary>
    public async Task<ILookup<Guid, OverlappingClass>> OverlapsAsync(TrainingClass trainingClass, IReadOnlyCollection<Guid> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trainingClass);
        if (people.Count == 0)
        {
            return Array.Empty<(Guid, OverlappingClass)>().ToLookup(o => o.Item1, o => o.Item2);
        }

        var list = people.ToList();
        var (classId, providerId, start, end) = (trainingClass.Id, trainingClass.ProviderId, trainingClass.StartDate, trainingClass.EndDate);
        var rows = await (
                from r in db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
                join c in db.TrainingClasses.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]) on r.ClassId equals c.Id
                join o in db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]) on c.ProviderId equals o.Id
                where EF.Parameter(list).Contains(r.ProfessionalId)
                    && (r.Status == CreditRecordStatus.Pending || r.Status == CreditRecordStatus.Approved)
                    && c.Id != classId && c.ProviderId != providerId && c.StartDate <= end && c.EndDate >= start
                select new { r.ProfessionalId, ClassId = c.Id, c.Title, ProviderName = o.Name, c.StartDate, c.EndDate, c.Hours })
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Digital-engineer trainings of other organizations the people are credited for (ADR 0017) count as well.
        var digital = await (
                from r in db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
                join t in db.DigitalTrainings.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]) on r.DigitalTrainingId equals t.Id
                where EF.Parameter(list).Contains(r.ProfessionalId)
                    && (r.Status == CreditRecordStatus.Pending || r.Status == CreditRecordStatus.Approved)
                    && t.InstitutionOrganizationId != providerId && t.StartDate <= end && t.EndDate >= start
                select new { r.ProfessionalId, t.Id, r.Title, t.StartDate, t.EndDate, t.Hours })
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .DistinctBy(r => (r.ProfessionalId, r.ClassId))
            .Select(r => (r.ProfessionalId, Class: new OverlappingClass(r.ClassId, r.Title, r.ProviderName, r.StartDate, r.EndDate, new TrainingClass { Title = r.Title, StartDate = r.StartDate, EndDate = r.EndDate, Hours = r.Hours }.HoursPerDay)))
            .Concat(digital.DistinctBy(d => (d.ProfessionalId, d.Id)).Select(d => (d.ProfessionalId, Class: new OverlappingClass(
                d.Id, d.Title, LedgerLabels.Source(RecordSource.DigitalTraining), d.StartDate, d.EndDate, DigitalTrainingHours.HoursPerDay(d.StartDate, d.EndDate, d.Hours)))))
            .ToLookup(r => r.ProfessionalId, r => r.Class);
    }

    /// <summary>
    /// People whose latest roster record of the class is pending or approved but who are not in
    /// <paramref name="listed"/> (the people the new roster names).
    /// </summary>
    public async Task<List<MissingTrainee>> MissingAsync(Guid classId, IReadOnlySet<Guid> listed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var chain = await db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(r => r.ClassId == classId && (r.Source == RecordSource.ProviderClass || r.Source == RecordSource.ProjectRoster))
            .Select(r => new { r.ProfessionalId, r.Status, r.RecordedAt, r.Id })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = chain
            .GroupBy(r => r.ProfessionalId)
            .Select(g => g.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Last())
            .Where(r => (r.Status == CreditRecordStatus.Pending || r.Status == CreditRecordStatus.Approved) && !listed.Contains(r.ProfessionalId))
            .ToDictionary(r => r.ProfessionalId, r => r.Status);
        if (missing.Count == 0)
        {
            return [];
        }

        var ids = missing.Keys.ToList();
        var people = await db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id))
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. people.Select(p => new MissingTrainee(p.Id, p.Name, p.IdNumberMasked, missing[p.Id]))];
    }

    /// <summary>The records (full entities, untracked) a correction replaces.</summary>
    public Task<List<CreditRecord>> RecordsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.ToList();
        return db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(r => EF.Parameter(list).Contains(r.Id))
            .ToListAsync(cancellationToken);
    }
}
