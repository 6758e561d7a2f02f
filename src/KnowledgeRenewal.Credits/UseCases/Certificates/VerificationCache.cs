using KnowledgeRenewal.Credits.Domain;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>What a verification found for a code: the certificate's id (for the log), its status and the public view.</summary>
/// <param name="Id">The certificate.</param>
/// <param name="Status">Its status when read.</param>
/// <param name="View">What the public is shown.</param>
public sealed record VerifiedCertificate(Guid Id, CertificateStatus Status, PublicCertificateView View);

/// <summary>
/// Verification results by normalized code, kept in memory for <see cref="CertificateOptions.VerificationCacheSeconds"/>
/// (bounded by <see cref="CertificateOptions.VerificationCacheEntries"/>; unknown codes are not kept). A status change of a
/// certificate (supersession, revocation) removes its code the moment it is saved and again when its transaction commits
/// (<see cref="Persistence.VerificationCacheInvalidator"/>), and a result read before such a change is never stored after
/// it (<see cref="Epoch"/>): on this instance a revocation shows at once. A singleton.
/// </summary>
public sealed class VerificationCache : IDisposable
{
    private readonly MemoryCache cache;
    private readonly TimeSpan lifetime;
    private readonly Lock gate = new();
    private long epoch;

    /// <summary>Creates the cache from the certificates' settings.</summary>
    public VerificationCache(IOptions<CertificateOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        lifetime = TimeSpan.FromSeconds(Math.Max(0, settings.VerificationCacheSeconds));
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, settings.VerificationCacheEntries) });
    }

    /// <summary>
    /// Counts invalidations: read it before loading a result from the database and pass it to <see cref="Store"/>, which
    /// drops the result if a certificate changed meanwhile.
    /// </summary>
    public long Epoch => Volatile.Read(ref epoch);

    /// <summary>The kept result of <paramref name="code"/> (normalized), or null.</summary>
    public VerifiedCertificate? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return lifetime > TimeSpan.Zero && cache.TryGetValue(code, out VerifiedCertificate? found) ? found : null;
    }

    /// <summary>Keeps <paramref name="found"/> for <paramref name="code"/> unless a certificate changed since <paramref name="seenEpoch"/>.</summary>
    public void Store(string code, VerifiedCertificate found, long seenEpoch)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(found);
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        lock (gate)
        {
            if (epoch != seenEpoch)
            {
                return;
            }

            using var entry = cache.CreateEntry(code);
            entry.Value = found;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = lifetime;
        }
    }

    /// <summary>Forgets <paramref name="code"/> (normalized) — its certificate's status changed.</summary>
    public void Invalidate(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        lock (gate)
        {
            epoch++;
            cache.Remove(code);
        }
    }

    /// <inheritdoc />
    public void Dispose() => cache.Dispose();
}
