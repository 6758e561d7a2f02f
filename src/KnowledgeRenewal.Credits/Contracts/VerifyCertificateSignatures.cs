using MediatR;

namespace KnowledgeRenewal.Credits.Contracts;

/// <summary>The outcome of checking every certificate's signed credential against the platform's signing key.</summary>
/// <param name="Checked">Certificates read.</param>
/// <param name="Valid">Credentials whose ES256 signature verifies with the current signing key.</param>
/// <param name="Invalid">Credentials signed with the current key's id whose signature does not verify (tampered, or the wrong key file).</param>
/// <param name="OtherKey">Credentials signed by another key id (a retired key): not checkable with the current key.</param>
public sealed record CertificateSignatureCheck(long Checked, long Valid, long Invalid, long OtherKey)
{
    /// <summary>Whether every credential the current key signed verifies and at least one was checked when certificates exist.</summary>
    public bool IsIntact => Invalid == 0 && (Checked == 0 || Valid > 0 || OtherKey == Checked);
}

/// <summary>
/// Checks the signed credential of every certificate with the platform's credential signing key (an operator check:
/// <c>restore</c> runs it to prove the restored key folder belongs to the restored database). Runs as the platform itself.
/// </summary>
public sealed record VerifyCertificateSignatures : IRequest<CertificateSignatureCheck>;
