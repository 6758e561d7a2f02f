using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Stable machine codes of the problems of self-declared activities (besides the ledger's own).</summary>
public static class DeclarationProblemCodes
{
    /// <summary>The caller's account is linked to no professional of the registry, so there is nobody to declare for.</summary>
    public const string NoProfessionalRecord = "declaration.no_professional_record";

    /// <summary>No rule set of the person's module (or the platform) is in force on the activity's last day.</summary>
    public const string NoRuleSet = "declaration.no_rule_set";

    /// <summary>The caller may see the declaration but is not the reviewer of its step (or not the person, for a withdrawal).</summary>
    public const string NotReviewer = "declaration.not_reviewer";

    /// <summary>Nobody reviews their own declaration.</summary>
    public const string SelfReview = "declaration.self_review";

    /// <summary>The declaration is not at the step the action belongs to (already reviewed, decided or withdrawn).</summary>
    public const string WrongStep = "declaration.wrong_step";

    /// <summary>The declaration must be sent as multipart/form-data (fields and evidence files).</summary>
    public const string MultipartRequired = "declaration.multipart_required";

    /// <summary>An evidence file is larger than the configured limit.</summary>
    public const string EvidenceTooLarge = "declaration.evidence_too_large";

    /// <summary>More evidence files than the configured limit.</summary>
    public const string EvidenceTooMany = "declaration.evidence_too_many";

    /// <summary>The caller may see the declaration but not its evidence (only the person and its reviewers may).</summary>
    public const string EvidenceForbidden = "declaration.evidence_forbidden";
}
