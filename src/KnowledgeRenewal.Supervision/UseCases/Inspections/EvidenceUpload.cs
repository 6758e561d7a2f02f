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
        var name = Path.GetFileName(FileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? "evidence" : name.Length > InspectionEvidence.FileNameLength ? name[^InspectionEvidence.FileNameLength..] : name;
        var type = Content.Length is > 0 and <= (int)InspectionRules.MaxEvidenceBytes ? InspectionRules.DetectContentType(Content) : null;
        return type is null
            ? throw InspectionRules.InvalidEvidence(name)
            : new InspectionEvidence
            {
                FindingId = findingId, ForClosure = forClosure, FileName = name, ContentType = type, Size = Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(Content)), Content = Content, UploadedAt = now,
            };
    }
}
