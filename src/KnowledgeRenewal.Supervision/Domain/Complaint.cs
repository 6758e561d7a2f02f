namespace KnowledgeRenewal.Supervision.Domain;

/// <summary>Where a complaint stands.</summary>
public enum ComplaintStatus
{
    /// <summary>Filed; the program office assigns or refers it (待分派).</summary>
    Received = 1,

    /// <summary>Assigned to a county bureau or line department, which investigates and resolves it (办理中).</summary>
    Assigned = 2,

    /// <summary>Referred to another authority outside the program (已转办) — closed here.</summary>
    Referred = 3,

    /// <summary>Resolved with a finding (已办结).</summary>
    Resolved = 4,
}

/// <summary>What the investigation found.</summary>
public enum ComplaintFinding
{
    /// <summary>属实.</summary>
    Substantiated = 1,

    /// <summary>部分属实.</summary>
    PartlySubstantiated = 2,

    /// <summary>不属实.</summary>
    NotSubstantiated = 3,
}

/// <summary>
/// A complaint (投诉) filed by anyone, without signing in, against a project, class, provider or base. The filer keeps
/// a lookup code (<see cref="Code"/>) to follow it; the contact (name, phone) is kept for the people who handle it —
/// the phone only encrypted, shown masked (<see cref="ContactPhoneMasked"/>) except to those entitled, whose reads are
/// audited. Each stage has a deadline (<see cref="DueOn"/>, working days from configuration, see
/// <see cref="ComplaintDeadlines"/>): the program office assigns it (to a county bureau or line department) or refers
/// it to another authority; the assignee investigates and resolves it with a finding and a public outcome.
/// </summary>
public sealed class Complaint
{
    /// <summary>Longest subject.</summary>
    public const int SubjectLength = 100;

    /// <summary>Longest content, note or finding.</summary>
    public const int TextLength = 2000;

    /// <summary>Longest public outcome.</summary>
    public const int OutcomeLength = 500;

    /// <summary>Longest name (object, contact, authority).</summary>
    public const int NameLength = 128;

    /// <summary>Key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The filer's lookup code (<see cref="ComplaintCodes"/>), unique.</summary>
    public required string Code { get; init; }

    /// <summary>What the complaint is against.</summary>
    public SupervisedObjectKind ObjectKind { get; init; }

    /// <summary>The project's, class's, provider's or base's id.</summary>
    public Guid ObjectId { get; init; }

    /// <summary>Its name (or number and title) when filed.</summary>
    public required string ObjectName { get; init; }

    /// <summary>The region of the object (for the office's filter), when it has one.</summary>
    public string? ObjectRegionCode { get; init; }

    /// <summary>Subject, one line.</summary>
    public required string Subject { get; init; }

    /// <summary>What happened.</summary>
    public required string Content { get; init; }

    /// <summary>The filer's name (private).</summary>
    public required string ContactName { get; init; }

    /// <summary>The filer's phone, encrypted (private).</summary>
    public required string ContactPhoneCipher { get; init; }

    /// <summary>The filer's phone, masked (<c>138****5678</c>).</summary>
    public required string ContactPhoneMasked { get; init; }

    /// <summary>When it was filed (UTC).</summary>
    public DateTime FiledAt { get; init; }

    /// <summary>The day it was filed (China time).</summary>
    public DateOnly FiledOn { get; init; }

    /// <summary>Where it stands.</summary>
    public ComplaintStatus Status { get; private set; } = ComplaintStatus.Received;

    /// <summary>The current stage's deadline (China time): assign by, then resolve by; null once closed.</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>The county bureau or line department it was assigned to.</summary>
    public Guid? AssigneeOrganizationId { get; private set; }

    /// <summary>Its name.</summary>
    public string? AssigneeName { get; private set; }

    /// <summary>The county bureau's region (its county admins handle it).</summary>
    public string? AssigneeRegionCode { get; private set; }

