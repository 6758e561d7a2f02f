using System.Text.Json.Nodes;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.TitleRecords;

/// <summary>Checks a signed title-evaluation record (public, anonymous): valid only when the signature by a published key matches the record.</summary>
/// <param name="Document">The document as received (null when the body was not JSON).</param>
internal sealed record VerifyTitleRecord(JsonNode? Document) : IRequest<TitleRecordVerification>;

/// <summary>The answer of a check.</summary>
/// <param name="Valid">Whether the signature matches.</param>
/// <param name="Result">Valid, Invalid, UnknownKey or Malformed.</param>
/// <param name="ResultLabel">The result in Chinese.</param>
/// <param name="KeyId">The key id the document names, if any.</param>
internal sealed record TitleRecordVerification(bool Valid, TitleRecordCheck Result, string ResultLabel, string? KeyId);

/// <summary>Handles <see cref="VerifyTitleRecord"/> with <see cref="TitleRecordSignatures.Verify"/> and the published keys.</summary>
internal sealed class VerifyTitleRecordHandler(CredentialKeys keys) : IRequestHandler<VerifyTitleRecord, TitleRecordVerification>
{
    /// <inheritdoc />
    public Task<TitleRecordVerification> Handle(VerifyTitleRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var check = TitleRecordSignatures.Verify(request.Document, (kid, data, signature) => keys.Verify(kid, data, signature));
        var kid = (request.Document?["signature"] as JsonObject)?["kid"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return Task.FromResult(new TitleRecordVerification(check == TitleRecordCheck.Valid, check, TitleRecordSignatures.Label(check), kid));
    }
}
