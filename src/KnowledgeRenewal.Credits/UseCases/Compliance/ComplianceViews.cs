using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>An amount in credit hours and in the rule set's unit (学时, or 学分 for rules counted in credits).</summary>
/// <param name="Hours">Exact credit hours.</param>
/// <param name="Value">The amount in <paramref name="Unit"/>.</param>
/// <param name="Unit">学时 or 学分.</param>
public sealed record Amount(decimal Hours, decimal Value, string Unit)
{
    /// <summary>
    /// <paramref name="hours"/> in the unit of <paramref name="set"/>, to 0.01: counted hours are rounded down (never
    /// shown as more than they are), requirements and shortfalls up (never shown as less).
    /// </summary>
    public static Amount Of(CreditHours hours, CreditRuleSet? set, bool roundUp)
    {
        var perUnit = set?.HoursPerUnit is > 0 ? set.HoursPerUnit : 1m;
        var scaled = hours.Hours / perUnit * 100m;
        var value = (roundUp ? decimal.Ceiling(scaled) : decimal.Floor(scaled)) / 100m;
        return new Amount(hours.Hours, value, ComplianceLabels.Unit(set?.Unit ?? CreditUnit.Hour));
    }
}

/// <summary>The professional an explanation is about (ID number masked).</summary>
/// <param name="Id">The professional.</param>
/// <param name="Name">Name.</param>
/// <param name="IdNumberMasked">The masked resident ID number.</param>
/// <param name="RegionCode">Region.</param>
/// <param name="RegionName">Region name.</param>
/// <param name="DepartmentCode">Sector.</param>
/// <param name="DepartmentName">Sector name.</param>
/// <param name="EmployerId">Employer.</param>
/// <param name="EmployerName">Employer name (when the caller may see the employer).</param>
public sealed record ComplianceSubject(
    Guid Id, string Name, string IdNumberMasked, string RegionCode, string? RegionName, string DepartmentCode, string DepartmentName, Guid EmployerId, string? EmployerName);

/// <summary>The cycle evaluated.</summary>
/// <param name="StartYear">First year.</param>
/// <param name="EndYear">Last year.</param>
/// <param name="Years">Length in years.</param>
/// <param name="Label">e.g. 2025 or 2023–2027.</param>
public sealed record CycleView(int StartYear, int EndYear, int Years, string Label)
{
    /// <summary>The view of <paramref name="cycle"/>.</summary>
    public static CycleView Of(CycleWindow cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return new CycleView(cycle.StartYear, cycle.EndYear, cycle.Years, cycle.ToString());
    }
}

/// <summary>A minimum or maximum of the rule set, as published.</summary>
/// <param name="Bucket">Category name or credit-class key.</param>
/// <param name="Label">Chinese label.</param>
/// <param name="Minimum">At least this much (in the unit), if set.</param>
/// <param name="MinimumShare">At least this share of the total (e.g. 2/3), if set.</param>
/// <param name="Maximum">At most this much counts (in the unit), if set.</param>
public sealed record RequirementView(string Bucket, string Label, decimal? Minimum, string? MinimumShare, decimal? Maximum);

/// <summary>How an activity type counts under the rule set.</summary>
/// <param name="Activity">The activity type.</param>
/// <param name="Label">Chinese label.</param>
/// <param name="CreditClass">The credit class it goes to, if any.</param>
/// <param name="CreditPerItem">Credit per item (in the unit), if credited per item.</param>
/// <param name="MaxPerYear">Yearly cap (in the unit), if any.</param>
public sealed record ActivityRuleView(ActivityType Activity, string Label, string? CreditClass, decimal? CreditPerItem, decimal? MaxPerYear);

