using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// A class (培训班次) a training provider runs: its dates, its length in credit hours per trainee, the category and
/// subject it teaches. When it has finished, the provider uploads its roster (学员名单) and every accepted row becomes
/// a credit record. A program project (later) has one or more classes.
/// </summary>
public sealed class TrainingClass : IChangeTracked
{
    /// <summary>The change number of the last insert or update, for OData delta links (set by the platform; ADR 0023).</summary>
    public long ChangeVersion { get; set; }

    /// <summary>Longest title kept.</summary>
    public const int TitleLength = 128;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The provider running the class.</summary>
    public Guid ProviderId { get; init; }

    /// <summary>The provider running the class.</summary>
    public TrainingProvider? Provider { get; init; }

    /// <summary>The program project the class belongs to, if any.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>The project, when loaded.</summary>
    public Project? Project { get; private set; }

    /// <summary>Title, in Chinese.</summary>
    public required string Title { get; set; }

    /// <summary>First day.</summary>
    public DateOnly StartDate { get; set; }

    /// <summary>Last day.</summary>
    public DateOnly EndDate { get; set; }

    /// <summary>The most credit hours one trainee can earn in the class.</summary>
    public CreditHours Hours { get; set; }

    /// <summary>
    /// <see cref="Hours"/> as a decimal, computed by the database from the stored hundredths (what feeds filter, sort
    /// and aggregate on).
    /// </summary>
    public decimal HoursDecimal { get; private set; }

    /// <summary>Public or professional.</summary>
    public CreditCategory Category { get; set; }

    /// <summary>The subject taught (rows may name their own).</summary>
    public string? SubjectCode { get; set; }

    /// <summary>The kind of activity trainees are credited for.</summary>
    public ActivityType Activity { get; set; } = ActivityType.ClassroomTraining;

    /// <summary>The module credit class the hours go to (e.g. health's class I for approved CME projects), if any.</summary>
    public string? CreditClass { get; set; }

    /// <summary>The catalog course the class teaches (课程库), if any.</summary>
    public Guid? CourseId { get; set; }

    /// <summary>Offline, online or mixed.</summary>
    public DeliveryMode Mode { get; set; } = DeliveryMode.Offline;

    /// <summary>The sector the class is for (null: any); trainees of other sectors are refused.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>The region the class is for (null: the whole city); trainees of other regions are refused.</summary>
    public string? RegionCode { get; set; }

    /// <summary>Where the class stands.</summary>
    public TrainingClassStatus Status { get; set; } = TrainingClassStatus.Planned;

    /// <summary>Who created it.</summary>
    public Guid? CreatedByUserId { get; init; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>Changes on every update (optimistic concurrency).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The days the class runs.</summary>
    public int Days => EndDate.DayNumber - StartDate.DayNumber + 1;

    /// <summary>Credit hours per day of the class (for the overlap check).</summary>
    public CreditHours HoursPerDay => CreditHours.FromHoursRoundedUp(Hours.Hours / Days);

    /// <summary>Whether the class runs on any day of the other.</summary>
    public bool Overlaps(DateOnly start, DateOnly end) => StartDate <= end && start <= EndDate;
}

/// <summary>Where a class stands.</summary>
public enum TrainingClassStatus
{
    /// <summary>计划中.</summary>
    Planned = 1,

    /// <summary>已结业 — finished; its roster can be uploaded.</summary>
    Finished = 2,

    /// <summary>已取消.</summary>
    Cancelled = 3,
}
