using System.Globalization;
using System.Runtime.CompilerServices;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

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
    private const string PublicBucket = nameof(CreditCategory.Public);
    private const string ProfessionalBucket = nameof(CreditCategory.Professional);

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
    /// <param name="book">The rule book.</param>
    /// <param name="year">A year of the cycle.</param>
    /// <param name="entries">The person's records (those outside the cycle are ignored).</param>
    /// <param name="today">Today (a cycle not yet over is in progress rather than not met).</param>
    /// <param name="classNames">Credit-class names for the texts.</param>
    /// <param name="explain">
    /// False leaves out the per-record verdicts (bulk work stores only the totals and what is missing); the status,
    /// totals, buckets and missing texts are the same.
    /// </param>
    public static ComplianceResult Evaluate(
        RuleBook book, int year, IEnumerable<CreditEntry> entries, DateOnly today, IReadOnlyDictionary<string, string>? classNames = null, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(book);
        var set = SetFor(book, year);
        return set is null
            ? new ComplianceResult(ComplianceStatus.NoRules, new CycleWindow(year, 1), null, CreditHours.Zero, CreditHours.Zero, [], [], ["该年度没有适用的学时规则。"])
            : Evaluate(set, CycleOf(set, year), entries, today, classNames, explain);
    }

    /// <summary>Evaluates <paramref name="cycle"/> under <paramref name="set"/> (also for drafts: what-if).</summary>
    /// <param name="set">The rule set.</param>
    /// <param name="cycle">The cycle.</param>
    /// <param name="entries">The person's records (those outside the cycle are ignored).</param>
    /// <param name="today">Today (a cycle not yet over is in progress rather than not met).</param>
    /// <param name="classNames">Credit-class names for the texts.</param>
    /// <param name="explain">False leaves out the per-record verdicts; everything else is the same.</param>
    public static ComplianceResult Evaluate(
        CreditRuleSet set, CycleWindow cycle, IEnumerable<CreditEntry> entries, DateOnly today, IReadOnlyDictionary<string, string>? classNames = null, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(entries);
        var unit = new UnitFormat(set);
        var rules = Compiled.Of(set);
        var activityLeft = new Dictionary<(ActivityType, int), CreditHours>();
        var bucketLeft = rules.Maximums.Count == 0 ? null : new Dictionary<string, CreditHours>(rules.Maximums, StringComparer.Ordinal);
        var bucketCounted = new Dictionary<string, CreditHours>(StringComparer.Ordinal);
        var verdicts = explain ? new List<EntryVerdict>() : null;
        var total = CreditHours.Zero;

        // In date order (then by key): the caps cut the later records.
        var inCycle = new List<CreditEntry>();
        foreach (var entry in entries)
        {
            if (cycle.Contains(entry.Date))
            {
                inCycle.Add(entry);
            }
        }

        inCycle.Sort(static (a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Id.CompareTo(b.Id));
        foreach (var entry in inCycle)
        {
            if (entry.Status != CreditRecordStatus.Approved)
            {
                verdicts?.Add(new EntryVerdict(entry.Id, EntryOutcome.Excluded, CreditHours.Zero, StatusReason(entry.Status)));
                continue;
            }

            ActivityRule? rule = null;
            if (set.Activities.Count > 0 && !rules.Activities.TryGetValue(entry.Activity, out rule))
            {
                verdicts?.Add(new EntryVerdict(entry.Id, EntryOutcome.Excluded, CreditHours.Zero, $"{ComplianceLabels.Activity(entry.Activity)}不计入“{set.Title}”的学时。"));
                continue;
            }

            var creditClass = entry.CreditClass ?? rule?.CreditClass;
            var category = CategoryBucket(entry.Category);
            var allowed = entry.Hours;
            var reasons = explain ? new List<string>() : null;
            if (rule?.MaxPerYear is { } yearly)
            {
                var key = (entry.Activity, entry.Date.Year);
                var left = activityLeft.GetValueOrDefault(key, set.ToHours(yearly));
                if (allowed > left)
                {
                    reasons?.Add($"{entry.Date.Year} 年{ComplianceLabels.Activity(entry.Activity)}已达年度上限 {unit.Amount(set.ToHours(yearly))}");
                    allowed = left;
                }
            }

            if (bucketLeft is not null)
            {
                Cap(category);
                if (creditClass is not null)
                {
                    Cap(creditClass);
                }
            }

            if (rule?.MaxPerYear is not null)
            {
                var key = (entry.Activity, entry.Date.Year);
                activityLeft[key] = activityLeft.GetValueOrDefault(key, set.ToHours(rule.MaxPerYear.Value)) - allowed;
            }

            Count(category);
            if (creditClass is not null)
            {
                Count(creditClass);
            }

            total += allowed;
            if (verdicts is not null)
            {
                var counted = $"计入 {unit.Amount(allowed)}";
                verdicts.Add(allowed == entry.Hours
                    ? new EntryVerdict(entry.Id, EntryOutcome.Counted, allowed, counted + "。")
                    : allowed == CreditHours.Zero
                        ? new EntryVerdict(entry.Id, EntryOutcome.Excluded, allowed, string.Join("；", reasons!) + "，不再计入。")
                        : new EntryVerdict(entry.Id, EntryOutcome.Capped, allowed, string.Join("；", reasons!) + $"，{counted}。"));
            }

            void Cap(string bucket)
            {
                if (bucketLeft.TryGetValue(bucket, out var left) && allowed > left)
                {
                    reasons?.Add($"{Label(bucket, classNames)}已达上限 {unit.Amount(rules.Maximums[bucket])}");
                    allowed = left;
                }
            }

            void Count(string bucket)
            {
                bucketCounted[bucket] = bucketCounted.GetValueOrDefault(bucket) + allowed;
                if (bucketLeft is not null && bucketLeft.TryGetValue(bucket, out var left))
                {
                    bucketLeft[bucket] = left - allowed;
                }
            }
        }

        var buckets = new List<BucketResult>(rules.Buckets.Length);
        var missing = new List<string>();
        foreach (var bucket in rules.Buckets)
        {
            var counted = bucketCounted.GetValueOrDefault(bucket);
            var minimum = rules.Minimums.TryGetValue(bucket, out var min) ? min : (CreditHours?)null;
            var maximum = rules.Maximums.TryGetValue(bucket, out var max) ? max : (CreditHours?)null;
            var shortfall = minimum is { } least && least > counted ? least - counted : CreditHours.Zero;
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
        return new ComplianceResult(status, cycle, set, total, required, buckets, (IReadOnlyList<EntryVerdict>?)verdicts ?? [], missing);
    }

    /// <summary>The rule set that governs the cycle containing <paramref name="year"/>.</summary>
    private static CreditRuleSet? SetFor(RuleBook book, int year) =>
        book.InForceOn(new DateOnly(year, 1, 1)) ?? book.InForceOn(new DateOnly(year, 12, 31));

    private static string CategoryBucket(CreditCategory category) => category switch
    {
        CreditCategory.Public => PublicBucket,
        CreditCategory.Professional => ProfessionalBucket,
        _ => category.ToString(),
    };

    private static string Label(string bucket, IReadOnlyDictionary<string, string>? classNames) => bucket switch
    {
        PublicBucket => ComplianceLabels.Category(CreditCategory.Public),
        ProfessionalBucket => ComplianceLabels.Category(CreditCategory.Professional),
        _ => Enum.TryParse<CreditCategory>(bucket, out var category) ? ComplianceLabels.Category(category) : classNames?.GetValueOrDefault(bucket) ?? bucket,
    };

    private static string StatusReason(CreditRecordStatus status) => status switch
    {
        CreditRecordStatus.Pending => "待审核，审核通过后计入。",
        CreditRecordStatus.Rejected => "已驳回，不计入。",
        CreditRecordStatus.Revoked => "已撤销，不计入。",
        _ => "不计入。",
    };

    /// <summary>
    /// What a rule set's evaluation looks up, computed once per rule set (rule sets are immutable records; drafts are
    /// compiled per run and collected with them).
    /// </summary>
    private sealed class Compiled
    {
        private static readonly ConditionalWeakTable<CreditRuleSet, Compiled> Cache = [];

        private Compiled(CreditRuleSet set)
        {
            Activities = set.Activities.ToDictionary(a => a.Activity);
            var requirements = set.Requirements.ToDictionary(r => r.Bucket, StringComparer.Ordinal);
            Maximums = requirements.Values.Where(r => r.Maximum is not null).ToDictionary(r => r.Bucket, r => set.ToHours(r.Maximum!.Value), StringComparer.Ordinal);
            Minimums = requirements.Values.ToDictionary(r => r.Bucket, r => set.ToHours(r.EffectiveMinimum(set)), StringComparer.Ordinal);

            // Both categories always, then the requirements' credit classes (a bucket that is neither is left out).
            Buckets = [.. new[] { PublicBucket, ProfessionalBucket }.Concat(requirements.Keys).Distinct(StringComparer.Ordinal)
                .Where(b => requirements.ContainsKey(b) || b.Length == 0 || Enum.TryParse<CreditCategory>(b, out _))];
        }

        public Dictionary<ActivityType, ActivityRule> Activities { get; }

        public Dictionary<string, CreditHours> Maximums { get; }

        public Dictionary<string, CreditHours> Minimums { get; }

        public string[] Buckets { get; }

        public static Compiled Of(CreditRuleSet set) => Cache.GetValue(set, static s => new Compiled(s));
    }

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