/// <summary>The rule set that was applied.</summary>
/// <param name="Scope"><c>platform</c> or the module key.</param>
/// <param name="Title">Title.</param>
/// <param name="Basis">The regulation the numbers come from.</param>
/// <param name="EffectiveFrom">First day it applies.</param>
/// <param name="EffectiveTo">Last day, if it ends.</param>
/// <param name="CycleYears">Cycle length in years.</param>
/// <param name="Unit">Hour or Credit.</param>
/// <param name="UnitLabel">学时 or 学分.</param>
/// <param name="HoursPerUnit">Credit hours per unit.</param>
/// <param name="RequiredTotal">Required per cycle, in the unit.</param>
/// <param name="Requirements">Minimums and maximums per category or class.</param>
/// <param name="Activities">Which activity types count, how, and their caps.</param>
public sealed record RuleSetView(
    string Scope, string Title, string? Basis, DateOnly EffectiveFrom, DateOnly? EffectiveTo, int CycleYears, CreditUnit Unit, string UnitLabel,
    decimal HoursPerUnit, decimal RequiredTotal, IReadOnlyList<RequirementView> Requirements, IReadOnlyList<ActivityRuleView> Activities)
{
    /// <summary>The view of <paramref name="set"/> of the book <paramref name="scope"/>.</summary>
    public static RuleSetView Of(string scope, CreditRuleSet set, IReadOnlyDictionary<string, string> classNames)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(classNames);
        return new RuleSetView(
            scope,
            set.Title,
            set.Basis,
            set.EffectiveFrom,
            set.EffectiveTo,
            set.CycleYears,
            set.Unit,
            ComplianceLabels.Unit(set.Unit),
            set.HoursPerUnit,
            set.RequiredTotal,
            [.. set.Requirements.Select(r => new RequirementView(
                r.Bucket,
                r.Category is { } category ? ComplianceLabels.Category(category) : classNames.GetValueOrDefault(r.Bucket, r.Bucket),
                r.Minimum,
                r.MinimumShare?.ToString(),
                r.Maximum))],
            [.. set.Activities.Select(a => new ActivityRuleView(a.Activity, ComplianceLabels.Activity(a.Activity), a.CreditClass, a.CreditPerItem, a.MaxPerYear))]);
    }
}

/// <summary>A category or credit class of the result.</summary>
/// <param name="Bucket">Category name or class key.</param>
/// <param name="Label">Chinese label.</param>
/// <param name="Counted">Counted.</param>
/// <param name="Minimum">Needed at least, if any.</param>
/// <param name="Maximum">Counted at most, if any.</param>
/// <param name="Shortfall">Still missing for the minimum.</param>
public sealed record BucketView(string Bucket, string Label, Amount Counted, Amount? Minimum, Amount? Maximum, Amount Shortfall);

/// <summary>One credit record of the cycle and how the rules treated it.</summary>
/// <param name="Id">The record.</param>
/// <param name="Date">The day it ended.</param>
/// <param name="CreditYear">Its credit year.</param>
/// <param name="Title">What it was.</param>
/// <param name="Category">Public or professional.</param>
/// <param name="CategoryLabel">公需科目 or 专业科目.</param>
/// <param name="SubjectCode">Subject code, if any.</param>
/// <param name="SubjectName">Subject name, if any.</param>
/// <param name="Activity">Activity type.</param>
/// <param name="ActivityLabel">Its Chinese name.</param>
/// <param name="CreditClass">The credit class it counts in, if any.</param>
/// <param name="Hours">Credit hours recorded.</param>
/// <param name="Status">Pending, approved, rejected or revoked.</param>
/// <param name="StatusLabel">Its Chinese name.</param>
/// <param name="SourceLabel">Where it comes from, in Chinese.</param>
/// <param name="Outcome">Counted, capped or excluded.</param>
/// <param name="OutcomeLabel">计入, 部分计入 or 不计入.</param>
/// <param name="CountedHours">Hours that count.</param>
/// <param name="Reason">Why, in Chinese.</param>
public sealed record RecordVerdictView(
    Guid Id, DateOnly Date, int CreditYear, string Title, CreditCategory Category, string CategoryLabel, string? SubjectCode, string? SubjectName,
    ActivityType Activity, string ActivityLabel, string? CreditClass, decimal Hours, CreditRecordStatus Status, string StatusLabel,
    string SourceLabel, EntryOutcome Outcome, string OutcomeLabel, decimal CountedHours, string Reason);

