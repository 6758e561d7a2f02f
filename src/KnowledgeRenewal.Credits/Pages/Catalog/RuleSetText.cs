using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Pages.Catalog;

/// <summary>Whether a rule set applies today.</summary>
internal enum RuleSetState
{
    /// <summary>现行.</summary>
    InForce = 0,

    /// <summary>已失效.</summary>
    Ended = 1,

    /// <summary>尚未施行.</summary>
    Future = 2,

    /// <summary>Not in force though started (ended by its own end date before today, or replaced).</summary>
    NotInForce = 3,
}

/// <summary>A rule set in plain Chinese words (what it requires, what counts, until when) — never its JSON.</summary>
/// <param name="Set">The set.</param>
/// <param name="Number">Its position in the book, from 1 (oldest first).</param>
/// <param name="Next">The set after it, if any (it ends where the next begins).</param>
/// <param name="ClassNames">The scope's credit classes (key → Chinese name).</param>
/// <param name="State">Whether it applies today.</param>
internal sealed record RuleSetText(CreditRuleSet Set, int Number, CreditRuleSet? Next, IReadOnlyDictionary<string, string> ClassNames, RuleSetState State)
{
    /// <summary>Every set of a book in words, oldest first; <paramref name="inForce"/> is the set that applies today.</summary>
    public static IReadOnlyList<RuleSetText> Of(IReadOnlyList<CreditRuleSet> sets, CreditRuleSet? inForce, IReadOnlyDictionary<string, string> classNames, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return [.. sets.Select((set, i) =>
        {
            var state = set == inForce ? RuleSetState.InForce
                : set.EffectiveFrom > today ? RuleSetState.Future
                : i < sets.Count - 1 && sets[i + 1].EffectiveFrom <= today ? RuleSetState.Ended
                : RuleSetState.NotInForce;
            return new RuleSetText(set, i + 1, i < sets.Count - 1 ? sets[i + 1] : null, classNames, state);
        })];
    }

    /// <summary>现行 / 已失效 / 尚未施行.</summary>
    public string StateName => State switch
    {
        RuleSetState.InForce => "现行",
        RuleSetState.Future => "尚未施行",
        _ => "已失效",
    };

    /// <summary>The last day it applies, if it ends: its own end date or the day before the next set starts.</summary>
    public DateOnly? LastDay => Set.EffectiveTo ?? Next?.EffectiveFrom.AddDays(-1);

    /// <summary>「2023-01-01 起施行」 or 「2023-01-01 ～ 2025-12-31」.</summary>
    public string Period => LastDay is { } last
        ? $"{PlatformPageModel.Day(Set.EffectiveFrom)} ～ {PlatformPageModel.Day(last)}"
        : $"{PlatformPageModel.Day(Set.EffectiveFrom)} 起施行";

    /// <summary>学时 or 学分.</summary>
    public string Unit => ComplianceLabels.Unit(Set.Unit);

    /// <summary>「每年度」 or 「每 5 年为一个周期」.</summary>
    public string Cycle => Set.CycleYears == 1 ? "每年度" : $"每 {Set.CycleYears} 年为一个周期";

    /// <summary>How units convert: 「按学时计」 or 「按学分计，1 学分折合 3 学时」.</summary>
    public string Conversion => Set.Unit == CreditUnit.Credit ? $"按学分计，1 学分折合 {Figure(Set.HoursPerUnit)} 学时" : "按学时计";

    /// <summary>The required total in words: 「每年度至少 25 学分（折合 75 学时）」.</summary>
    public string Total => $"{Cycle}至少 {Amount(Set.RequiredTotal)}";

    /// <summary>Each requirement in words: 「Ⅰ类学分：至少 5 学分（折合 15 学时），最多计入 10 学分（折合 30 学时）」.</summary>
    public IReadOnlyList<string> Requirements => [.. Set.Requirements.Select(Requirement)];

    /// <summary>Each activity rule: name, where it counts, how much an item earns, the yearly cap.</summary>
    public IReadOnlyList<(string Activity, string CountsAs, string Credit, string Cap)> Activities =>
        [.. Set.Activities.Select(a => (
            ComplianceLabels.Activity(a.Activity),
            CountsAs(a),
            a.CreditPerItem is { } per ? $"每项 {Amount(per)}" : Set.Unit == CreditUnit.Credit ? "按实际学时折算" : "按实际学时",
            a.MaxPerYear is { } max ? $"每年最多 {Amount(max)}" : "不设上限"))];

    /// <summary>
    /// Where an activity's credit counts: its credit class when the rule names one (a record's own class comes first);
    /// otherwise in the category of the record (public or professional subject) — the evaluator's rule.
    /// </summary>
    public string CountsAs(ActivityRule activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.CreditClass is { } cls ? ClassName(cls) : "按记录的科目类别";
    }

    /// <summary>A requirement in words.</summary>
    public string Requirement(CreditRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var bucket = requirement.CreditClass is { } cls ? ClassName(cls) : ComplianceLabels.Category(requirement.Category ?? CreditCategory.Professional);
        var parts = new List<string>();
        if (requirement.MinimumShare is { } share)
        {
            parts.Add($"至少占要求总量的 {share}（{Amount(requirement.EffectiveMinimum(Set))}）");
        }
        else if (requirement.Minimum is { } minimum)
        {
            parts.Add($"至少 {Amount(minimum)}");
        }

        if (requirement.Maximum is { } maximum)
        {
            parts.Add($"最多计入 {Amount(maximum)}");
        }

        return $"{bucket}：{string.Join("，", parts)}";
    }

    /// <summary>An amount in the set's unit, with its hours when the set counts credits: 「25 学分（折合 75 学时）」.</summary>
    public string Amount(decimal amount) => Set.Unit == CreditUnit.Credit
        ? $"{Figure(amount)} 学分（折合 {Figure(Set.ToHours(amount).Hours)} 学时）"
        : $"{Figure(amount)} 学时";

    /// <summary>A class's Chinese name (its key when unknown).</summary>
    public string ClassName(string key) => ClassNames.GetValueOrDefault(key, key);

    /// <summary>A number as shown: no trailing zeros, separators.</summary>
    public static string Figure(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
