using KnowledgeRenewal.Kernel.Application;
using System.Security.Cryptography;
using KnowledgeRenewal.Supervision.Domain.Inspections;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>An uploaded evidence file.</summary>
/// <param name="FileName">The name as uploaded.</param>
/// <param name="Content">The bytes.</param>
public sealed record EvidenceUpload(string FileName, byte[] Content)
{
    /// <summary>The stored evidence: PDF, JPEG or PNG by its bytes, at most 10 MB, else <c>supervision.invalid_evidence</c>.</summary>
    internal InspectionEvidence ToEvidence(Guid findingId, bool forClosure, DateTime now)
    {
        var (name, type, sha256) = Check(InspectionEvidence.FileNameLength, "evidence");
        return new InspectionEvidence
        {
            FindingId = findingId, ForClosure = forClosure, FileName = name, ContentType = type, Size = Content.Length,
            Sha256 = sha256, Content = Content, UploadedAt = now,
        };
    }

    /// <summary>
    /// The one check of every file supervision stores (evidence, filing attachments): the name without its path (at most
    /// <paramref name="nameLength"/> characters), the type detected from the bytes (PDF, JPEG or PNG), at most 10 MB, and
    /// the SHA-256 — else 400 <c>supervision.invalid_evidence</c> naming <paramref name="field"/>.
    /// </summary>
    internal (string Name, string ContentType, string Sha256) Check(int nameLength, string field)
    {
        var name = Path.GetFileName(FileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? field : name.Length > nameLength ? name[^nameLength..] : name;
        var type = Content.Length is > 0 and <= (int)InspectionRules.MaxEvidenceBytes ? InspectionRules.DetectContentType(Content) : null;
        return type is null ? throw InspectionRules.InvalidEvidence(name, field) : (name, type, Convert.ToHexStringLower(SHA256.HashData(Content)));
    }
}
