using System.Text;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

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

/// <summary>Handles <see cref="VerifyCertificateSignatures"/>: reads the credentials in pages, verifies with <see cref="CredentialKeys.Verify"/>.</summary>
internal sealed class VerifyCertificateSignaturesHandler(PlatformDbContext db, CredentialKeys keys) : IRequestHandler<VerifyCertificateSignatures, CertificateSignatureCheck>
{
    private const int PageSize = 2000;

    /// <inheritdoc />
    public async Task<CertificateSignatureCheck> Handle(VerifyCertificateSignatures request, CancellationToken cancellationToken)
    {
        long total = 0, valid = 0, invalid = 0, other = 0;
        var skip = 0;
        while (true)
        {
            var page = await db.Set<CreditCertificate>().IgnoreQueryFilters().AsNoTracking()
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Credential })
                .Skip(skip)
                .Take(PageSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var row in page)
            {
                total++;
                switch (Check(row.Credential))
                {
                    case true: valid++; break;
                    case false: invalid++; break;
                    default: other++; break;
                }
            }

            skip += page.Count;
        }

        return new CertificateSignatureCheck(total, valid, invalid, other);
    }

    // true: verifies; false: made with the current key id but does not verify (or malformed); null: another key's.
    private bool? Check(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var header = System.Text.Json.Nodes.JsonNode.Parse(Base64Url.Decode(parts[0]));
            if (header?["kid"]?.GetValue<string>() != keys.KeyId)
            {
                return null;
            }

            return keys.Verify(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.Decode(parts[2]));
        }
        catch (FormatException)
        {
            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
