using System.Globalization;
using KnowledgeRenewal.Core.Ledger;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Core.Compliance;

/// <summary>
/// The rule engine: evaluates a person's credit records for a cycle against the rule set in force and explains the
/// result — which records counted, which were capped or excluded and why, and what is still missing.
/// </summary>
/// <remarks>
/// The rule set is the one in force on the cycle's first day (or, for the first year of a set that starts during
/// the year, the one in force on its last day); cycles of a multi-year set are counted from its effective year
/// (education: 2023–2027, 2028–2032 …). Records count only when approved and dated inside the cycle. They are
/// taken in date order; each is first held to its activity's yearly cap, then to the maximum of its category and
/// of its credit class, so the explanation says exactly which cap cut it. Amounts are kept in exact credit hours
/// and shown in the rule set's unit (学时 or 学分).
/// </remarks>
public static class CreditEvaluator
{
    private static readonly CreditCategory[] Categories = [CreditCategory.Public, CreditCategory.Professional];

    /// <summary>The cycle of <paramref name="book"/> that contains <paramref name="year"/>, or null when no rule applies.</summary>
    public static CycleWindow? CycleOf(RuleBook book, int year)
    {
        ArgumentNullException.ThrowIfNull(book);
        var set = SetFor(book, year);
        return set is null ? null : CycleOf(set, year);
    }

    /// <summary>The cycle of <paramref name="set"/> that contains <paramref name="year"/> (cycles count from the set's effective year).</summary>
    public static CycleWindow CycleOf(CreditRuleSet set, int year)
    {
        ArgumentNullException.ThrowIfNull(set);
        var anchor = Math.Min(set.EffectiveFrom.Year, year);
        var start = anchor + ((year - anchor) / set.CycleYears * set.CycleYears);
        return new CycleWindow(start, set.CycleYears);
    }

    /// <summary>Evaluates the cycle containing <paramref name="year"/> under the rule set of <paramref name="book"/> then in force.</summary>
    public static ComplianceResult Evaluate(
        RuleBook book, int year, IEnumerable<CreditEntry> entries, DateOnly today, IReadOnlyDictionary<string, string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        var set = SetFor(book, year);
        return set is null
            ? new ComplianceResult(ComplianceStatus.NoRules, new CycleWindow(year, 1), null, CreditHours.Zero, CreditHours.Zero, [], [], ["该年度没有适用的学时规则。"])
            : Evaluate(set, CycleOf(set, year), entries, today, classNames);
    }

