namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>
/// The program office's assessment (考核评估) of a base for a year: the scorecard's figures at that moment, the
/// inspection score it added, the method version used and the score. Assessing again replaces the figures and score
/// (the audit log keeps the earlier ones). Below the bar twice in a row proposes the base for exit.
/// </summary>
public sealed class BaseAssessment
{
    /// <summary>Longest note.</summary>
    public const int NoteLength = 1000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The base.</summary>
    public Guid BaseId { get; init; }

    /// <summary>The year assessed.</summary>
    public int Year { get; init; }

    /// <summary>The method version used.</summary>
    public int MethodVersion { get; set; }

    /// <summary>People trained.</summary>
    public int Trainees { get; set; }

    /// <summary>Seminars hosted.</summary>
    public int Seminars { get; set; }

    /// <summary>Public-subject courses.</summary>
    public int PublicCourses { get; set; }

    /// <summary>Professional-subject courses.</summary>
    public int ProfessionalCourses { get; set; }

    /// <summary>Completion rate (0–1).</summary>
    public decimal? CompletionRate { get; set; }

    /// <summary>Satisfaction rate (0–1).</summary>
    public decimal? SatisfactionRate { get; set; }

    /// <summary>Inspection score (0–100), null when none counted.</summary>
    public decimal? InspectionScore { get; set; }

    /// <summary>Inspections counted.</summary>
    public int Inspections { get; set; }

    /// <summary>The score (0–100).</summary>
    public decimal Score { get; set; }

    /// <summary>Whether it reached the pass mark.</summary>
    public bool Passed { get; set; }

    /// <summary>Below the bar this year and the year before: proposed for exit.</summary>
    public bool ProposedExit { get; set; }

    /// <summary>The assessor's note.</summary>
    public string? Note { get; set; }

    /// <summary>Who assessed.</summary>
    public Guid? AssessedByUserId { get; set; }

    /// <summary>Who assessed (user name).</summary>
    public string AssessedByName { get; set; } = "system";

    /// <summary>When (UTC).</summary>
    public DateTime AssessedAt { get; set; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
