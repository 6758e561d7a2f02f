using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Whether a certificate still stands.</summary>
public enum CertificateStatus
{
    /// <summary>有效.</summary>
    Valid = 1,

    /// <summary>已被新版本取代 — the records changed and a new version was issued.</summary>
    Superseded = 2,

    /// <summary>已作废.</summary>
    Revoked = 3,
}

/// <summary>
/// The yearly credit-hour certificate (《济宁市专业技术人员继续教育学时证明》) of one person: issued from a snapshot of
/// their approved records of the year, so later changes never alter it. When the records change, the next issue is a
/// new version and this one shows as superseded. It carries a number, an unguessable verification code (the QR code
/// points to the public verification page) and a signed, machine-verifiable credential.
/// </summary>
public sealed class CreditCertificate : IChangeTracked
{
    /// <summary>The change number of the last insert or update, for OData delta links (set by the platform; ADR 0023).</summary>
    public long ChangeVersion { get; set; }

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The certificate number, e.g. <c>JNXS-2025-00001234-2</c> (year, person serial, version).</summary>
    public required string Number { get; init; }

    /// <summary>The verification code (unguessable; printed and in the QR code).</summary>
    public required string VerificationCode { get; init; }

    /// <summary>The holder.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The holder.</summary>
    public Professional? Professional { get; init; }

    /// <summary>The credit year certified.</summary>
    public int Year { get; init; }

    /// <summary>1 for the first issue of the year, then 2, 3 … after changes.</summary>
    public int Version { get; init; }

    /// <summary>Valid, superseded or revoked.</summary>
    public CertificateStatus Status { get; set; } = CertificateStatus.Valid;

    /// <summary>The version that replaced this one.</summary>
    public Guid? SupersededById { get; set; }

    /// <summary>When it was superseded or revoked (UTC).</summary>
    public DateTime? StatusChangedAt { get; set; }

    /// <summary>Why it was revoked, in Chinese (required when the program office revokes it).</summary>
    public string? RevocationReason { get; set; }

    /// <summary>Who revoked it (user name).</summary>
    public string? RevokedByName { get; set; }

    /// <summary>When it was issued (UTC).</summary>
    public DateTime IssuedAt { get; init; }

    /// <summary>Who asked for it (user name).</summary>
    public string? IssuedByName { get; init; }

    /// <summary>The holder's name as certified.</summary>
    public required string HolderName { get; init; }

    /// <summary>The holder's masked ID number as certified.</summary>
    public required string HolderIdMasked { get; init; }

    /// <summary>The holder's employer as certified.</summary>
    public required string EmployerName { get; init; }

    /// <summary>Approved public-subject hours of the year.</summary>
    public CreditHours PublicHours { get; init; }

    /// <summary>Approved professional-subject hours of the year.</summary>
    public CreditHours ProfessionalHours { get; init; }

    /// <summary>All approved hours of the year.</summary>
    public CreditHours TotalHours { get; init; }

    /// <summary>The compliance verdict of the cycle at issue, in Chinese (e.g. 达标).</summary>
    public string? ComplianceText { get; init; }

    /// <summary>The snapshot (JSON): the holder, totals and every approved record of the year with its provenance.</summary>
    public required string Snapshot { get; init; }

    /// <summary>SHA-256 of the records part of the snapshot: equal when nothing changed (no new version then).</summary>
    public required string RecordsFingerprint { get; init; }

    /// <summary>The credential (a compact JWS of a W3C verifiable credential), signed at issue.</summary>
    public required string Credential { get; init; }

    /// <summary>The region at issue (scope).</summary>
    public required string RegionCode { get; init; }

    /// <summary>The sector at issue (scope).</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>The employer at issue (scope).</summary>
    public Guid EmployerId { get; init; }

    /// <summary>Longest revocation reason kept.</summary>
    public const int ReasonLength = 512;

    /// <summary>Marks this certificate as replaced by <paramref name="successor"/> (only a valid one can be).</summary>
    public void Supersede(CreditCertificate successor, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(successor);
        if (Status != CertificateStatus.Valid)
        {
            throw new CertificateException(CertificateProblemCodes.InvalidTransition, 409, $"学时证明 {Number} 当前为“{CertificateLabels.Status(Status)}”，不能被新版本取代。");
        }

        Status = CertificateStatus.Superseded;
        SupersededById = successor.Id;
        StatusChangedAt = at;
    }

    /// <summary>Revokes this certificate (valid or superseded); the reason is required.</summary>
    public void Revoke(string reason, string revokedBy, DateTime at)
    {
        if (Status == CertificateStatus.Revoked)
        {
            throw new CertificateException(CertificateProblemCodes.InvalidTransition, 409, $"学时证明 {Number} 已作废，不能再次作废。");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text is null || text.Length > ReasonLength)
        {
            throw new CertificateException(
                CertificateProblemCodes.ReasonRequired,
                400,
                text is null ? "请填写作废理由。" : $"作废理由最多 {ReasonLength} 个字。",
                [new FieldError("reason", text is null ? "required" : "too_long", text is null ? "请填写作废理由（reason）。" : $"作废理由（reason）最多 {ReasonLength} 个字。")]);
        }

        Status = CertificateStatus.Revoked;
        StatusChangedAt = at;
        RevocationReason = text;
        RevokedByName = revokedBy;
    }
}

/// <summary>What a verification found.</summary>
public enum VerificationResult
{
    /// <summary>The code names a valid certificate.</summary>
    Valid = 1,

    /// <summary>The code names a superseded certificate.</summary>
    Superseded = 2,

    /// <summary>The code names a revoked certificate.</summary>
    Revoked = 3,

    /// <summary>No certificate has the code (mistyped or forged).</summary>
    Unknown = 4,
}

/// <summary>One public verification of a certificate code (page, API or QR scan), kept as a log.</summary>
public sealed class CertificateVerification
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The certificate found, if any.</summary>
    public Guid? CertificateId { get; init; }

    /// <summary>The first characters of the code asked for (enough to trace probing, not to reuse a code).</summary>
    public required string CodePrefix { get; init; }

    /// <summary>What was found.</summary>
    public VerificationResult Result { get; init; }

    /// <summary>page, api or credential.</summary>
    public required string Channel { get; init; }

    /// <summary>The client's address.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime VerifiedAt { get; init; }
}