    /// <summary>Evaluates <paramref name="cycle"/> under <paramref name="set"/> (also for drafts: what-if).</summary>
    public static ComplianceResult Evaluate(
        CreditRuleSet set, CycleWindow cycle, IEnumerable<CreditEntry> entries, DateOnly today, IReadOnlyDictionary<string, string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(entries);
        var unit = new UnitFormat(set);
        var activityRules = set.Activities.ToDictionary(a => a.Activity);
        var requirements = set.Requirements.ToDictionary(r => r.Bucket, StringComparer.Ordinal);
        var activityLeft = new Dictionary<(ActivityType, int), CreditHours>();
        var bucketLeft = requirements.Values.Where(r => r.Maximum is not null).ToDictionary(r => r.Bucket, r => set.ToHours(r.Maximum!.Value), StringComparer.Ordinal);
        var bucketCounted = new Dictionary<string, CreditHours>(StringComparer.Ordinal);
        var verdicts = new List<EntryVerdict>();
        var total = CreditHours.Zero;

        foreach (var entry in entries.Where(e => cycle.Contains(e.Date)).OrderBy(e => e.Date).ThenBy(e => e.Id))
        {
            if (entry.Status != CreditRecordStatus.Approved)
            {
                verdicts.Add(new EntryVerdict(entry.Id, EntryOutcome.Excluded, CreditHours.Zero, StatusReason(entry.Status)));
                continue;
            }

            ActivityRule? rule = null;
            if (set.Activities.Count > 0 && !activityRules.TryGetValue(entry.Activity, out rule))
            {
                verdicts.Add(new EntryVerdict(entry.Id, EntryOutcome.Excluded, CreditHours.Zero, $"{ComplianceLabels.Activity(entry.Activity)}不计入“{set.Title}”的学时。"));
                continue;
            }

            var creditClass = entry.CreditClass ?? rule?.CreditClass;
            var allowed = entry.Hours;
            var reasons = new List<string>();
            if (rule?.MaxPerYear is { } yearly)
            {
                var key = (entry.Activity, entry.Date.Year);
                var left = activityLeft.GetValueOrDefault(key, set.ToHours(yearly));
                if (allowed > left)
                {
                    reasons.Add($"{entry.Date.Year} 年{ComplianceLabels.Activity(entry.Activity)}已达年度上限 {unit.Amount(set.ToHours(yearly))}");
                    allowed = left;
                }
            }

            foreach (var bucket in BucketsOf(entry.Category, creditClass))
            {
                if (bucketLeft.TryGetValue(bucket, out var left) && allowed > left)
                {
                    reasons.Add($"{Label(bucket, classNames)}已达上限 {unit.Amount(set.ToHours(requirements[bucket].Maximum!.Value))}");
                    allowed = left;
                }
            }

            if (rule?.MaxPerYear is not null)
            {
                var key = (entry.Activity, entry.Date.Year);
                activityLeft[key] = activityLeft.GetValueOrDefault(key, set.ToHours(rule.MaxPerYear.Value)) - allowed;
            }

            foreach (var bucket in BucketsOf(entry.Category, creditClass))
            {
                bucketCounted[bucket] = bucketCounted.GetValueOrDefault(bucket) + allowed;
                if (bucketLeft.TryGetValue(bucket, out var left))
                {
                    bucketLeft[bucket] = left - allowed;
                }
            }

            total += allowed;
            var counted = $"计入 {unit.Amount(allowed)}";
            verdicts.Add(allowed == entry.Hours
                ? new EntryVerdict(entry.Id, EntryOutcome.Counted, allowed, counted + "。")
                : allowed == CreditHours.Zero
                    ? new EntryVerdict(entry.Id, EntryOutcome.Excluded, allowed, string.Join("；", reasons) + "，不再计入。")
                    : new EntryVerdict(entry.Id, EntryOutcome.Capped, allowed, string.Join("；", reasons) + $"，{counted}。"));
        }

        var buckets = new List<BucketResult>();
        var missing = new List<string>();
        foreach (var bucket in Categories.Select(c => c.ToString()).Concat(requirements.Keys).Distinct(StringComparer.Ordinal))
        {
            var requirement = requirements.GetValueOrDefault(bucket);
            if (requirement is null && bucket.Length > 0 && !Enum.TryParse<CreditCategory>(bucket, out _))
            {
                continue;
            }

            var counted = bucketCounted.GetValueOrDefault(bucket);
            var minimum = requirement is null ? (CreditHours?)null : set.ToHours(requirement.EffectiveMinimum(set));
            var maximum = requirement?.Maximum is { } max ? set.ToHours(max) : (CreditHours?)null;
            var shortfall = minimum is { } min && min > counted ? min - counted : CreditHours.Zero;
            buckets.Add(new BucketResult(bucket, Label(bucket, classNames), counted, minimum, maximum, shortfall));
            if (shortfall > CreditHours.Zero)
            {
                missing.Add($"{Label(bucket, classNames)}还差 {unit.Amount(shortfall)}");
            }
        }

        var required = set.RequiredTotalHours;
        if (total < required)
        {
            missing.Add($"总{unit.Word}还差 {unit.Amount(required - total)}");
        }

        var status = missing.Count == 0 ? ComplianceStatus.Met
            : today <= cycle.End ? ComplianceStatus.InProgress
            : ComplianceStatus.NotMet;
        return new ComplianceResult(status, cycle, set, total, required, buckets, verdicts, missing);
    }

    /// <summary>The rule set that governs the cycle containing <paramref name="year"/>.</summary>
    private static CreditRuleSet? SetFor(RuleBook book, int year) =>
        book.InForceOn(new DateOnly(year, 1, 1)) ?? book.InForceOn(new DateOnly(year, 12, 31));

    private static IEnumerable<string> BucketsOf(CreditCategory category, string? creditClass) =>
        creditClass is null ? [category.ToString()] : [category.ToString(), creditClass];

    private static string Label(string bucket, IReadOnlyDictionary<string, string>? classNames) =>
        Enum.TryParse<CreditCategory>(bucket, out var category) ? ComplianceLabels.Category(category)
        : classNames?.GetValueOrDefault(bucket) ?? bucket;

    private static string StatusReason(CreditRecordStatus status) => status switch
    {
        CreditRecordStatus.Pending => "待审核，审核通过后计入。",
        CreditRecordStatus.Rejected => "已驳回，不计入。",
        CreditRecordStatus.Revoked => "已撤销，不计入。",
        _ => "不计入。",
    };

    /// <summary>Shows amounts in the rule set's unit: 学时, or 学分 converted back from hours.</summary>
    private readonly struct UnitFormat(CreditRuleSet set)
    {
        public string Word => set.Unit == CreditUnit.Credit ? "学分" : "学时";

        public string Amount(CreditHours hours)
        {
            var inUnit = decimal.Ceiling(hours.Hours / set.HoursPerUnit * 100m) / 100m;
            return inUnit.ToString("0.##", CultureInfo.InvariantCulture) + " " + Word;
        }
    }
}
