using KnowledgeRenewal.Kernel.Telemetry;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>Where a verification came from (kept in the log).</summary>
public static class VerificationChannels
{
    /// <summary>The verification page, code typed in.</summary>
    public const string Page = "page";

    /// <summary>The verification page, opened from the QR code.</summary>
    public const string Qr = "qr";

    /// <summary>The public API.</summary>
    public const string Api = "api";

    /// <summary>The public API, followed from a credential's status link.</summary>
    public const string Credential = "credential";
}

/// <summary>What anyone holding a verification code may learn: masked holder, year, hours, issue date and validity.</summary>
/// <param name="Number">证书编号.</param>
/// <param name="HolderName">The holder's name, partly masked (张*远).</param>
/// <param name="HolderIdMasked">The holder's masked ID number.</param>
/// <param name="Year">The credit year.</param>
/// <param name="PublicHours">公需科目学时.</param>
/// <param name="ProfessionalHours">专业科目学时.</param>
/// <param name="TotalHours">合计学时.</param>
/// <param name="IssuedOn">出具日期 (China time).</param>
/// <param name="Status">Valid, Superseded or Revoked.</param>
/// <param name="Validity">有效 / 已被新版本取代 / 已作废.</param>
/// <param name="SupersededByNumber">The newer version's number, when superseded.</param>
/// <param name="StatusChangedOn">When it was superseded or revoked (China time).</param>
/// <param name="Authority">The issuing authority.</param>
public sealed record PublicCertificateView(
    string Number,
    string HolderName,
    string HolderIdMasked,
    int Year,
    decimal PublicHours,
    decimal ProfessionalHours,
    decimal TotalHours,
    DateOnly IssuedOn,
    CertificateStatus Status,
    string Validity,
    string? SupersededByNumber,
    DateOnly? StatusChangedOn,
    string Authority);

/// <summary>
/// Verifies a code for anyone (no sign-in): the masked view of the certificate it names, or 404
/// <c>certificate.not_found</c> for an unknown, mistyped or forged code — the same answer whatever was wrong, so
/// nothing is revealed. Every verification is logged (code prefix only, result, channel, client address, time) — in
/// batches off the request path (<see cref="VerificationLog"/>, ADR 0020); results are kept briefly in memory
/// (<see cref="VerificationCache"/>), forgotten on this instance the moment a certificate is superseded or revoked.
/// </summary>
/// <param name="Code">The code as typed or scanned.</param>
/// <param name="Channel">page, qr, api or credential.</param>
/// <param name="ClientAddress">The client's address.</param>
public sealed record VerifyCertificate(string? Code, string Channel, string? ClientAddress) : IRequest<PublicCertificateView>
{
    /// <inheritdoc />
    public override string ToString() => nameof(VerifyCertificate); // never the code in logs
}

/// <summary>Handles <see cref="VerifyCertificate"/>.</summary>
public sealed class VerifyCertificateHandler(IServiceProvider services, VerificationCache cache, VerificationLog log, IAuditActorProvider actors, TimeProvider clock, PlatformMetrics metrics)
    : IRequestHandler<VerifyCertificate, PublicCertificateView>
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public async Task<PublicCertificateView> Handle(VerifyCertificate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The platform answers the public here: the code is the holder's consent to show the masked certificate.
        var code = VerificationCodes.Normalize(request.Code);
        var certificate = code is null ? null : cache.Find(code) ?? await LoadAsync(code, cancellationToken).ConfigureAwait(false);
        var result = certificate?.Status switch
        {
            CertificateStatus.Valid => VerificationResult.Valid,
            CertificateStatus.Superseded => VerificationResult.Superseded,
            CertificateStatus.Revoked => VerificationResult.Revoked,
            _ => VerificationResult.Unknown,
        };

        var row = new CertificateVerification
        {
            CertificateId = certificate?.Id,
            CodePrefix = VerificationCodes.LogPrefix(request.Code),
            Result = result,
            Channel = request.Channel,
            ClientAddress = request.ClientAddress is { Length: > 64 } address ? address[..64] : request.ClientAddress,
            VerifiedAt = clock.GetUtcNow().UtcDateTime,
        };
        await log.AppendAsync(row, actors.Current, cancellationToken).ConfigureAwait(false);
        metrics.CertificateVerified(result.ToString());

        return certificate?.View ?? throw new CertificateException(
            CertificateProblemCodes.NotFound,
            404,
            "未找到与该验证码对应的学时证明。请核对证明上印制的 20 位验证码（不区分大小写，短横线可省略）；如仍无法查到，该证明可能不是本平台出具的。");
    }

    // Only the fields shown (never the snapshot or the credential), the successor's number in the same statement.
    private async Task<VerifiedCertificate?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var epoch = cache.Epoch;
        var db = services.GetRequiredService<PlatformDbContext>();
        var row = await db.CreditCertificates.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(c => c.VerificationCode == code)
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.HolderName,
                c.HolderIdMasked,
                c.Year,
                c.PublicHours,
                c.ProfessionalHours,
                c.TotalHours,
                c.IssuedAt,
                c.Status,
                c.StatusChangedAt,
                Successor = c.Status == CertificateStatus.Superseded
                    ? db.Set<CreditCertificate>().IgnoreQueryFilters(AccessScope).Where(s => s.Id == c.SupersededById).Select(s => s.Number).FirstOrDefault()
                    : null,
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var found = new VerifiedCertificate(row.Id, row.Status, new PublicCertificateView(
            row.Number,
            HolderMask.Name(row.HolderName),
            row.HolderIdMasked,
            row.Year,
            row.PublicHours.Hours,
            row.ProfessionalHours.Hours,
            row.TotalHours.Hours,
            ChinaDate(row.IssuedAt),
            row.Status,
            CertificateLabels.Status(row.Status),
            row.Successor,
            row.StatusChangedAt is { } changed ? ChinaDate(changed) : null,
            CertificateLabels.Authority));
        cache.Store(code, found, epoch);
        return found;
    }

    private static DateOnly ChinaDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ProgramCalendar.TimeZone));
}
