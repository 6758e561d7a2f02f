using System.Globalization;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// Checks a draft rule set sent for a what-if run, field by field, with Chinese messages that name the JSON field
/// (<c>ruleSet.requirements[1].maximum</c>). The checks are those of <see cref="RuleSetContract"/> (which stays the
/// authority: <see cref="Check"/> also runs it and reports anything it finds that the field checks did not).
/// </summary>
public static class DraftRuleSetRules
{
    /// <summary>Stable error code of a problem only <see cref="RuleSetContract"/> named.</summary>
    public const string ContractCode = "rule_set.contract";

    /// <summary>
    /// The problems of <paramref name="draft"/> (empty when it is well formed); <paramref name="creditClasses"/> are the
    /// class keys (with their Chinese names) of the scope the draft is for; <paramref name="field"/> prefixes the paths.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(CreditRuleSet? draft, IReadOnlyDictionary<string, string> creditClasses, string field = "ruleSet")
    {
        ArgumentNullException.ThrowIfNull(creditClasses);
        var errors = new List<FieldError>();
        if (draft is null)
        {
            errors.Add(new FieldError(field, "required", $"请提交规则草案（{field}）。"));
            return errors;
        }

        draft = Normalized(draft);
        CheckSet(draft, creditClasses, field, errors);
        if (errors.Count == 0)
        {
            foreach (var problem in RuleSetContract.Check([draft], [.. creditClasses.Keys]))
            {
                errors.Add(new FieldError(field, ContractCode, $"规则草案不符合规则约定：{problem}"));
            }
        }

        return errors;
    }

    /// <summary>The draft with empty lists where JSON sent <c>null</c>.</summary>
    public static CreditRuleSet Normalized(CreditRuleSet draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Requirements is null || draft.Activities is null
            ? draft with { Requirements = draft.Requirements ?? [], Activities = draft.Activities ?? [] }
            : draft;
    }

    private static void CheckSet(CreditRuleSet set, IReadOnlyDictionary<string, string> classes, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(set.Title))
        {
            errors.Add(new FieldError($"{field}.title", "required", "请填写规则名称（title），用中文。"));
        }

        if (set.EffectiveFrom == default)
        {
            errors.Add(new FieldError($"{field}.effectiveFrom", "required", "请填写生效日期（effectiveFrom），格式 yyyy-MM-dd。"));
        }

        if (set.EffectiveTo is { } to && to < set.EffectiveFrom)
        {
            errors.Add(new FieldError($"{field}.effectiveTo", "out_of_range", $"失效日期（effectiveTo）{Day(to)} 不能早于生效日期（effectiveFrom）{Day(set.EffectiveFrom)}。"));
        }

        if (set.CycleYears is < 1 or > RuleSetContract.MaxCycleYears)
        {
            errors.Add(new FieldError($"{field}.cycleYears", "out_of_range", $"周期年数（cycleYears）应在 1 至 {RuleSetContract.MaxCycleYears} 之间，不能是 {set.CycleYears}。"));
        }

        if (!Enum.IsDefined(set.Unit))
        {
            errors.Add(new FieldError($"{field}.unit", "invalid", "计量单位（unit）应为 Hour（学时）或 Credit（学分）。"));
        }

        if (set.HoursPerUnit <= 0)
        {
            errors.Add(new FieldError($"{field}.hoursPerUnit", "out_of_range", $"折算系数（hoursPerUnit，每单位折合的学时数）必须大于 0，不能是 {Number(set.HoursPerUnit)}。"));
        }
        else if (set.Unit == CreditUnit.Hour && set.HoursPerUnit != 1m)
        {
            errors.Add(new FieldError($"{field}.hoursPerUnit", "invalid", "以学时计（unit 为 Hour）的规则折算系数（hoursPerUnit）必须为 1；按学分计请把 unit 设为 Credit。"));
        }

        if (set.RequiredTotal <= 0)
        {
            errors.Add(new FieldError($"{field}.requiredTotal", "out_of_range", $"周期要求总量（requiredTotal）必须大于 0，不能是 {Number(set.RequiredTotal)}。"));
        }

