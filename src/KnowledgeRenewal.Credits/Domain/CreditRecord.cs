using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Where a credit record comes from.</summary>
public enum RecordSource
{
    /// <summary>项目学员名单 — the roster of a program project's class.</summary>
    ProjectRoster = 1,

    /// <summary>施教机构班次 — the roster of a provider's own class.</summary>
    ProviderClass = 2,

    /// <summary>个人申报 — a self-declared activity, reviewed by the employer and the department.</summary>
    SelfDeclared = 3,

    /// <summary>外部平台导入 — imported from another platform.</summary>
    ExternalImport = 4,

    /// <summary>人工调整 — a manual adjustment by an administrator.</summary>
    ManualAdjustment = 5,

    /// <summary>数字技术工程师培训 — a passed digital-engineer training recorded by its training institution (ADR 0017).</summary>
    DigitalTraining = 6,
}

/// <summary>Why a record needs a second look before it counts.</summary>
public enum RecordWarning
{
    /// <summary>The person is already credited for the same class.</summary>
    DuplicateClass = 1,

    /// <summary>Overlapping classes give the person more hours on one day than a day can hold.</summary>
    DayOverload = 2,
}

/// <summary>
/// One entry of the credit-hour ledger (学时记录): who earned how many credit hours, when, in which category and
/// subject, from which source (with its provenance), and where it stands. The ledger is append-only: an approved
/// record is never edited or deleted — a correction revokes it and adds a new record that points back to it, and
/// both stay visible. State changes go through <see cref="Approve"/>, <see cref="Reject"/> and <see cref="Revoke"/>.
/// </summary>
public sealed class CreditRecord : IChangeTracked
{
    /// <summary>The change number of the last insert or update, for OData delta links (set by the platform; ADR 0023).</summary>
    public long ChangeVersion { get; set; }

    /// <summary>Longest title kept.</summary>
    public const int TitleLength = 128;

    /// <summary>Longest reason kept.</summary>
    public const int ReasonLength = 512;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The professional credited.</summary>
    public Guid ProfessionalId { get; init; }

    /// <summary>The professional credited.</summary>
    public Professional? Professional { get; init; }

    /// <summary>The day the activity ended; the record belongs to this day's credit year.</summary>
    public DateOnly Date { get; init; }

    /// <summary>The credit year (the year of <see cref="Date"/>).</summary>
    public int CreditYear { get; init; }

    /// <summary>Public or professional.</summary>
    public CreditCategory Category { get; init; }

    /// <summary>The subject's code (public catalog or the person's department module's catalog), when known.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>The subject's name when recorded (catalogs may rename subjects later).</summary>
    public string? SubjectName { get; init; }

    /// <summary>The module whose catalog and rules the record was recorded under (null: the platform's).</summary>
    public string? ModuleKey { get; init; }

    /// <summary>The kind of activity.</summary>
    public ActivityType Activity { get; init; }

    /// <summary>The module's credit class (e.g. health's <c>I</c>), when it distinguishes classes.</summary>
    public string? CreditClass { get; init; }

    /// <summary>Credit hours (exact; amounts entered in credits are converted by the module's rule).</summary>
    public CreditHours Hours { get; init; }

    /// <summary>
    /// <see cref="Hours"/> as a decimal, computed by the database from the stored hundredths (what feeds filter,
    /// sort and aggregate on: exact on every provider).
    /// </summary>
    public decimal HoursDecimal { get; private set; }

    /// <summary>The amount as entered, in <see cref="EnteredUnit"/> (e.g. 5 学分).</summary>
    public decimal EnteredAmount { get; init; }

    /// <summary>The unit the amount was entered in.</summary>
    public CreditUnit EnteredUnit { get; init; } = CreditUnit.Hour;

    /// <summary>What it was (class title, activity title), in Chinese.</summary>
    public required string Title { get; init; }

    /// <summary>Where it comes from.</summary>
    public RecordSource Source { get; init; }

    /// <summary>The training provider that delivered it, if any.</summary>
    public Guid? ProviderId { get; init; }

    /// <summary>The class (培训班次) whose roster it comes from, if any.</summary>
    public Guid? ClassId { get; init; }

    /// <summary>The class, when loaded (feeds group records by their class's project through it).</summary>
    public TrainingClass? Class { get; private set; }

    /// <summary>The self-declared activity it comes from, if any.</summary>
    public Guid? DeclarationId { get; init; }

    /// <summary>The digital-engineer training record (Programs' <c>DigitalTrainings</c>) it comes from, if any.</summary>
    public Guid? DigitalTrainingId { get; init; }

    /// <summary>The upload (roster or external import job) it comes from, if any.</summary>
    public Guid? ImportJobId { get; init; }

    /// <summary>The uploaded file's name and row, if any (e.g. <c>名单.xlsx 第 12 行</c>).</summary>
    public string? SourceFile { get; init; }

