using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>
/// The state of the audit log for its administrators: the retention in force, the chain's extent, the latest chain
/// verification and the latest purge (both read from the log itself: <c>audit.verified</c>, <c>audit.purged</c>).
/// </summary>
internal sealed record GetAuditOverview : IRequest<AuditOverview>;

/// <summary>The audit log's state.</summary>
/// <param name="RetentionDays">The configured retention (days).</param>
/// <param name="EffectiveRetentionDays">The retention the purge applies (never under 180 days).</param>
/// <param name="PurgeEnabled">Whether the background purge runs.</param>
/// <param name="PurgeInterval">Time between two background purges.</param>
/// <param name="Records">Records in the log.</param>
/// <param name="FirstSequence">Oldest record kept (null when none).</param>
/// <param name="LastSequence">Newest record (null when none).</param>
/// <param name="OldestAt">When the oldest record kept happened (UTC).</param>
/// <param name="LastVerification">The latest <c>audit.verified</c> record, if any.</param>
/// <param name="LastPurge">The latest <c>audit.purged</c> record, if any.</param>
internal sealed record AuditOverview(
    int RetentionDays,
    int EffectiveRetentionDays,
    bool PurgeEnabled,
    TimeSpan PurgeInterval,
    long Records,
    long? FirstSequence,
    long? LastSequence,
    DateTime? OldestAt,
    AuditRecord? LastVerification,
    AuditRecord? LastPurge);

/// <summary>Handles <see cref="GetAuditOverview"/> (the audit log's access filter applies).</summary>
internal sealed class GetAuditOverviewHandler(PlatformDbContext db, IOptions<AuditOptions> options) : IRequestHandler<GetAuditOverview, AuditOverview>
{
    /// <inheritdoc />
    public async Task<AuditOverview> Handle(GetAuditOverview request, CancellationToken cancellationToken)
    {
        var records = db.AuditRecords.AsNoTracking();
        var count = await records.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var oldest = await records.OrderBy(r => r.Sequence).Select(r => new { r.Sequence, r.OccurredAt }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var newest = await records.OrderByDescending(r => r.Sequence).Select(r => (long?)r.Sequence).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var verified = await records.Where(r => r.Action == AuditActions.AuditVerified).OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var purged = await records.Where(r => r.Action == AuditActions.AuditPurged).OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        return new AuditOverview(
            settings.RetentionDays, settings.EffectiveRetentionDays, settings.PurgeEnabled, settings.PurgeInterval,
            count, oldest?.Sequence, newest, oldest?.OccurredAt, verified, purged);
    }
}