        var buckets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Requirements.Count; i++)
        {
            CheckRequirement(set, set.Requirements[i], classes, $"{field}.requirements[{i}]", buckets, errors);
        }

        var activities = new HashSet<ActivityType>();
        for (var i = 0; i < set.Activities.Count; i++)
        {
            var activity = set.Activities[i];
            var path = $"{field}.activities[{i}]";
            if (activity is null)
            {
                errors.Add(new FieldError(path, "required", $"请填写活动规则（{path}）。"));
                continue;
            }

            var label = ComplianceLabels.Activity(activity.Activity);
            if (!Enum.IsDefined(activity.Activity))
            {
                errors.Add(new FieldError($"{path}.activity", "invalid", $"活动类型（{path}.activity）无效。"));
            }
            else if (!activities.Add(activity.Activity))
            {
                errors.Add(new FieldError($"{path}.activity", "duplicate", $"活动类型“{label}”已有一条规则，请只保留一条。"));
            }

            if (activity.CreditPerItem is <= 0)
            {
                errors.Add(new FieldError($"{path}.creditPerItem", "out_of_range", $"“{label}”的每项计入量（creditPerItem）必须大于 0。"));
            }

            if (activity.MaxPerYear is <= 0)
            {
                errors.Add(new FieldError($"{path}.maxPerYear", "out_of_range", $"“{label}”的年度上限（maxPerYear）必须大于 0。"));
            }

            if (activity.CreditClass is { } cls && !classes.ContainsKey(cls))
            {
                errors.Add(new FieldError($"{path}.creditClass", "unknown_class", UnknownClass(cls, classes)));
            }
        }
    }

    private static void CheckRequirement(
        CreditRuleSet set, CreditRequirement? requirement, IReadOnlyDictionary<string, string> classes, string path, HashSet<string> buckets, List<FieldError> errors)
    {
        if (requirement is null)
        {
            errors.Add(new FieldError(path, "required", $"请填写要求（{path}）。"));
            return;
        }

        if ((requirement.Category is null) == (requirement.CreditClass is null))
        {
            errors.Add(new FieldError(path, "bucket", $"要求（{path}）须且只能指定科目类别（category）或学分类别（creditClass）中的一个。"));
            return;
        }

        var label = requirement.Category is { } category ? ComplianceLabels.Category(category) : classes.GetValueOrDefault(requirement.CreditClass!, requirement.CreditClass!);
        if (requirement.Category is { } value && !Enum.IsDefined(value))
        {
            errors.Add(new FieldError($"{path}.category", "invalid", "科目类别（category）应为 Public（公需科目）或 Professional（专业科目）。"));
        }

        if (!buckets.Add(requirement.Bucket))
        {
            errors.Add(new FieldError(path, "duplicate", $"“{label}”已有一条要求，请合并为一条。"));
        }

        if (requirement.CreditClass is { } cls && !classes.ContainsKey(cls))
        {
            errors.Add(new FieldError($"{path}.creditClass", "unknown_class", UnknownClass(cls, classes)));
        }

        if (requirement.Minimum is null && requirement.MinimumShare is null && requirement.Maximum is null)
        {
            errors.Add(new FieldError(path, "required", $"“{label}”的要求须至少设置最低要求（minimum 或 minimumShare）或上限（maximum）之一。"));
        }

        if (requirement.Minimum is < 0)
        {
            errors.Add(new FieldError($"{path}.minimum", "out_of_range", $"“{label}”的最低要求（minimum）不能为负数。"));
        }

        if (requirement.Maximum is <= 0)
        {
            errors.Add(new FieldError($"{path}.maximum", "out_of_range", $"“{label}”的上限（maximum）必须大于 0。"));
        }

        if (requirement.MinimumShare is { IsProperPart: false } share)
        {
            errors.Add(new FieldError($"{path}.minimumShare", "out_of_range", $"“{label}”的最低比例（minimumShare）{share} 应为大于 0、不超过 1 的分数（分子、分母为正整数）。"));
            return;
        }

        var minimum = requirement.EffectiveMinimum(set);
        if (set.RequiredTotal > 0 && minimum > set.RequiredTotal)
        {
            errors.Add(new FieldError(requirement.Minimum is not null ? $"{path}.minimum" : $"{path}.minimumShare", "out_of_range", $"“{label}”的最低要求 {Number(minimum)} 超过了周期要求总量（requiredTotal）{Number(set.RequiredTotal)}。"));
        }

        if (requirement.Maximum is { } max and > 0 && max < minimum)
        {
            errors.Add(new FieldError($"{path}.maximum", "out_of_range", $"“{label}”的上限（maximum）{Number(max)} 低于其最低要求 {Number(minimum)}。"));
        }
    }

    private static string UnknownClass(string cls, IReadOnlyDictionary<string, string> classes) =>
        classes.Count == 0
            ? $"该范围的规则不区分学分类别，不能使用学分类别“{cls}”（creditClass）。"
            : $"学分类别“{cls}”（creditClass）未声明，可用的有：{string.Join("、", classes.Select(c => $"{c.Key}（{c.Value}）"))}。";

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
