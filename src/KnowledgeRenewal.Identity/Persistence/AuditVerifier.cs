using System.Globalization;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>
/// Verifies the audit chain: reads the head and every record in sequence order, in pages (memory stays flat however
/// long the log), and checks them with <see cref="AuditChain.Verify"/>. Runs on behalf of an audit administrator,
/// so it reads past the access-scope filter. Every verification is itself recorded (<c>audit.verified</c>).
/// </summary>
internal sealed class AuditVerifier(PlatformDbContext db, AuditKey key, IAuditTrail trail)
{
    private const int PageSize = 2000;

    /// <summary>Verifies the chain and records the verification with its outcome.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var result = await CheckAsync(cancellationToken).ConfigureAwait(false);
        var details = result.IsIntact
            ? string.Create(CultureInfo.InvariantCulture, $"intact; checked={result.RecordsChecked}")
            : string.Create(CultureInfo.InvariantCulture, $"broken at {result.BrokenAtSequence}: {result.Reason}; break={result.Break}; checked={result.RecordsChecked}");
        await trail.RecordAsync(
            new AuditEvent(AuditActions.AuditVerified, result.IsIntact ? AuditOutcome.Success : AuditOutcome.Failure, nameof(AuditRecord), result.BrokenAtSequence?.ToString(CultureInfo.InvariantCulture), details),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Verifies the chain without recording anything.</summary>
    public async Task<AuditVerification> CheckAsync(CancellationToken cancellationToken)
    {
        var result = await CheckOnceAsync(cancellationToken).ConfigureAwait(false);
        if (result.Head is { } head && !result.Verification.IsIntact)
        {
            // A purge that ran between reading the head and the records looks like missing records: read again.
            var now = await ReadHeadAsync(cancellationToken).ConfigureAwait(false);
            if (now is not null && now.AnchorSequence != head.AnchorSequence)
            {
                result = await CheckOnceAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return result.Verification;
    }

    private async Task<(AuditVerification Verification, AuditChainHead? Head)> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var head = await ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            return (AuditVerification.Broken(0, 1, AuditBreak.HeadMissing, "the chain head (table AuditChainHead, row Id = 1) is missing"), null);
        }

        var bytes = key.Bytes;
        var cursorSequence = head.AnchorSequence;
        var cursorHash = head.AnchorHash;
        long checkedCount = 0;
        var first = true;
        while (true)
        {
            // Records past the head are being appended right now (the head moves at commit); they are checked next time.
            // The first page has no lower bound, so a record re-inserted below the anchor is reported too.
            var after = cursorSequence;
            var lowerBound = first ? long.MinValue : after;
            var page = await Records()
                .Where(r => r.Sequence > lowerBound && r.Sequence <= head.LastSequence)
                .OrderBy(r => r.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            first = false;
            if (page.Count == 0)
            {
                break;
            }

            var pageHead = new AuditChainHead
            {
                AnchorSequence = cursorSequence,
                AnchorHash = cursorHash,
                LastSequence = page[^1].Sequence,
                LastHash = page[^1].Hash,
            };
            var verification = AuditChain.Verify(page, pageHead, bytes);
            if (!verification.IsIntact)
            {
                return (verification with { RecordsChecked = checkedCount + verification.RecordsChecked }, head);
            }

            checkedCount += verification.RecordsChecked;
            cursorSequence = page[^1].Sequence;
            cursorHash = page[^1].Hash;
            if (page.Count < PageSize)
            {
                break;
            }
        }

        // The chain must end exactly where the head says, and the head must be the one the platform signed.
        var end = AuditChain.Verify([], new AuditChainHead { AnchorSequence = cursorSequence, AnchorHash = cursorHash, LastSequence = head.LastSequence, LastHash = head.LastHash }, bytes);
        if (end.IsIntact && !AuditChain.IsAuthentic(head, bytes))
        {
            end = AuditVerification.Broken(0, head.LastSequence, AuditBreak.HeadSignature, "the chain head's signature does not match: the newest records were removed and the head moved back, or the head was altered");
        }

        return (end with { RecordsChecked = checkedCount + end.RecordsChecked }, head);
    }

    private IQueryable<AuditRecord> Records() =>
        db.AuditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking();

    private Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken) =>
        db.AuditChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, cancellationToken);
}
