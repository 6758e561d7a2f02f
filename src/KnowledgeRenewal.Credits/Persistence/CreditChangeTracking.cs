using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// The credit sets integrators follow with delta links (ADR 0023): records, compliance, certificates, classes. Credit
/// data follows its person, so its scope keys are the person's owners (and a record's provider); when a person moves
/// (their county, sector, employer or account changes), their records, compliance and certificates get the move's
/// change number and a tombstone with the old owners — the old county learns they left, the new one gets them.
/// </summary>
internal static class CreditChangeTracking
{
    /// <summary>The followed credit sets' names (their OData entity sets).</summary>
    public const string RecordsSet = "CreditRecords", ComplianceSet = "Compliance", CertificatesSet = "Certificates";

    /// <summary>People's owners per statement (well under every provider's parameter limit).</summary>
    private const int Chunk = 500;

    private static readonly string[] ScopeFilter = [PlatformDbContext.AccessScopeFilter];

    private static readonly ChangeScopeKeys NoOwners = new(null, null, null, null, null);

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(ChangeTrackedSet.For<CreditRecord>(RecordsSet, FeedScopes.Credits, [nameof(CreditRecord.ProfessionalId), nameof(CreditRecord.ProviderId)],
            async (db, values, ct) => await OwnersAsync(db, values.GetValue<Guid>(nameof(CreditRecord.ProfessionalId)), ct).ConfigureAwait(false)
                with { ProviderId = values.GetValue<Guid?>(nameof(CreditRecord.ProviderId)) }));
        services.AddSingleton(ChangeTrackedSet.For<CycleCompliance>(ComplianceSet, FeedScopes.Credits, [nameof(CycleCompliance.ProfessionalId)],
            (db, values, ct) => OwnersAsync(db, values.GetValue<Guid>(nameof(CycleCompliance.ProfessionalId)), ct)));
        services.AddSingleton(ChangeTrackedSet.For<CreditCertificate>(CertificatesSet, FeedScopes.Credits, [nameof(CreditCertificate.ProfessionalId)],
            (db, values, ct) => OwnersAsync(db, values.GetValue<Guid>(nameof(CreditCertificate.ProfessionalId)), ct)));
        services.AddSingleton(ChangeTrackedSet.For<TrainingClass>("Classes", FeedScopes.Credits, [nameof(TrainingClass.ProviderId), nameof(TrainingClass.RegionCode), nameof(TrainingClass.DepartmentCode)],
            values => new ChangeScopeKeys(values.GetValue<string?>(nameof(TrainingClass.RegionCode)), values.GetValue<string?>(nameof(TrainingClass.DepartmentCode)), null, values.GetValue<Guid>(nameof(TrainingClass.ProviderId)), null)));
        services.AddSingleton(new ChangeCascade(typeof(Professional), PeopleMovedAsync));
    }

    /// <summary>The scope keys of the credit data of each of <paramref name="people"/>: their owners now (a person not found has none).</summary>
    public static async Task<Dictionary<Guid, ChangeScopeKeys>> OwnersAsync(PlatformDbContext db, IReadOnlyCollection<Guid> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        var owners = new Dictionary<Guid, ChangeScopeKeys>();
        foreach (var chunk in people.Distinct().Chunk(Chunk))
        {
            var found = await db.Set<ProfessionalOwner>().AsNoTracking().Where(o => chunk.Contains(o.Id))
                .Select(o => new { o.Id, Keys = new ChangeScopeKeys(o.RegionCode, o.DepartmentCode, o.EmployerId, null, o.UserId) })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var owner in found)
            {
                owners[owner.Id] = owner.Keys;
            }
        }

        foreach (var missing in people.Where(p => !owners.ContainsKey(p)))
        {
            owners[missing] = NoOwners;
        }

        return owners;
    }

    private static async Task<ChangeScopeKeys> OwnersAsync(PlatformDbContext db, Guid professionalId, CancellationToken cancellationToken) =>
        await db.Set<ProfessionalOwner>().AsNoTracking().Where(o => o.Id == professionalId)
            .Select(o => new ChangeScopeKeys(o.RegionCode, o.DepartmentCode, o.EmployerId, null, o.UserId))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? NoOwners;

    // People moved (id → their old owners): their records, compliance and certificates take the move's number, and
    // tombstones with the old owners (a record's with its provider) — for a registry edit and an import alike.
    private static async Task<IReadOnlyList<ChangeTombstone>> PeopleMovedAsync(
        PlatformDbContext db, IReadOnlyDictionary<Guid, ChangeScopeKeys> moved, long version, DateTime now, CancellationToken cancellationToken)
    {
        var tombstones = new List<ChangeTombstone>();
        foreach (var chunk in moved.Keys.Chunk(Chunk))
        {
            var records = db.CreditRecords.IgnoreQueryFilters(ScopeFilter).Where(r => chunk.Contains(r.ProfessionalId));
            foreach (var record in await records.Select(r => new { r.Id, r.ProfessionalId, r.ProviderId }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                tombstones.Add(Moved(RecordsSet, record.Id, version, now, moved[record.ProfessionalId] with { ProviderId = record.ProviderId }));
            }

            await records.ExecuteUpdateAsync(s => s.SetProperty(r => r.ChangeVersion, version), cancellationToken).ConfigureAwait(false);

            var compliance = db.Compliance.IgnoreQueryFilters(ScopeFilter).Where(c => chunk.Contains(c.ProfessionalId));
            foreach (var row in await compliance.Select(c => new { c.Id, c.ProfessionalId }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                tombstones.Add(Moved(ComplianceSet, row.Id, version, now, moved[row.ProfessionalId]));
            }

            await compliance.ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangeVersion, version), cancellationToken).ConfigureAwait(false);

            var certificates = db.CreditCertificates.IgnoreQueryFilters(ScopeFilter).Where(c => chunk.Contains(c.ProfessionalId));
            foreach (var certificate in await certificates.Select(c => new { c.Id, c.ProfessionalId }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                tombstones.Add(Moved(CertificatesSet, certificate.Id, version, now, moved[certificate.ProfessionalId]));
            }

            await certificates.ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangeVersion, version), cancellationToken).ConfigureAwait(false);
        }

        return tombstones;
    }

    /// <summary>A tombstone of a row of the credit set <paramref name="set"/> with its old scope keys.</summary>
    public static ChangeTombstone Tombstone(string set, Guid id, long version, string reason, DateTime now, ChangeScopeKeys keys) =>
        new ChangeTombstone { EntitySet = set, EntityId = id, ChangeVersion = version, Reason = reason, RemovedAt = now, Feed = FeedScopes.Credits }.With(keys);

    private static ChangeTombstone Moved(string set, Guid id, long version, DateTime now, ChangeScopeKeys before) =>
        Tombstone(set, id, version, ChangeTombstone.Changed, now, before);
}
