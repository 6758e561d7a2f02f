using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Limits of self-declared activities (section <c>Declarations</c>).</summary>
public sealed class DeclarationOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Declarations";

    /// <summary>Most evidence files per declaration (at least one is required).</summary>
    public int MaxEvidenceFiles { get; set; } = 5;

    /// <summary>Largest evidence file (bytes); a larger one gets 413 <c>declaration.evidence_too_large</c>.</summary>
    public long MaxEvidenceBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Most items (papers, patents …) one declaration may claim.</summary>
    public int MaxItems { get; set; } = 20;

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (MaxEvidenceFiles is < 1 or > 20)
        {
            problems.Add("Declarations:MaxEvidenceFiles must be between 1 and 20.");
        }

        if (MaxEvidenceBytes is < 1024 or > 100L * 1024 * 1024)
        {
            problems.Add("Declarations:MaxEvidenceBytes must be between 1024 and 104857600 (100 MB).");
        }

        if (MaxItems is < 1 or > 1000)
        {
            problems.Add("Declarations:MaxItems must be between 1 and 1000.");
        }

        return problems;
    }
}
