using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.PersonalData;

/// <summary>An exact ID-number look-up that was allowed: the hash to search for, and what its audit record says.</summary>
/// <param name="Hash">The keyed hash to compare with.</param>
/// <param name="Masked">The number masked (what the audit log shows).</param>
/// <param name="Purpose">The stated purpose, as the audit log records it.</param>
/// <param name="Self">Whether it is the caller's own number.</param>
internal sealed record IdNumberLookup(string Hash, string Masked, string Purpose, bool Self)
{
    /// <inheritdoc />
    public override string ToString() => nameof(IdNumberLookup); // never the hash in logs
}

/// <summary>
/// The gate of every exact ID-number look-up — "is this number registered, and who is it?" Only for callers entitled
/// to personal data (<see cref="PersonalDataEntitlement"/>) or for one's own number; 403
/// <see cref="ForbiddenCode"/> otherwise, whoever and whatever the number (never an empty answer that still tells).
/// A purpose is required (400, as for unmasking), the look-ups of one account are limited
/// (<see cref="IdNumberLookupOptions"/>; 429 <see cref="RateLimitedCode"/> with <c>Retry-After</c>), and every one —
/// refused, or run and matched or not — is an audit record (<see cref="AuditActions.PersonalDataSearched"/>: the
/// masked number, a short reference of its hash, how many matched, the purpose; never the number).
/// </summary>
internal sealed class IdNumberLookups(
    PlatformDbContext db,
    ICurrentAccess access,
    IHttpContextAccessor http,
    IdNumberHasher hasher,
    IdNumberLookupLimiter limiter,
    IAuditTrail audit)
{
    /// <summary>The caller may not look people up by ID number (403).</summary>
    public const string ForbiddenCode = "personal_data.lookup_forbidden";

    /// <summary>The caller's look-ups for this window are used up (429).</summary>
    public const string RateLimitedCode = "personal_data.lookup_rate_limited";

    /// <summary>
    /// Checks the caller, the purpose and the limit for a look-up of <paramref name="number"/>; the look-up to run,
    /// or a refusal (audited before it is thrown).
    /// </summary>
    public async Task<IdNumberLookup> BeginAsync(ResidentIdNumber number, string? purpose, CancellationToken cancellationToken)
    {
        var hash = hasher.Hash(number);
        var stated = UnmaskPurpose.ForAudit(purpose);
        var self = access.UserId is { } userId
            && await db.Professionals.AsNoTracking().AnyAsync(p => p.UserId == userId && p.IdNumberHash == hash, cancellationToken).ConfigureAwait(false);
        var lookup = new IdNumberLookup(hash, number.Masked, stated, self);
        if (!self && !PersonalDataEntitlement.HoldsPermission(http.HttpContext?.User, access))
        {
            await RecordAsync(lookup, AuditOutcome.Denied, $"permission {PlatformPermissions.UnmaskPersonalData} missing", null, cancellationToken).ConfigureAwait(false);
            throw new PlatformException(
                ForbiddenCode,
                StatusCodes.Status403Forbidden,
                "无权按身份证号查找",
                "按完整身份证号查找人员需要“查看原始个人信息”权限（本人查找自己的号码除外），请联系安全管理员授权；可按姓名等条件查找。本次请求已记入审计日志。");
        }

        if (UnmaskPurpose.Check(purpose) is { } error)
        {
            await RecordAsync(lookup, AuditOutcome.Denied, "purpose missing or invalid", null, cancellationToken).ConfigureAwait(false);
            throw new RequestValidationException([error]);
        }

        var account = access.UserId is { } id ? "user:" + id.ToString("N") : "client:" + access.ClientId;
        if (!limiter.TryAcquire(account, out var retryAfter))
        {
            await RecordAsync(lookup, AuditOutcome.Denied, "rate limited", null, cancellationToken).ConfigureAwait(false);
            throw new TooManyRequestsException(
                RateLimitedCode,
                "查找过于频繁",
                $"按身份证号查找的次数已达上限，请 {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} 分钟后再试。",
                retryAfter);
        }

        return lookup;
    }

    /// <summary>Records a look-up that ran: how many records matched (and which, when one did).</summary>
    public Task CompleteAsync(IdNumberLookup lookup, int matched, Guid? professionalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return RecordAsync(lookup, AuditOutcome.Success, "matched=" + matched.ToString(System.Globalization.CultureInfo.InvariantCulture), professionalId, cancellationToken);
    }

    /// <summary>
    /// Records a registration refused because the number is registered outside the caller's scope — an exact look-up
    /// too (purpose: the registration), whose answer the caller never sees.
    /// </summary>
    public Task RegistrationRefusedAsync(ResidentIdNumber number, string hash, string purpose, CancellationToken cancellationToken) =>
        RecordAsync(new IdNumberLookup(hash, number.Masked, purpose, false), AuditOutcome.Denied, "registered outside the caller's scope", null, cancellationToken);

    /// <summary>How an audit record names a number: its masked form and the first 16 hex digits of its keyed hash.</summary>
    public static string Describe(string masked, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return $"masked={masked}; ref={hash[..Math.Min(16, hash.Length)]}";
    }

    private Task RecordAsync(IdNumberLookup lookup, AuditOutcome outcome, string result, Guid? professionalId, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditEvent(
                AuditActions.PersonalDataSearched,
                outcome,
                nameof(Professional),
                professionalId?.ToString(),
                $"{Describe(lookup.Masked, lookup.Hash)}; {result}; {(lookup.Self ? "self; " : "")}purpose={lookup.Purpose}"),
            cancellationToken);
}