/// <summary>The row the compliance table holds for the cycle (what summaries count).</summary>
/// <param name="Status">Its status.</param>
/// <param name="StatusLabel">In Chinese.</param>
/// <param name="ComputedAt">When it was last written (UTC).</param>
public sealed record StoredComplianceView(ComplianceStatus Status, string StatusLabel, DateTime ComputedAt);

/// <summary>
/// A person's compliance with the cycle containing a year, explained: the status, the rule set applied, totals per
/// category and class, what is missing, and every record of the cycle with how it was treated and why.
/// </summary>
/// <param name="Professional">Who.</param>
/// <param name="Year">The year asked for.</param>
/// <param name="Cycle">The cycle containing it.</param>
/// <param name="Status">Met, not met, in progress or no rules.</param>
/// <param name="StatusLabel">In Chinese.</param>
/// <param name="Summary">One Chinese sentence, e.g. 2025 年度：未达标。专业科目还差 6 学时；总学时还差 12 学时。</param>
/// <param name="RuleSet">The rule set applied (null when none was in force).</param>
/// <param name="Counted">Counted in total.</param>
/// <param name="Required">Required in total.</param>
/// <param name="Buckets">Per category and credit class.</param>
/// <param name="Missing">What is missing, in Chinese.</param>
/// <param name="Records">The cycle's records (all statuses), oldest first, with their verdicts.</param>
/// <param name="Stored">The stored row for the cycle, if computed.</param>
public sealed record ComplianceExplanation(
    ComplianceSubject Professional, int Year, CycleView Cycle, ComplianceStatus Status, string StatusLabel, string Summary, RuleSetView? RuleSet,
    Amount Counted, Amount Required, IReadOnlyList<BucketView> Buckets, IReadOnlyList<string> Missing, IReadOnlyList<RecordVerdictView> Records,
    StoredComplianceView? Stored)
{
    /// <summary>The one-sentence summary of a result.</summary>
    public static string SummaryOf(ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var period = result.Cycle.Years == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{result.Cycle.StartYear} 年度")
            : string.Create(CultureInfo.InvariantCulture, $"{result.Cycle} 周期");
        var status = ComplianceLabels.Status(result.Status);
        return result.Missing.Count == 0
            ? $"{period}：{status}。"
            : $"{period}：{status}。{string.Join(ComplianceRow.MissingSeparator, result.Missing).TrimEnd('。')}。";
    }
}

/// <summary>A stored cycle of a person.</summary>
/// <param name="CycleStart">First year.</param>
/// <param name="CycleEnd">Last year.</param>
/// <param name="Label">e.g. 2025 or 2023–2027.</param>
/// <param name="RuleScope"><c>platform</c> or the module key.</param>
/// <param name="RuleSetTitle">The rule set's title.</param>
/// <param name="Status">Its status.</param>
/// <param name="StatusLabel">In Chinese.</param>
/// <param name="CountedHours">Counted in total (hours).</param>
/// <param name="RequiredHours">Required in total (hours).</param>
/// <param name="PublicHours">Public-subject hours counted.</param>
/// <param name="ProfessionalHours">Professional-subject hours counted.</param>
/// <param name="Missing">What is missing, in Chinese.</param>
/// <param name="ComputedAt">When it was last written (UTC).</param>
public sealed record ComplianceCycleView(
    int CycleStart, int CycleEnd, string Label, string RuleScope, string? RuleSetTitle, ComplianceStatus Status, string StatusLabel,
    decimal CountedHours, decimal RequiredHours, decimal PublicHours, decimal ProfessionalHours, IReadOnlyList<string> Missing, DateTime ComputedAt);
