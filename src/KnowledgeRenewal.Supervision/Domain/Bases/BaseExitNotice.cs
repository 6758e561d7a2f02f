using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>Where a base's exit notice stands.</summary>
public enum BaseExitStatus
{
    /// <summary>In public notice (公示中 or waiting for its first day): objections are taken in the period.</summary>
    InNotice = 1,

    /// <summary>The period ended without an upheld objection and the program office concluded it: the base exited.</summary>
    Exited = 2,

    /// <summary>An objection was upheld: the base stays.</summary>
    Withdrawn = 3,
}

/// <summary>Where an objection to an exit stands.</summary>
public enum BaseExitObjectionStatus
{
    /// <summary>Waiting for the program office.</summary>
    Pending = 1,

    /// <summary>Upheld: the exit is withdrawn.</summary>
    Upheld = 2,

    /// <summary>Dismissed: the exit goes on.</summary>
    Dismissed = 3,
}

/// <summary>
/// The exit (退出) of a base proposed by its assessments (below the bar twice in a row), put to the same public notice
/// (公示) as projects: its period comes from Programs' notice terms (working days from configuration), objections are
/// taken only within it, and the exit is concluded only after it ended with no objection pending; an upheld objection
/// withdraws it. Concluding moves the base to Registry's terminal status (已撤销（退出）) with a status-history entry.
/// </summary>
public sealed class BaseExitNotice
{
    /// <summary>Longest reason or resolution.</summary>
    public const int ReasonLength = 1000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The base.</summary>
    public Guid BaseId { get; init; }

    /// <summary>The assessment year that proposed the exit.</summary>
    public int Year { get; init; }

    /// <summary>Why the base exits (published with the notice).</summary>
    public required string Reason { get; init; }

    /// <summary>First day of the notice (China time, included).</summary>
    public DateOnly NoticeStart { get; init; }

    /// <summary>Last day of the notice (China time, included).</summary>
    public DateOnly NoticeEnd { get; init; }

    /// <summary>Where it stands.</summary>
    public BaseExitStatus Status { get; set; } = BaseExitStatus.InNotice;

    /// <summary>When the notice was started (UTC).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>Who started it.</summary>
    public string StartedByName { get; init; } = "system";

    /// <summary>When concluded or withdrawn (UTC).</summary>
    public DateTime? ConcludedAt { get; set; }

    /// <summary>Who concluded or withdrew it.</summary>
    public string? ConcludedByName { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Objections filed in the period.</summary>
    public List<BaseExitObjection> Objections { get; init; } = [];
}

/// <summary>
/// An objection to a base's exit, filed by anyone within the notice period. The contact is kept private like a
/// complaint's: the name for the program office only, the phone encrypted at rest (<see cref="ContactPhoneCipher"/>) and
/// shown masked (<see cref="ContactPhoneMasked"/>) except to an entitled handler, whose read is audited.
/// </summary>
public sealed class BaseExitObjection
{
    /// <summary>Longest reason.</summary>
    public const int ReasonLength = 2000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The notice.</summary>
    public Guid NoticeId { get; init; }

    /// <summary>What is objected to.</summary>
    public required string Reason { get; init; }

    /// <summary>The filer's name (private).</summary>
    public required string ContactName { get; init; }

    /// <summary>The filer's phone, encrypted (personal-data protector).</summary>
    public required string ContactPhoneCipher { get; set; }

    /// <summary>The filer's phone, masked (e.g. 138****5678); empty only on a row filed before the phone was encrypted, until the start-up encrypts it.</summary>
    public required string ContactPhoneMasked { get; set; }

    /// <summary>When filed (UTC).</summary>
    public DateTime FiledAt { get; init; }

    /// <summary>Where it stands.</summary>
    public BaseExitObjectionStatus Status { get; set; } = BaseExitObjectionStatus.Pending;

    /// <summary>The program office's answer.</summary>
    public string? Resolution { get; set; }

    /// <summary>When resolved (UTC).</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>Who resolved it.</summary>
    public string? ResolvedByName { get; set; }
}

/// <summary>Who may be put to an exit notice, and the words.</summary>
public static class BaseExitRules
{
    /// <summary>A base can be put to exit notice while designated (active or under rectification) and proposed for exit by its last assessment.</summary>
    public static bool MayStart(BaseStatus status, bool proposedExit) => proposedExit && status is BaseStatus.Active or BaseStatus.UnderReview;

    /// <summary>The status in words.</summary>
    public static string Label(BaseExitStatus status) => status switch
    {
        BaseExitStatus.InNotice => "退出公示中",
        BaseExitStatus.Exited => "已退出",
        BaseExitStatus.Withdrawn => "异议成立，撤回退出",
        _ => status.ToString(),
    };

    /// <summary>The objection's status in words.</summary>
    public static string Label(BaseExitObjectionStatus status) => status switch
    {
        BaseExitObjectionStatus.Pending => "待处理",
        BaseExitObjectionStatus.Upheld => "异议成立",
        BaseExitObjectionStatus.Dismissed => "异议不成立",
        _ => status.ToString(),
    };
}
