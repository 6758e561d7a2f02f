using System.Text;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

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
