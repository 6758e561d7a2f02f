namespace KnowledgeRenewal.Supervision.Domain.Filings;

/// <summary>Where a base's December filing stands.</summary>
public enum BaseFilingStatus
{
    /// <summary>Submitted, waiting for the program office (待审核).</summary>
    Submitted = 1,

    /// <summary>Accepted by the program office (已接收).</summary>
    Accepted = 2,

    /// <summary>Returned with a reason; the base corrects and submits again (已退回).</summary>
    Returned = 3,
}

/// <summary>
/// A continuing-education base's December filing for <see cref="Year"/> (年度报送): the year's plan execution and
/// next year's training plan (classes, subjects, target trainees, budget in fen). One per base and year; a returned
/// filing is corrected in place and submitted again, its history kept in <see cref="BaseFilingEvent"/>.
/// </summary>
public sealed class BaseFiling
{
    /// <summary>Longest free-text fields.</summary>
    public const int TextLength = 2000;

    /// <summary>Longest subjects list.</summary>
    public const int SubjectsLength = 500;

    /// <summary>Longest reason.</summary>
    public const int ReasonLength = 500;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The base (Registry's designation).</summary>
    public Guid BaseId { get; init; }

    /// <summary>The base's organization (its staff file for it).</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>The organization's region (scope).</summary>
    public string? RegionCode { get; init; }

    /// <summary>The year reported on; the plan is for the year after.</summary>
    public int Year { get; init; }

    /// <summary>Where it stands.</summary>
    public BaseFilingStatus Status { get; set; } = BaseFilingStatus.Submitted;

    /// <summary>This year's plan execution, in words.</summary>
    public required string Execution { get; set; }

    /// <summary>Classes held this year.</summary>
    public int ClassesHeld { get; set; }

    /// <summary>People trained this year.</summary>
    public int PeopleTrained { get; set; }

    /// <summary>Next year's planned classes.</summary>
    public int PlannedClasses { get; set; }

    /// <summary>Next year's subjects (comma or line separated).</summary>
    public required string PlannedSubjects { get; set; }

    /// <summary>Next year's target number of trainees.</summary>
    public int TargetTrainees { get; set; }

    /// <summary>Next year's budget, fen.</summary>
    public long BudgetFen { get; set; }

    /// <summary>First submitted (UTC).</summary>
    public DateTime FirstSubmittedAt { get; init; }

    /// <summary>Last submitted (UTC).</summary>
    public DateTime SubmittedAt { get; set; }

    /// <summary>The China day of the first submission (late is judged on it).</summary>
    public DateOnly FirstSubmittedOn { get; init; }

    /// <summary>Whether it was first submitted after the due date.</summary>
    public bool Late { get; init; }

    /// <summary>Who submitted last.</summary>
    public string? SubmittedByName { get; set; }

    /// <summary>When the program office decided last (UTC).</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>Who decided last.</summary>
    public string? DecidedByName { get; set; }

    /// <summary>Why it was returned (when returned).</summary>
    public string? ReturnReason { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>What happened to a filing.</summary>
public enum BaseFilingAction
{
    /// <summary>Submitted first.</summary>
    Submitted = 1,

    /// <summary>Corrected and submitted again.</summary>
    Resubmitted = 2,

    /// <summary>Accepted.</summary>
    Accepted = 3,

    /// <summary>Returned with a reason.</summary>
    Returned = 4,
}

/// <summary>One step of a filing's history.</summary>
public sealed class BaseFilingEvent
{
    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The filing.</summary>
    public Guid FilingId { get; init; }

    /// <summary>What happened.</summary>
    public BaseFilingAction Action { get; init; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; init; }

    /// <summary>Who.</summary>
    public string? ByName { get; init; }

    /// <summary>The reason of a return.</summary>
    public string? Reason { get; init; }
}
