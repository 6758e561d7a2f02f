namespace KnowledgeRenewal.Sdk;

/// <summary>
/// The credit rules of one period: how long a cycle is, how much it requires in total, the minimums and
/// maximums per category or class, the unit and its conversion to hours, and which activities count.
/// Amounts are in <see cref="Unit"/>. A rule set applies from <see cref="EffectiveFrom"/> until the next
/// set's start (or <see cref="EffectiveTo"/>); history is never rewritten, a change is a new set.
/// </summary>
public sealed record CreditRuleSet
{
    /// <summary>First day the set applies.</summary>
    public DateOnly EffectiveFrom { get; init; }

    /// <summary>Last day the set applies, if it ends before the next set starts.</summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>Chinese title, e.g. 中小学教师继续教育（五年周期）.</summary>
    public string Title { get; init; } = "";

    /// <summary>The regulation the numbers come from, in Chinese.</summary>
    public string? Basis { get; init; }

    /// <summary>Length of a cycle in years (1 = yearly).</summary>
    public int CycleYears { get; init; } = 1;

    /// <summary>The unit the amounts of this set are in.</summary>
    public CreditUnit Unit { get; init; } = CreditUnit.Hour;

    /// <summary>Credit hours per unit (1 for hours; e.g. 3 when one credit is three hours).</summary>
    public decimal HoursPerUnit { get; init; } = 1m;

    /// <summary>Total required per cycle, in <see cref="Unit"/>.</summary>
    public decimal RequiredTotal { get; init; }

    /// <summary>Minimums and maximums per category or class.</summary>
    public IReadOnlyList<CreditRequirement> Requirements { get; init; } = [];

    /// <summary>Which activity types count, how much one item earns and the yearly caps.</summary>
    public IReadOnlyList<ActivityRule> Activities { get; init; } = [];

    /// <summary>The required total in credit hours.</summary>
    public CreditHours RequiredTotalHours => ToHours(RequiredTotal);

    /// <summary>Converts an amount in this set's unit to credit hours (rounded up to a hundredth).</summary>
    public CreditHours ToHours(decimal amountInUnit) => CreditHours.FromHoursRoundedUp(amountInUnit * HoursPerUnit);

    /// <summary>Whether the set applies on <paramref name="day"/> (ignoring later sets).</summary>
    public bool Covers(DateOnly day) => day >= EffectiveFrom && (EffectiveTo is null || day <= EffectiveTo);
}
