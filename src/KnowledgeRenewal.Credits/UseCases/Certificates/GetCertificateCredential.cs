using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>The signed credential of a certificate within the caller's scope (as signed at issue).</summary>
/// <param name="Id">Id.</param>
internal sealed record GetCertificateCredential(Guid Id) : IRequest<CredentialView>;

/// <summary>Handles <see cref="GetCertificateCredential"/>.</summary>
internal sealed class GetCertificateCredentialHandler(CertificateReader reader, CredentialKeys keys, CertificateLinks links)
    : IRequestHandler<GetCertificateCredential, CredentialView>
{
    /// <inheritdoc />
    public async Task<CredentialView> Handle(GetCertificateCredential request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var certificate = await reader.FindAsync(request.Id, tracked: false, cancellationToken).ConfigureAwait(false);
        var header = System.Text.Json.Nodes.JsonNode.Parse(Base64Url.Decode(certificate.Credential.Split('.')[0]));
        return new CredentialView(
            CertificateCredentials.MediaType,
            certificate.Credential,
            CertificateCredentials.ReadPayload(certificate.Credential),
            header?["kid"]?.GetValue<string>() ?? keys.KeyId,
            links.KeySet);
    }
}
