namespace KnowledgeRenewal.Programs.Domain;

/// <summary>Stable machine codes of the problems of digital-technology-engineer cultivation.</summary>
public static class DigitalEngineerProblemCodes
{
    /// <summary>Only training providers and education bases can be catalogued as institutions.</summary>
    public const string OrganizationNotEligible = "digital.organization_not_eligible";

    /// <summary>The organization is catalogued already (one entry per organization: it trains or it evaluates, never both).</summary>
    public const string AlreadyListed = "digital.already_listed";

    /// <summary>The institution named is not in the catalog.</summary>
    public const string InstitutionNotListed = "digital.institution_not_listed";

    /// <summary>The institution is catalogued for the other kind of work (training vs evaluation).</summary>
    public const string WrongInstitutionKind = "digital.wrong_institution_kind";

    /// <summary>The act falls outside the institution's validity period.</summary>
    public const string OutsideValidity = "digital.outside_validity";

    /// <summary>The institution is not listed for the field and level.</summary>
    public const string FieldNotListed = "digital.field_not_listed";

    /// <summary>The evaluation institution is the organization that trained the person.</summary>
    public const string SameOrganization = "digital.same_organization";

    /// <summary>The person is not in the registry (or not active).</summary>
    public const string PersonNotFound = "digital.person_not_found";

    /// <summary>The caller is not staff of the institution (nor the program office).</summary>
    public const string NotInstitutionStaff = "digital.not_institution_staff";

    /// <summary>The training was not passed (no evaluation, no training-qualified certificate).</summary>
    public const string TrainingNotPassed = "digital.training_not_passed";

    /// <summary>The evaluation was not passed (no level certificate).</summary>
    public const string EvaluationNotPassed = "digital.evaluation_not_passed";

    /// <summary>The training already has a passed evaluation.</summary>
    public const string AlreadyEvaluated = "digital.already_evaluated";

    /// <summary>The certificate of that kind was issued already for the training.</summary>
    public const string CertificateExists = "digital.certificate_exists";

    /// <summary>Only a training-qualified certificate makes the person eligible for a subsidy claim.</summary>
    public const string NotEligible = "digital.not_eligible";

    /// <summary>A subsidy claim exists already for the certificate (one claim per certificate).</summary>
    public const string ClaimExists = "digital.claim_exists";

    /// <summary>The caller may not file a claim for that certificate (not its holder, county or the program office).</summary>
    public const string NotClaimant = "digital.not_claimant";

    /// <summary>The caller does not decide or pay claims of that county.</summary>
    public const string NotApprover = "digital.not_approver";

    /// <summary>Nobody decides or pays a claim they filed themselves.</summary>
    public const string SelfDecision = "digital.self_decision";

    /// <summary>The claim is not in the state the action needs (submitted → approved/rejected → paid).</summary>
    public const string ClaimWrongStep = "digital.claim_wrong_step";

    /// <summary>The same training (person, institution, field, level, days) is recorded already.</summary>
    public const string TrainingExists = "digital.training_exists";

    /// <summary>A training with a certificate or an evaluation cannot become 不合格.</summary>
    public const string ResultLocked = "digital.result_locked";
}
