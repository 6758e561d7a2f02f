using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>How a designation came about.</summary>
public enum DesignationSource
{
    /// <summary>市级：市人社局评选和公布 — the program office approved a municipal base-construction project.</summary>
    CitySelection = 1,

    /// <summary>省级、国家级：市人社局向上推荐，记录上级的认定结果 (the upstream decision's reference number).</summary>
    UpstreamOutcome = 2,
}

/// <summary>
/// One designation (认定) of a base for a period: created when a base-construction project is approved (municipal) or
/// its upstream outcome is recorded (provincial, national); a later approved project renews it (a new row from the
/// day after the current period, or from today when it has lapsed). The base itself is Registry's record.
/// </summary>
public sealed class BaseDesignation
{
    /// <summary>Longest reference number.</summary>
    public const int ReferenceLength = 64;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The base (Registry's <see cref="EducationBase"/>).</summary>
    public Guid BaseId { get; init; }

    /// <summary>The approved base-construction project that made it, if any.</summary>
    public Guid? ProjectId { get; init; }

    /// <summary>The project's number (for people).</summary>
    public string? ProjectNumber { get; init; }

    /// <summary>Level of the designation.</summary>
    public BaseLevel Level { get; init; }

    /// <summary>How it was decided.</summary>
    public DesignationSource Source { get; init; }

    /// <summary>Whether it renews an earlier designation of the base.</summary>
    public bool Renewal { get; init; }

    /// <summary>First day (China time).</summary>
    public DateOnly ValidFrom { get; init; }

    /// <summary>Last day (China time).</summary>
    public DateOnly ValidTo { get; init; }

    /// <summary>The decision's reference number (upstream outcome), if any.</summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>Who recorded it.</summary>
    public Guid? RecordedByUserId { get; init; }

    /// <summary>Who recorded it (user name).</summary>
    public string RecordedByName { get; init; } = "system";

    /// <summary>When (UTC).</summary>
    public DateTime RecordedAt { get; init; }

    /// <summary>Whether <paramref name="day"/> falls in the period.</summary>
    public bool Covers(DateOnly day) => ValidFrom <= day && day <= ValidTo;
}

/// <summary>Designation periods and renewal.</summary>
public static class DesignationRules
{
    /// <summary>
    /// The period of a new designation of <paramref name="years"/> years decided on <paramref name="today"/>: a renewal
    /// starts the day after the latest period still running (so periods never overlap), otherwise today; it lasts
    /// <paramref name="years"/> years less a day.
    /// </summary>
    public static (DateOnly From, DateOnly To, bool Renewal) Period(DateOnly today, int years, DateOnly? latestEnd)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var renewal = latestEnd is not null;
        var from = latestEnd is { } end && end >= today ? end.AddDays(1) : today;
        return (from, from.AddYears(years).AddDays(-1), renewal);
    }
}
