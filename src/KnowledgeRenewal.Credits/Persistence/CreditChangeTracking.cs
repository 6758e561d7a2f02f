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
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(ChangeTrackedSet.For<CreditRecord>("CreditRecords", FeedScopes.Credits, [nameof(CreditRecord.ProfessionalId), nameof(CreditRecord.ProviderId)],
            async (db, values, ct) => await OwnersAsync(db, values.GetValue<Guid>(nameof(CreditRecord.ProfessionalId)), ct).ConfigureAwait(false)
                with { ProviderId = values.GetValue<Guid?>(nameof(CreditRecord.ProviderId)) }));
        services.AddSingleton(ChangeTrackedSet.For<CycleCompliance>("Compliance", FeedScopes.Credits, [nameof(CycleCompliance.ProfessionalId)],
            (db, values, ct) => OwnersAsync(db, values.GetValue<Guid>(nameof(CycleCompliance.ProfessionalId)), ct)));
        services.AddSingleton(ChangeTrackedSet.For<CreditCertificate>("Certificates", FeedScopes.Credits, [nameof(CreditCertificate.ProfessionalId)],
            (db, values, ct) => OwnersAsync(db, values.GetValue<Guid>(nameof(CreditCertificate.ProfessionalId)), ct)));
        services.AddSingleton(ChangeTrackedSet.For<TrainingClass>("Classes", FeedScopes.Credits, [nameof(TrainingClass.ProviderId), nameof(TrainingClass.RegionCode), nameof(TrainingClass.DepartmentCode)],
            values => new ChangeScopeKeys(values.GetValue<string?>(nameof(TrainingClass.RegionCode)), values.GetValue<string?>(nameof(TrainingClass.DepartmentCode)), null, values.GetValue<Guid>(nameof(TrainingClass.ProviderId)), null)));
        services.AddSingleton(new ChangeCascade(typeof(Professional), PersonMovedAsync));
    }

    private static async Task<ChangeScopeKeys> OwnersAsync(PlatformDbContext db, Guid professionalId, CancellationToken cancellationToken) =>
        await db.Set<ProfessionalOwner>().AsNoTracking().Where(o => o.Id == professionalId)
            .Select(o => new ChangeScopeKeys(o.RegionCode, o.DepartmentCode, o.EmployerId, null, o.UserId))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
        ?? new ChangeScopeKeys(null, null, null, null, null);

    private static async Task PersonMovedAsync(PlatformDbContext db, Guid professionalId, ChangeScopeKeys before, long version, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var records = db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(r => r.ProfessionalId == professionalId);
        foreach (var record in await records.Select(r => new { r.Id, r.ProviderId }).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            db.Add(Moved("CreditRecords", record.Id, version, now, before with { ProviderId = record.ProviderId }));
        }

        await records.ExecuteUpdateAsync(s => s.SetProperty(r => r.ChangeVersion, version), cancellationToken).ConfigureAwait(false);

        var compliance = db.Compliance.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(c => c.ProfessionalId == professionalId);
        foreach (var id in await compliance.Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            db.Add(Moved("Compliance", id, version, now, before));
        }

        await compliance.ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangeVersion, version), cancellationToken).ConfigureAwait(false);

        var certificates = db.CreditCertificates.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(c => c.ProfessionalId == professionalId);
        foreach (var id in await certificates.Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            db.Add(Moved("Certificates", id, version, now, before));
        }

        await certificates.ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangeVersion, version), cancellationToken).ConfigureAwait(false);
    }

    private static ChangeTombstone Moved(string set, Guid id, long version, DateTime now, ChangeScopeKeys before) =>
        new ChangeTombstone { EntitySet = set, EntityId = id, ChangeVersion = version, Reason = ChangeTombstone.Changed, RemovedAt = now, Feed = FeedScopes.Credits }.With(before);
}
