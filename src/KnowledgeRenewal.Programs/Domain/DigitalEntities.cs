using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// A catalog entry (机构目录): an organization of the registry (a training provider or an education base) listed by
/// the program office as a training institution or an evaluation institution, for some fields and levels, for a
/// validity period. An organization has at most one entry, so the organization that trains never evaluates
/// (培训、评价分别开展); its name and region are copied at listing so the catalog reads without the organization tree.
/// </summary>
public sealed class DigitalInstitution
{
    /// <summary>Longest organization name kept.</summary>
    public const int NameLength = 128;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The listed organization.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>Its code (unified social credit code) at listing.</summary>
    public required string OrganizationCode { get; init; }

    /// <summary>Its name at listing.</summary>
    public required string OrganizationName { get; init; }

    /// <summary>Its region.</summary>
    public required string RegionCode { get; init; }

    /// <summary>Training or evaluation.</summary>
    public InstitutionKind Kind { get; init; }

    /// <summary>First day it may act.</summary>
    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day it may act.</summary>
    public DateOnly ValidTo { get; set; }

    /// <summary>When it was listed (UTC).</summary>
    public DateTime ListedAt { get; init; }

    /// <summary>Who listed it.</summary>
    public required string ListedByName { get; init; }

    /// <summary>When the entry last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who changed it last.</summary>
    public required string UpdatedByName { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The fields and levels it is listed for.</summary>
    public ICollection<DigitalInstitutionScope> Scopes { get; } = [];

    /// <summary>Whether it is listed for <paramref name="field"/> at <paramref name="level"/>.</summary>
    public bool Covers(DigitalField field, DigitalLevel level) => Scopes.Any(s => s.Field == field && s.Level == level);

    /// <summary>Whether <paramref name="day"/> is within its validity period.</summary>
    public bool IsValidOn(DateOnly day) => day >= ValidFrom && day <= ValidTo;
}

/// <summary>One field and level a catalogued institution is listed for.</summary>
public sealed class DigitalInstitutionScope
{
    /// <summary>The institution.</summary>
    public Guid InstitutionId { get; init; }

    /// <summary>The field.</summary>
    public DigitalField Field { get; init; }

    /// <summary>The level.</summary>
    public DigitalLevel Level { get; init; }
}

/// <summary>
/// A training record (培训记录): a person of the registry trained by a catalogued training institution in a field and
/// level, with dates, hours and the result. The person's region and sector at recording are kept for statistics;
/// who may see it follows the person now (and its institution).
/// </summary>
public sealed class DigitalTraining
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The trainee.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The field.</summary>
    public DigitalField Field { get; init; }

    /// <summary>The level.</summary>
    public DigitalLevel Level { get; init; }

    /// <summary>The training institution (catalog entry).</summary>
    public Guid InstitutionId { get; init; }

    /// <summary>The training institution's organization.</summary>
    public Guid InstitutionOrganizationId { get; init; }

    /// <summary>First day.</summary>
    public DateOnly StartDate { get; init; }

    /// <summary>Last day.</summary>
    public DateOnly EndDate { get; init; }

    /// <summary>Training hours (学时) the trainee attended, as the institution recorded them.</summary>
    public int Hours { get; internal set; }

    /// <summary>合格 (true) or 不合格: the institution's result; a passed training is a completed one (its hours count).</summary>
    public bool Passed { get; internal set; }

    /// <summary>The person's region at recording.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The person's sector at recording.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string RecordedByName { get; init; }

    /// <summary>Who recorded it (account).</summary>
    public Guid? RecordedByUserId { get; init; }

    /// <summary>When the institution last changed the result or hours (UTC), if it did.</summary>
    public DateTime? ResultChangedAt { get; private set; }

    /// <summary>Who changed the result last.</summary>
    public string? ResultChangedByName { get; private set; }

    /// <summary>Why the result was changed last.</summary>
    public string? ResultChangeReason { get; private set; }

