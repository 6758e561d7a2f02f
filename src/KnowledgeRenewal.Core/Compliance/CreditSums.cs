using System.Runtime.CompilerServices;
using KnowledgeRenewal.Core.Ledger;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Core.Compliance;

/// <summary>
/// Which records of a rule set count in full whatever the order they are taken in, so that a database may add them up
/// instead of handing them over one by one (bulk recomputation). A record is <em>summable</em> when its activity has no
/// yearly cap and neither its category's bucket nor its credit class's bucket (the record's class, else its activity
/// rule's) has a maximum: such a record is never cut, and it changes no cap another record is held to — so the
/// evaluation of the other records, taken in date order, plus the sums per bucket of the summable ones gives exactly
/// the result of taking every record in date order (see <see cref="CreditEvaluator.Evaluate(CreditRuleSet, CycleWindow, IEnumerable{CreditEntry}, CreditSums, DateOnly, IReadOnlyDictionary{string, string}?, bool)"/>).
/// Only records that count at all are summed: approved, dated in the cycle, of an activity the rule set accepts.
/// </summary>
public sealed class SummableRecords
{
    private static readonly ConditionalWeakTable<CreditRuleSet, SummableRecords> Cache = [];

    private SummableRecords(CreditRuleSet set)
    {
        var maximums = set.Requirements.Where(r => r.Maximum is not null).Select(r => r.Bucket).ToHashSet(StringComparer.Ordinal);
        Accepted = [.. set.Activities.Select(a => a.Activity).Distinct()];
        CappedActivities = [.. set.Activities.Where(a => a.MaxPerYear is not null).Select(a => a.Activity).Distinct()];
        CappedCategories = [.. Enum.GetValues<CreditCategory>().Where(c => maximums.Contains(c.ToString()))];
        CappedClasses = [.. maximums.Order(StringComparer.Ordinal)];
        RuleClasses = [.. set.Activities.Where(a => a.CreditClass is not null).DistinctBy(a => a.Activity).Select(a => (a.Activity, a.CreditClass!))];
        ActivitiesOfCappedClasses = [.. RuleClasses.Where(r => maximums.Contains(r.CreditClass)).Select(r => r.Activity)];
        Buckets = CreditEvaluator.BucketsOf(set);
    }

    /// <summary>The activities the rule set accepts (empty: every activity).</summary>
    public IReadOnlyList<ActivityType> Accepted { get; }

    /// <summary>Activities with a yearly cap (their records are taken one by one).</summary>
    public IReadOnlyList<ActivityType> CappedActivities { get; }

    /// <summary>Categories whose bucket has a maximum.</summary>
    public IReadOnlyList<CreditCategory> CappedCategories { get; }

    /// <summary>Bucket keys with a maximum, compared with a record's stated credit class.</summary>
    public IReadOnlyList<string> CappedClasses { get; }

    /// <summary>The activity rules' credit classes (a record's class when it states none).</summary>
    public IReadOnlyList<(ActivityType Activity, string CreditClass)> RuleClasses { get; }

    /// <summary>Activities whose rule's credit class has a maximum (for records that state no class).</summary>
    public IReadOnlyList<ActivityType> ActivitiesOfCappedClasses { get; }

    /// <summary>The buckets the result reports, whose sums are needed.</summary>
    public IReadOnlyList<string> Buckets { get; }

    /// <summary>Whether the rule set takes every record one by one anyway (nothing is summable for sure).</summary>
    public bool HasCaps => CappedActivities.Count > 0 || CappedCategories.Count > 0 || CappedClasses.Count > 0;

    /// <summary>The plan of <paramref name="set"/> (computed once per rule set).</summary>
    public static SummableRecords Of(CreditRuleSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Cache.GetValue(set, static s => new SummableRecords(s));
    }

    /// <summary>Whether the rule set counts a record of <paramref name="activity"/> at all.</summary>
    public bool Accepts(ActivityType activity) => Accepted.Count == 0 || Accepted.Contains(activity);

    /// <summary>Whether an approved record of the cycle with these values counts in full whatever the order.</summary>
    public bool IsSummable(CreditCategory category, ActivityType activity, string? creditClass) =>
        !CappedActivities.Contains(activity)
        && !CappedCategories.Contains(category)
        && (creditClass is null ? !ActivitiesOfCappedClasses.Contains(activity) : !CappedClasses.Contains(creditClass, StringComparer.Ordinal));

    /// <summary>The credit class a record counts in: its own, else its activity rule's.</summary>
    public string? EffectiveClass(ActivityType activity, string? creditClass)
    {
        if (creditClass is not null)
        {
            return creditClass;
        }

        foreach (var (ruleActivity, ruleClass) in RuleClasses)
        {
            if (ruleActivity == activity)
            {
                return ruleClass;
            }
        }

        return null;
    }
}

/// <summary>The hours of a person's summable records of a cycle (<see cref="SummableRecords"/>): in total and per bucket.</summary>
public sealed class CreditSums
{
    private readonly Dictionary<string, CreditHours> buckets = new(StringComparer.Ordinal);

    /// <summary>Nothing summed.</summary>
    public static CreditSums None { get; } = new();

    /// <summary>Hours in total.</summary>
    public CreditHours Total { get; private set; } = CreditHours.Zero;

    /// <summary>Hours counted in each bucket (a record counts in its category's bucket and in its class's).</summary>
    public IReadOnlyDictionary<string, CreditHours> Buckets => buckets;

    /// <summary>Sums from a database: the total and the buckets' hours.</summary>
    public static CreditSums Of(CreditHours total, IEnumerable<KeyValuePair<string, CreditHours>> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var sums = new CreditSums { Total = total };
        foreach (var (bucket, hours) in buckets)
        {
            if (hours != CreditHours.Zero)
            {
                sums.buckets[bucket] = sums.buckets.GetValueOrDefault(bucket) + hours;
            }
        }

        return sums;
    }

    /// <summary>Adds one approved record of the cycle that <paramref name="plan"/> finds summable (what a database's sum does).</summary>
    public void Add(SummableRecords plan, CreditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(entry);
        Total += entry.Hours;
        Count(entry.Category.ToString(), entry.Hours);
        if (plan.EffectiveClass(entry.Activity, entry.CreditClass) is { } creditClass)
        {
            Count(creditClass, entry.Hours);
        }
    }

    private void Count(string bucket, CreditHours hours) => buckets[bucket] = buckets.GetValueOrDefault(bucket) + hours;
}