    /// <summary>The line department's sector (its department admins handle it).</summary>
    public string? AssigneeDepartmentCode { get; private set; }

    /// <summary>The other authority it was referred to.</summary>
    public string? ReferredTo { get; private set; }

    /// <summary>The office's note on assigning or referring.</summary>
    public string? AssignmentNote { get; private set; }

    /// <summary>Who assigned or referred it.</summary>
    public string? AssignedByName { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime? AssignedAt { get; private set; }

    /// <summary>The finding.</summary>
    public ComplaintFinding? Finding { get; private set; }

    /// <summary>The investigation's account (internal).</summary>
    public string? FindingText { get; private set; }

    /// <summary>What the filer (and the public lookup) reads.</summary>
    public string? PublicOutcome { get; private set; }

    /// <summary>Who resolved it.</summary>
    public string? ResolvedByName { get; private set; }

    /// <summary>When (UTC).</summary>
    public DateTime? ResolvedAt { get; private set; }

    /// <summary>The day it was closed (resolved or referred, China time).</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Working days past the deadline when it was closed (0 = on time).</summary>
    public int ClosedLateBy { get; private set; }

    /// <summary>Concurrency stamp (ETag).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Starts the first stage: the office assigns it by <paramref name="assignBy"/>.</summary>
    public void Receive(DateOnly assignBy) => DueOn = assignBy;

    /// <summary>
    /// The office assigns it to a county bureau (<paramref name="regionCode"/>) or line department
    /// (<paramref name="departmentCode"/>); the assignee resolves it by <paramref name="resolveBy"/>. A complaint
    /// already assigned can be reassigned (its deadline starts again); a closed one cannot.
    /// </summary>
    public void Assign(Guid organizationId, string organizationName, string? regionCode, string? departmentCode, string? note, string by, DateTime at, DateOnly resolveBy)
    {
        ComplaintRules.RequireOpen(Status);
        AssigneeOrganizationId = organizationId;
        AssigneeName = organizationName;
        AssigneeRegionCode = regionCode;
        AssigneeDepartmentCode = departmentCode;
        ReferredTo = null;
        AssignmentNote = note;
        AssignedByName = by;
        AssignedAt = at;
        DueOn = resolveBy;
        Status = ComplaintStatus.Assigned;
    }

    /// <summary>The office refers it to another authority (closed here), <paramref name="lateBy"/> working days past its deadline.</summary>
    public void Refer(string authority, string note, string outcome, string by, DateTime at, DateOnly today, int lateBy)
    {
        if (Status != ComplaintStatus.Received)
        {
            ComplaintRules.RequireOpen(Status);
            throw ComplaintRules.Refused(ComplaintProblemCodes.AlreadyAssigned, "投诉已分派", "该投诉已分派给承办单位办理，由承办单位办结；如需转办，请在办结意见中说明。");
        }

        ReferredTo = authority;
        AssignmentNote = note;
        PublicOutcome = outcome;
        AssignedByName = by;
        AssignedAt = at;
        ClosedOn = today;
        ClosedLateBy = lateBy;
        DueOn = null;
        Status = ComplaintStatus.Referred;
    }

    /// <summary>The assignee (or the office) resolves it with a finding, <paramref name="lateBy"/> working days past its deadline.</summary>
    public void Resolve(ComplaintFinding finding, string findingText, string outcome, string by, DateTime at, DateOnly today, int lateBy)
    {
        if (Status != ComplaintStatus.Assigned)
        {
            ComplaintRules.RequireOpen(Status);
            throw ComplaintRules.Refused(ComplaintProblemCodes.NotAssigned, "投诉尚未分派", "投诉须先分派给承办单位，由承办单位调查后办结。");
        }

        Finding = finding;
        FindingText = findingText;
        PublicOutcome = outcome;
        ResolvedByName = by;
        ResolvedAt = at;
        ClosedOn = today;
        ClosedLateBy = lateBy;
        DueOn = null;
        Status = ComplaintStatus.Resolved;
    }
}