    /// <summary>The other platform's name and reference, for imported records.</summary>
    public string? ExternalReference { get; init; }

    /// <summary>Pending, approved, rejected or revoked.</summary>
    public CreditRecordStatus Status { get; private set; } = CreditRecordStatus.Pending;

    /// <summary>Who recorded it.</summary>
    public Guid? RecordedByUserId { get; init; }

    /// <summary>Who recorded it (user name).</summary>
    public string? RecordedByName { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Who approved or rejected it.</summary>
    public Guid? ReviewedByUserId { get; private set; }

    /// <summary>Who approved or rejected it (user name).</summary>
    public string? ReviewedByName { get; private set; }

    /// <summary>When it was approved or rejected (UTC).</summary>
    public DateTime? ReviewedAt { get; private set; }

    /// <summary>Why it was rejected (or a note on the approval), in Chinese.</summary>
    public string? ReviewReason { get; private set; }

    /// <summary>Who revoked it.</summary>
    public Guid? RevokedByUserId { get; private set; }

    /// <summary>Who revoked it (user name).</summary>
    public string? RevokedByName { get; private set; }

    /// <summary>When it was revoked (UTC).</summary>
    public DateTime? RevokedAt { get; private set; }

    /// <summary>Why it was revoked, in Chinese.</summary>
    public string? RevocationReason { get; private set; }

    /// <summary>The record that replaces this revoked one (a correction).</summary>
    public Guid? CorrectedByRecordId { get; private set; }

    /// <summary>The revoked record this one corrects.</summary>
    public Guid? CorrectsRecordId { get; init; }

    /// <summary>Why the record needs a second look (it stays pending until reviewed).</summary>
    public RecordWarning? Flag { get; init; }

    /// <summary>What the flag found, in Chinese.</summary>
    public string? FlagDetail { get; init; }

    /// <summary>The person's region when recorded (statistics; visibility follows the person).</summary>
    public required string RegionCode { get; init; }

    /// <summary>The person's sector when recorded.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>The person's employer when recorded.</summary>
    public Guid EmployerId { get; init; }

    /// <summary>Changes on every state change (optimistic concurrency: two reviewers, exactly one wins).</summary>
    public Guid ConcurrencyStamp { get; private set; } = Guid.NewGuid();

    /// <summary>Whether the record counts towards compliance.</summary>
    public bool Counts => Status == CreditRecordStatus.Approved;

    /// <summary>Approves a pending record.</summary>
    public void Approve(LedgerActor reviewer, DateTime at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        Require(CreditRecordStatus.Pending, "认定");
        Status = CreditRecordStatus.Approved;
        ReviewedByUserId = reviewer.UserId;
        ReviewedByName = reviewer.Name;
        ReviewedAt = at;
        ReviewReason = LedgerRules.Trim(note);
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Rejects a pending record; the reason is required.</summary>
    public void Reject(LedgerActor reviewer, DateTime at, string reason)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        Require(CreditRecordStatus.Pending, "驳回");
        Status = CreditRecordStatus.Rejected;
        ReviewedByUserId = reviewer.UserId;
        ReviewedByName = reviewer.Name;
        ReviewedAt = at;
        ReviewReason = LedgerRules.RequireReason(reason, "reason", "驳回理由");
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Revokes an approved record; the reason is required. A correction passes the replacing record.</summary>
    public void Revoke(LedgerActor actor, DateTime at, string reason, Guid? correctedBy = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Require(CreditRecordStatus.Approved, "撤销");
        Status = CreditRecordStatus.Revoked;
        RevokedByUserId = actor.UserId;
        RevokedByName = actor.Name;
        RevokedAt = at;
        RevocationReason = LedgerRules.RequireReason(reason, "reason", "撤销理由");
        CorrectedByRecordId = correctedBy;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Marks a record approved on creation (rosters and adjustments by those entitled to record approved hours).</summary>
    public CreditRecord ApprovedOnEntry(LedgerActor actor, DateTime at)
    {
        Approve(actor, at);
        return this;
    }

    private void Require(CreditRecordStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new LedgerException(
                LedgerProblemCodes.InvalidTransition,
                409,
                $"该学时记录当前为“{LedgerLabels.Status(Status)}”，不能{action}（只有“{LedgerLabels.Status(expected)}”的记录可以{action}）。");
        }
    }
}

/// <summary>Who acts on the ledger.</summary>
/// <param name="UserId">The account, if any (null for the platform itself).</param>
/// <param name="Name">The account's user name (or <c>system</c>).</param>
public sealed record LedgerActor(Guid? UserId, string Name)
{
    /// <summary>The platform itself (demo seeding, background work).</summary>
    public static LedgerActor System { get; } = new(null, "system");

    /// <summary>The ledger actor of an audit actor: its account and the name it leaves in records.</summary>
    public static LedgerActor Of(AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new LedgerActor(actor.UserId, actor.Name);
    }
}
