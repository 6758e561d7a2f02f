using System.Text.Json.Nodes;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>A certificate in a list.</summary>
/// <param name="Id">Id.</param>
/// <param name="Number">证书编号.</param>
/// <param name="ProfessionalId">The holder.</param>
/// <param name="HolderName">The holder's name as certified.</param>
/// <param name="HolderIdMasked">The holder's masked ID number as certified.</param>
/// <param name="Year">The credit year.</param>
/// <param name="Version">1, 2, … per person-year.</param>
/// <param name="Status">Valid, Superseded or Revoked.</param>
/// <param name="StatusText">有效 / 已被新版本取代 / 已作废.</param>
/// <param name="PublicHours">公需科目学时.</param>
/// <param name="ProfessionalHours">专业科目学时.</param>
/// <param name="TotalHours">合计学时.</param>
/// <param name="IssuedAt">Issued (UTC).</param>
/// <param name="StatusChangedAt">Superseded or revoked (UTC).</param>
/// <param name="SupersededById">The version that replaced it.</param>
/// <param name="VerificationCode">验证码 (unformatted), for the link to the public verification page.</param>
internal sealed record CertificateSummary(
    Guid Id,
    string Number,
    Guid ProfessionalId,
    string HolderName,
    string HolderIdMasked,
    int Year,
    int Version,
    CertificateStatus Status,
    string StatusText,
    decimal PublicHours,
    decimal ProfessionalHours,
    decimal TotalHours,
    DateTime IssuedAt,
    DateTime? StatusChangedAt,
    Guid? SupersededById,
    string VerificationCode);

/// <summary>One certificate with its snapshot, status and links.</summary>
/// <param name="Id">Id.</param>
/// <param name="Number">证书编号.</param>
/// <param name="VerificationCode">验证码, as printed (groups of four).</param>
/// <param name="VerifyUrl">The public verification page (what the QR code holds).</param>
/// <param name="ProfessionalId">The holder.</param>
/// <param name="Year">The credit year.</param>
/// <param name="Version">1, 2, … per person-year.</param>
/// <param name="Status">Valid, Superseded or Revoked.</param>
/// <param name="StatusText">有效 / 已被新版本取代 / 已作废.</param>
/// <param name="SupersededById">The version that replaced it.</param>
/// <param name="SupersededByNumber">Its number.</param>
/// <param name="StatusChangedAt">Superseded or revoked (UTC).</param>
/// <param name="RevocationReason">Why it was revoked.</param>
/// <param name="RevokedBy">Who revoked it.</param>
/// <param name="IssuedAt">Issued (UTC).</param>
/// <param name="IssuedBy">Who asked for it (<c>system</c>: re-issued after a ledger change).</param>
/// <param name="Holder">The holder as certified (masked ID number).</param>
/// <param name="PublicHours">公需科目学时.</param>
/// <param name="ProfessionalHours">专业科目学时.</param>
/// <param name="TotalHours">合计学时.</param>
/// <param name="Compliance">The cycle's compliance verdict at issue, if known.</param>
/// <param name="Records">Every approved record of the year at issue, with provenance.</param>
/// <param name="RecordsFingerprint">SHA-256 of the canonical records.</param>
/// <param name="PageUrl">The printable page.</param>
/// <param name="PdfUrl">The PDF.</param>
/// <param name="CredentialUrl">The signed credential.</param>
public sealed record CertificateView(
    Guid Id,
    string Number,
    string VerificationCode,
    string VerifyUrl,
    Guid ProfessionalId,
    int Year,
    int Version,
    CertificateStatus Status,
    string StatusText,
    Guid? SupersededById,
    string? SupersededByNumber,
    DateTime? StatusChangedAt,
    string? RevocationReason,
    string? RevokedBy,
    DateTime IssuedAt,
    string? IssuedBy,
    CertificateHolder Holder,
    decimal PublicHours,
    decimal ProfessionalHours,
    decimal TotalHours,
    CertificateCompliance? Compliance,
    IReadOnlyList<CertificateRecord> Records,
    string RecordsFingerprint,
    string PageUrl,
    string PdfUrl,
    string CredentialUrl);

/// <summary>The signed credential of a certificate.</summary>
/// <param name="Format"><c>vc+jwt</c>: a compact JWS (ES256) whose payload is the credential.</param>
/// <param name="Jws">The compact JWS — what a verifier checks.</param>
/// <param name="Credential">Its payload (the W3C Verifiable Credential), for reading.</param>
/// <param name="KeyId">The signing key's id (<c>kid</c>).</param>
/// <param name="KeySetUrl">The published key set (JWKS).</param>
internal sealed record CredentialView(string Format, string Jws, JsonNode? Credential, string KeyId, string KeySetUrl);

/// <summary>Reads certificates within the caller's scope (404 otherwise) and shapes them.</summary>
internal sealed class CertificateReader(PlatformDbContext db, CertificateLinks links)
{
    /// <summary>The certificate, tracked (for a state change) or not; 404 when the caller may not see it.</summary>
    public async Task<CreditCertificate> FindAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.CreditCertificates : db.CreditCertificates.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(id);
    }

    /// <summary>The full view of <paramref name="certificate"/> with its entity tag.</summary>
    public async Task<Versioned<CertificateView>> VersionedAsync(CreditCertificate certificate, CancellationToken cancellationToken) =>
        new(await ViewAsync(certificate, cancellationToken).ConfigureAwait(false), CertificateStamps.Of(certificate));

    /// <summary>The full view of <paramref name="certificate"/>.</summary>
    public async Task<CertificateView> ViewAsync(CreditCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var successor = certificate.SupersededById is { } next
            ? await db.CreditCertificates.AsNoTracking().Where(c => c.Id == next).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        var snapshot = CertificateSnapshots.Parse(certificate.Snapshot);
        return new CertificateView(
            certificate.Id,
            certificate.Number,
            VerificationCodes.Format(certificate.VerificationCode),
            links.VerifyPage(certificate.VerificationCode),
            certificate.ProfessionalId,
            certificate.Year,
            certificate.Version,
            certificate.Status,
            CertificateLabels.Status(certificate.Status),
            certificate.SupersededById,
            successor,
            certificate.StatusChangedAt,
            certificate.RevocationReason,
            certificate.RevokedByName,
            certificate.IssuedAt,
            certificate.IssuedByName,
            snapshot.Holder,
            certificate.PublicHours.Hours,
            certificate.ProfessionalHours.Hours,
            certificate.TotalHours.Hours,
            snapshot.Compliance,
            snapshot.Records,
            certificate.RecordsFingerprint,
            $"/certificates/{certificate.Id}",
            $"/api/certificates/{certificate.Id}/pdf",
            $"/api/certificates/{certificate.Id}/credential");
    }

    /// <summary>404 for a certificate that does not exist or that the caller may not see.</summary>
    public static NotFoundException NotFound(Guid id) => new("学时证明", id);
}
