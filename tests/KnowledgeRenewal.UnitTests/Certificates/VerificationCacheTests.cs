using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.UnitTests.Certificates;

/// <summary>The verification cache never keeps a result read before a certificate's status changed (ADR 0020).</summary>
public sealed class VerificationCacheTests
{
    private static readonly VerifiedCertificate Valid = new(Guid.CreateVersion7(), CertificateStatus.Valid, new PublicCertificateView(
        "JNXS-2025-00000001-1", "张*远", "3708**********1234", 2025, 12m, 20m, 32m, new DateOnly(2025, 12, 1), CertificateStatus.Valid, "有效", null, null, CertificateLabels.Authority));

    [Fact]
    public void A_result_is_kept_until_its_code_is_invalidated()
    {
        using var cache = new VerificationCache(Options.Create(new CertificateOptions()));
        cache.Store("CODE", Valid, cache.Epoch);
        Assert.Same(Valid, cache.Find("CODE"));

        cache.Invalidate("CODE");
        Assert.Null(cache.Find("CODE"));
    }

    [Fact]
    public void A_result_read_before_an_invalidation_is_not_stored_after_it()
    {
        using var cache = new VerificationCache(Options.Create(new CertificateOptions()));
        var seen = cache.Epoch;      // a verification starts reading the database …
        cache.Invalidate("CODE");    // … a revocation commits meanwhile …
        cache.Store("CODE", Valid, seen); // … and the old status it read is dropped.
        Assert.Null(cache.Find("CODE"));
    }

    [Fact]
    public void Nothing_is_kept_when_the_lifetime_is_zero()
    {
        using var cache = new VerificationCache(Options.Create(new CertificateOptions { VerificationCacheSeconds = 0 }));
        cache.Store("CODE", Valid, cache.Epoch);
        Assert.Null(cache.Find("CODE"));
    }
}
