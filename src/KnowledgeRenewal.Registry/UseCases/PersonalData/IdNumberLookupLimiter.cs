using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Registry.UseCases.PersonalData;

/// <summary>Counts exact ID-number look-ups per account (a fixed window per account, no queue). A singleton.</summary>
internal sealed class IdNumberLookupLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    /// <summary>Creates the limiter from the options.</summary>
    public IdNumberLookupLimiter(IOptions<IdNumberLookupOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(account =>
            RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
            }));
    }

    /// <summary>Takes one look-up for <paramref name="account"/>; false (and when to retry) when none is left in this window.</summary>
    public bool TryAcquire(string account, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(account);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose() => limiter.Dispose();
}
