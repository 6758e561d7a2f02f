using System.Globalization;

namespace KnowledgeRenewal.Sdk;

/// <summary>Checks that rule sets are well formed. Every message says what to fix.</summary>
public static class RuleSetContract
{
    /// <summary>Largest cycle the platform accepts, in years.</summary>
    public const int MaxCycleYears = 10;

    /// <summary>
    /// Returns the problems of <paramref name="ruleSets"/> (empty when well formed).
    /// <paramref name="creditClasses"/> are the class keys requirements and activities may refer to.
    /// </summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<CreditRuleSet> ruleSets, IReadOnlyCollection<string> creditClasses)
    {
        ArgumentNullException.ThrowIfNull(ruleSets);
        ArgumentNullException.ThrowIfNull(creditClasses);
        var problems = new List<string>();
        if (ruleSets.Count == 0)
        {
            problems.Add("declares no rule set; add at least one CreditRuleSet with its EffectiveFrom date");
            return problems;
        }

        foreach (var set in ruleSets)
        {
            CheckOne(set, creditClasses, problems);
        }

        var ordered = ruleSets.OrderBy(r => r.EffectiveFrom).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            var previous = ordered[i - 1];
            var current = ordered[i];
            if (previous.EffectiveFrom == current.EffectiveFrom)
            {
                problems.Add($"two rule sets start on {Day(current.EffectiveFrom)}; give each set its own EffectiveFrom");
            }
            else if (previous.EffectiveTo is { } end && end >= current.EffectiveFrom)
            {
                problems.Add($"rule set '{previous.Title}' ends on {Day(end)} but '{current.Title}' starts on {Day(current.EffectiveFrom)}; periods must not overlap");
            }
        }

        return problems;
    }

    private static void CheckOne(CreditRuleSet set, IReadOnlyCollection<string> creditClasses, List<string> problems)
    {
        var name = $"rule set '{set.Title}' ({Day(set.EffectiveFrom)})";
        if (string.IsNullOrWhiteSpace(set.Title))
        {
            problems.Add($"{name}: give it a Chinese Title");
        }

        if (set.EffectiveTo is { } to && to < set.EffectiveFrom)
        {
            problems.Add($"{name}: EffectiveTo {Day(to)} is before EffectiveFrom");
        }

        if (set.CycleYears is < 1 or > MaxCycleYears)
        {
            problems.Add($"{name}: CycleYears must be between 1 and {MaxCycleYears}, not {set.CycleYears}");
        }

        if (set.HoursPerUnit <= 0)
        {
            problems.Add($"{name}: HoursPerUnit (the conversion to credit hours) must be positive, not {Number(set.HoursPerUnit)}");
        }
        else if (set.Unit == CreditUnit.Hour && set.HoursPerUnit != 1m)
        {
            problems.Add($"{name}: a set counted in hours converts 1:1; set HoursPerUnit to 1 or Unit to Credit");
        }

        if (set.RequiredTotal <= 0)
        {
            problems.Add($"{name}: RequiredTotal must be positive, not {Number(set.RequiredTotal)}");
        }

        var buckets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in set.Requirements)
        {
            CheckRequirement(name, set, requirement, creditClasses, buckets, problems);
        }

        var activities = new HashSet<ActivityType>();
        foreach (var activity in set.Activities)
        {
            if (!activities.Add(activity.Activity))
            {
                problems.Add($"{name}: activity {activity.Activity} has two rules; keep one");
            }

            if (activity.CreditPerItem is <= 0)
            {
                problems.Add($"{name}: activity {activity.Activity} CreditPerItem must be positive");
            }

            if (activity.MaxPerYear is <= 0)
            {
                problems.Add($"{name}: activity {activity.Activity} MaxPerYear must be positive");
            }

            if (activity.CreditClass is { } cls && !creditClasses.Contains(cls))
            {
                problems.Add($"{name}: activity {activity.Activity} refers to unknown credit class '{cls}'; declare it in CreditClasses");
            }
        }
    }

    private static void CheckRequirement(
        string name,
        CreditRuleSet set,
        CreditRequirement requirement,
        IReadOnlyCollection<string> creditClasses,
        HashSet<string> buckets,
        List<string> problems)
    {
        if ((requirement.Category is null) == (requirement.CreditClass is null))
        {
            problems.Add($"{name}: a requirement must name exactly one of Category and CreditClass");
            return;
        }

        var bucket = requirement.Bucket;
        if (!buckets.Add(bucket))
        {
            problems.Add($"{name}: two requirements for '{bucket}'; merge them");
        }

        if (requirement.CreditClass is { } cls && !creditClasses.Contains(cls))
        {
            problems.Add($"{name}: requirement refers to unknown credit class '{cls}'; declare it in CreditClasses");
        }

        if (requirement.Minimum is null && requirement.MinimumShare is null && requirement.Maximum is null)
        {
            problems.Add($"{name}: requirement for '{bucket}' sets neither a minimum nor a maximum");
        }

        if (requirement.Minimum is < 0 || requirement.Maximum is <= 0)
        {
            problems.Add($"{name}: requirement for '{bucket}' needs a non-negative Minimum and a positive Maximum");
        }

        if (requirement.MinimumShare is { IsProperPart: false } share)
        {
            problems.Add($"{name}: requirement for '{bucket}' MinimumShare {share} must be a fraction in (0, 1]");
            return;
        }

        var minimum = requirement.EffectiveMinimum(set);
        if (minimum > set.RequiredTotal)
        {
            problems.Add($"{name}: requirement for '{bucket}' minimum {Number(minimum)} exceeds RequiredTotal {Number(set.RequiredTotal)}");
        }

        if (requirement.Maximum is { } max && max < minimum)
        {
            problems.Add($"{name}: requirement for '{bucket}' Maximum {Number(max)} is below its minimum {Number(minimum)}");
        }
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
