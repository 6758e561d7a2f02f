using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// The credit events integrators subscribe to (ADR 0035), derived from the rows a save changes — so every path that
/// approves or revokes a record, or issues, supersedes or revokes a certificate, raises them. The data names the
/// person by id and masked ID number only.
/// </summary>
internal static class CreditEvents
{
    private static readonly string[] ScopeFilter = [PlatformDbContext.AccessScopeFilter];

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(EventSource.For<CreditRecord>(RecordAsync));
        services.AddSingleton(EventSource.For<CreditCertificate>(CertificateAsync));
        services.AddSingleton(EventSource.For<CycleCompliance>(ComplianceAsync));
    }

    /// <summary>The event type of a record's status change (null when the change means nothing to integrators).</summary>
    public static string? RecordEvent(CreditRecordStatus? before, CreditRecordStatus after) => (before, after) switch
    {
        (not CreditRecordStatus.Approved, CreditRecordStatus.Approved) => EventTypes.CreditRecordApproved,
        (CreditRecordStatus.Approved, CreditRecordStatus.Revoked) => EventTypes.CreditRecordRevoked,
        _ => null,
    };

    /// <summary>The event type of a certificate's status change (null when none).</summary>
    public static string? CertificateEvent(CertificateStatus? before, CertificateStatus after) => (before, after) switch
    {
        (null, CertificateStatus.Valid) => EventTypes.CertificateIssued,
        (not CertificateStatus.Superseded, CertificateStatus.Superseded) => EventTypes.CertificateSuperseded,
        (not CertificateStatus.Revoked, CertificateStatus.Revoked) => EventTypes.CertificateRevoked,
        _ => null,
    };

    private static async Task<IReadOnlyList<DetectedEvent>> RecordAsync(PlatformDbContext db, IReadOnlyList<EntityEntry<CreditRecord>> entries, CancellationToken cancellationToken)
    {
        var changed = entries.Select(e => (Record: e.Entity, Type: RecordEvent(Before<CreditRecordStatus>(e, nameof(CreditRecord.Status)), e.Entity.Status)))
            .Where(c => c.Type is not null).ToList();
        var masked = await MaskedIdNumbersAsync(db, [.. changed.Select(c => c.Record.ProfessionalId)], cancellationToken).ConfigureAwait(false);
        return [.. changed.Select(c => new DetectedEvent(c.Type!, c.Record.Id, new
        {
            id = c.Record.Id,
            professionalId = c.Record.ProfessionalId,
            idNumberMasked = masked.GetValueOrDefault(c.Record.ProfessionalId),
            c.Record.CreditYear,
            c.Record.Date,
            c.Record.Category,
            c.Record.SubjectCode,
            hours = c.Record.Hours.Hours,
            c.Record.Status,
            c.Record.ProviderId,
            c.Record.CorrectedByRecordId,
        }))];
    }

    private static async Task<IReadOnlyList<DetectedEvent>> CertificateAsync(PlatformDbContext db, IReadOnlyList<EntityEntry<CreditCertificate>> entries, CancellationToken cancellationToken)
    {
        var changed = entries.Select(e => (Certificate: e.Entity, Type: CertificateEvent(Before<CertificateStatus>(e, nameof(CreditCertificate.Status)), e.Entity.Status)))
            .Where(c => c.Type is not null).ToList();
        var masked = await MaskedIdNumbersAsync(db, [.. changed.Select(c => c.Certificate.ProfessionalId)], cancellationToken).ConfigureAwait(false);
        return [.. changed.Select(c => new DetectedEvent(c.Type!, c.Certificate.Id, new
        {
            id = c.Certificate.Id,
            c.Certificate.Number,
            professionalId = c.Certificate.ProfessionalId,
            idNumberMasked = masked.GetValueOrDefault(c.Certificate.ProfessionalId),
            c.Certificate.Year,
            c.Certificate.Version,
            c.Certificate.Status,
            c.Certificate.SupersededById,
        }))];
    }

    private static async Task<IReadOnlyList<DetectedEvent>> ComplianceAsync(PlatformDbContext db, IReadOnlyList<EntityEntry<CycleCompliance>> entries, CancellationToken cancellationToken)
    {
        var changed = entries
            .Where(e => e.State == EntityState.Added || e.Property(c => c.Status).IsModified || e.Property(c => c.Counted).IsModified)
            .Select(e => e.Entity).ToList();
        var masked = await MaskedIdNumbersAsync(db, [.. changed.Select(c => c.ProfessionalId)], cancellationToken).ConfigureAwait(false);
        return [.. changed.Select(row => ComplianceEvent(row.Id, row.ProfessionalId, masked.GetValueOrDefault(row.ProfessionalId), row.CycleStart, row.CycleEnd, row.Status, row.Counted.Hours, row.Required.Hours))];
    }

    /// <summary>A <see cref="EventTypes.ComplianceChanged"/> event (also written by the compliance row writer).</summary>
    public static DetectedEvent ComplianceEvent(Guid id, Guid professionalId, string? idNumberMasked, int cycleStart, int cycleEnd, ComplianceStatus status, decimal counted, decimal required) =>
        new(EventTypes.ComplianceChanged, id, new { id, professionalId, idNumberMasked, cycleStart, cycleEnd, status, counted, required });

    private static T? Before<T>(EntityEntry entry, string property)
        where T : struct =>
        entry.State == EntityState.Added ? null : (T?)entry.Property(property).OriginalValue;

    /// <summary>The masked ID numbers of <paramref name="people"/> (one query; none when there are none).</summary>
    public static async Task<Dictionary<Guid, string>> MaskedIdNumbersAsync(PlatformDbContext db, IReadOnlyCollection<Guid> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        var masked = new Dictionary<Guid, string>();
        foreach (var chunk in people.Distinct().Chunk(500))
        {
            foreach (var person in await db.Professionals.IgnoreQueryFilters(ScopeFilter).AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.IdNumberMasked }).ToListAsync(cancellationToken).ConfigureAwait(false))
            {
                masked[person.Id] = person.IdNumberMasked;
            }
        }

        return masked;
    }
}