    /// <summary>Changes when the result changes (optimistic concurrency, If-Match).</summary>
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    /// <summary>
    /// The institution changes the result (合格/不合格) or the attended hours with a reason; the ledger follows through
    /// <see cref="Contracts.DigitalTrainingCompleted"/>. Whether the change is allowed is
    /// <see cref="DigitalEngineerRules.CheckResultChange"/>'s.
    /// </summary>
    public void ChangeResult(bool passed, int hours, DigitalActor actor, DateTime at, string reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Passed = passed;
        Hours = hours;
        ResultChangedAt = at;
        ResultChangedByName = actor.Name;
        ResultChangeReason = reason;
        ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>
/// An evaluation result (评价结果) of a passed training by a catalogued evaluation institution — never the
/// organization that trained the person. Passed when the score reaches <see cref="PassMark"/>.
/// </summary>
public sealed class DigitalEvaluation
{
    /// <summary>The lowest passing score (of 100).</summary>
    public const int PassMark = 60;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The training evaluated.</summary>
    public Guid TrainingId { get; init; }

    /// <summary>The person.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The field (the training's).</summary>
    public DigitalField Field { get; init; }

    /// <summary>The level (the training's).</summary>
    public DigitalLevel Level { get; init; }

    /// <summary>The evaluation institution (catalog entry).</summary>
    public Guid InstitutionId { get; init; }

    /// <summary>The evaluation institution's organization.</summary>
    public Guid InstitutionOrganizationId { get; init; }

    /// <summary>The organization that trained the person (it sees the result of its trainee).</summary>
    public Guid TrainingOrganizationId { get; init; }

    /// <summary>The day of the evaluation.</summary>
    public DateOnly EvaluatedOn { get; init; }

    /// <summary>Score, 0–100.</summary>
    public int Score { get; init; }

    /// <summary>Whether the score reaches the pass mark.</summary>
    public bool Passed { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string RecordedByName { get; init; }

    /// <summary>Who recorded it (account).</summary>
    public Guid? RecordedByUserId { get; init; }
}

/// <summary>
/// A certificate of the pipeline: a training-qualified certificate (培训合格证书) from a passed training, issued by the
/// training institution, or a professional technical level certificate (专业技术等级证书) from a passed evaluation,
/// issued by the evaluation institution; one of each kind per training. Its holder is kept masked; its title
/// linkage is computed from kind and level at issue (<see cref="DigitalEngineerCatalog.Linkage"/>).
/// </summary>
public sealed class DigitalCertificate
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Training-qualified or professional level.</summary>
    public DigitalCertificateKind Kind { get; init; }

    /// <summary>Certificate number (<see cref="DigitalCertificateNumbers"/>).</summary>
    public required string Number { get; init; }

    /// <summary>The holder.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The holder's name, masked (张*远).</summary>
    public required string HolderNameMasked { get; init; }

    /// <summary>The holder's ID number, masked.</summary>
    public required string HolderIdMasked { get; init; }

    /// <summary>The field.</summary>
    public DigitalField Field { get; init; }

    /// <summary>The level.</summary>
    public DigitalLevel Level { get; init; }

    /// <summary>How it counts for professional titles.</summary>
    public TitleLinkage TitleLinkage { get; init; }

    /// <summary>The training it comes from (directly or through the evaluation).</summary>
    public Guid TrainingId { get; init; }

    /// <summary>The evaluation it comes from (level certificates).</summary>
    public Guid? EvaluationId { get; init; }

    /// <summary>The issuing institution (catalog entry).</summary>
    public Guid IssuerInstitutionId { get; init; }

    /// <summary>The issuing organization.</summary>
    public Guid IssuerOrganizationId { get; init; }

    /// <summary>The organization that trained the holder.</summary>
    public Guid TrainingOrganizationId { get; init; }

    /// <summary>Day of issue.</summary>
    public DateOnly IssuedOn { get; init; }

    /// <summary>Year of issue (for statistics).</summary>
    public int Year { get; init; }

    /// <summary>The holder's region at issue.</summary>
    public required string RegionCode { get; init; }

    /// <summary>The holder's sector at issue.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>When it was issued (UTC).</summary>
    public DateTime IssuedAt { get; init; }

    /// <summary>Who issued it.</summary>
    public required string IssuedByName { get; init; }

    /// <summary>Who issued it (account).</summary>
    public Guid? IssuedByUserId { get; init; }
}

/// <summary>Where a subsidy claim stands.</summary>
public enum SubsidyClaimStatus
{
    /// <summary>已提交.</summary>
    Submitted = 1,

    /// <summary>已核准.</summary>
    Approved = 2,

    /// <summary>已驳回.</summary>
    Rejected = 3,

    /// <summary>已发放.</summary>
    Paid = 4,
}

/// <summary>
/// A vocational-training subsidy claim (职业培训补贴申领) on a training-qualified certificate: submitted → approved or
/// rejected → paid (approved ones), with who, when and why on every step; one claim per certificate. Decided and
/// paid by the program office or the county bureau of the holder's region at filing.
/// </summary>
public sealed class SubsidyClaim
{
    /// <summary>Longest comment, reason or payment reference kept.</summary>
    public const int TextLength = 256;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The training-qualified certificate.</summary>
    public Guid CertificateId { get; init; }

    /// <summary>The claimant (the certificate's holder).</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The certificate's field.</summary>
    public DigitalField Field { get; init; }

    /// <summary>The certificate's level.</summary>
    public DigitalLevel Level { get; init; }

    /// <summary>Amount in yuan (the standard of the level at filing).</summary>
    public decimal Amount { get; init; }

    /// <summary>Where it stands.</summary>
    public SubsidyClaimStatus Status { get; private set; } = SubsidyClaimStatus.Submitted;

    /// <summary>The holder's region at filing (its county bureau decides).</summary>
    public required string RegionCode { get; init; }

    /// <summary>The holder's sector at filing.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>When it was filed (UTC).</summary>
    public DateTime SubmittedAt { get; init; }

    /// <summary>Who filed it.</summary>
    public required string SubmittedByName { get; init; }

    /// <summary>Who filed it (account).</summary>
    public Guid? SubmittedByUserId { get; init; }

    /// <summary>The claimant's note.</summary>
    public string? SubmissionNote { get; init; }

    /// <summary>When it was approved or rejected (UTC).</summary>
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Who decided.</summary>
    public string? DecidedByName { get; private set; }

    /// <summary>Who decided (account).</summary>
    public Guid? DecidedByUserId { get; private set; }

    /// <summary>The decision's comment; the reason of a rejection.</summary>
    public string? DecisionComment { get; private set; }

    /// <summary>When it was paid (UTC).</summary>
    public DateTime? PaidAt { get; private set; }

    /// <summary>Who recorded the payment.</summary>
    public string? PaidByName { get; private set; }

    /// <summary>Who recorded the payment (account).</summary>
    public Guid? PaidByUserId { get; private set; }

    /// <summary>The payment's reference (voucher number) or note.</summary>
    public string? PaymentReference { get; private set; }

    /// <summary>Changes on every state change (two approvers at once: exactly one wins).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Approves or rejects a submitted claim; 409 <see cref="DigitalEngineerProblemCodes.ClaimWrongStep"/> otherwise.</summary>
    public void Decide(bool approve, Guid? userId, string name, DateTime at, string? comment)
    {
        if (Status != SubsidyClaimStatus.Submitted)
        {
            throw DigitalEngineerRules.WrongStep(Status, approve ? "核准" : "驳回", "只有“已提交”的申领可以核准或驳回");
        }

        Status = approve ? SubsidyClaimStatus.Approved : SubsidyClaimStatus.Rejected;
        DecidedAt = at;
        DecidedByName = name;
        DecidedByUserId = userId;
        DecisionComment = comment;
    }

    /// <summary>Records the payment of an approved claim; 409 <see cref="DigitalEngineerProblemCodes.ClaimWrongStep"/> otherwise.</summary>
    public void Pay(Guid? userId, string name, DateTime at, string? reference)
    {
        if (Status != SubsidyClaimStatus.Approved)
        {
            throw DigitalEngineerRules.WrongStep(Status, "发放", "只有“已核准”的申领可以登记发放");
        }

        Status = SubsidyClaimStatus.Paid;
        PaidAt = at;
        PaidByName = name;
        PaidByUserId = userId;
        PaymentReference = reference;
    }
}

/// <summary>Certificate numbers of the pipeline: <c>SZPX-{year}-{field}{level}-{serial}</c> (training) and <c>SZDJ-…</c> (level).</summary>
public static class DigitalCertificateNumbers
{
    /// <summary>The prefix of a kind: SZPX (数字技术培训合格) or SZDJ (数字技术等级).</summary>
    public static string Prefix(DigitalCertificateKind kind) => kind == DigitalCertificateKind.TrainingQualified ? "SZPX" : "SZDJ";

    /// <summary>What every number of a kind and year starts with.</summary>
    public static string YearPrefix(DigitalCertificateKind kind, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix(kind)}-{year:D4}-");

    /// <summary>The number of serial <paramref name="serial"/> (1-based, per kind and year).</summary>
    public static string Format(DigitalCertificateKind kind, int year, DigitalField field, DigitalLevel level, int serial) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{YearPrefix(kind, year)}{DigitalEngineerCatalog.FieldCode(field)}{(int)level}-{serial:D6}");

    /// <summary>The serial of a number (0 when it is not one).</summary>
    public static int SerialOf(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var dash = number.LastIndexOf('-');
        return dash >= 0 && int.TryParse(number.AsSpan(dash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var serial) ? serial : 0;
    }
}

/// <summary>Who holds a certificate, as it is printed (masked).</summary>
/// <param name="ProfessionalId">The person.</param>
/// <param name="Name">Full name (masked on the certificate).</param>
/// <param name="IdNumberMasked">ID number, masked.</param>
/// <param name="RegionCode">Region now.</param>
/// <param name="DepartmentCode">Sector now.</param>
public sealed record CertificateHolder(Guid ProfessionalId, string Name, string IdNumberMasked, string RegionCode, string DepartmentCode)
{
    /// <summary>The name as printed.</summary>
    public string NameMasked => HolderMask.Name(Name);
}

/// <summary>Who acted, for the trail.</summary>
/// <param name="UserId">The account (null for the platform).</param>
/// <param name="Name">User name.</param>
public sealed record DigitalActor(Guid? UserId, string Name);

/// <summary>Result of a rule: null when allowed, else the problem.</summary>
public static class DigitalProblem
{
    /// <summary>422 with a code.</summary>
    public static PlatformException Unprocessable(string code, string title, string detail) => new(code, 422, title, detail);

    /// <summary>409 with a code.</summary>
    public static PlatformException Conflict(string code, string title, string detail) => new(code, 409, title, detail);

    /// <summary>403 with a code.</summary>
    public static PlatformException Forbidden(string code, string title, string detail) => new(code, 403, title, detail);
}
