using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KnowledgeRenewal.Credits.Pages.Catalog;

/// <summary>
/// The what-if form's fields as typed (text; <see cref="UseCases.Compliance.RunWhatIfValidator"/> checks the draft and
/// answers in Chinese). It starts as the rule set in force; what is not on the form (the unit, where each activity
/// counts) stays as that set has it.
/// </summary>
internal sealed class WhatIfForm
{
    /// <summary>试算年度.</summary>
    public string? Year { get; set; }

    /// <summary>草案名称.</summary>
    public string? Title { get; set; }

    /// <summary>起算日期 (yyyy-MM-dd).</summary>
    public string? EffectiveFrom { get; set; }

    /// <summary>周期年数.</summary>
    public string? CycleYears { get; set; }

    /// <summary>折算系数 (hours per credit; only for sets counted in credits).</summary>
    public string? HoursPerUnit { get; set; }

    /// <summary>每周期要求总量.</summary>
    public string? RequiredTotal { get; set; }

    /// <summary>One row per bucket the scope can require: the two categories and the scope's credit classes.</summary>
    public List<BucketForm> Buckets { get; set; } = [];

    /// <summary>One row per activity of the set in force.</summary>
    public List<ActivityForm> Activities { get; set; } = [];

    /// <summary>The form of <paramref name="set"/> (every bucket of the scope offered, filled where the set requires it).</summary>
    public static WhatIfForm Of(CreditRuleSet set, IReadOnlyDictionary<string, string> classes, int year)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(classes);
        var buckets = new[] { BucketForm.KeyOf(CreditCategory.Public), BucketForm.KeyOf(CreditCategory.Professional) }
            .Concat(classes.Keys.Select(BucketForm.KeyOfClass));
        return new WhatIfForm
        {
            Year = year.ToString(CultureInfo.InvariantCulture),
            Title = set.Title + "（调整草案）",
            EffectiveFrom = set.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CycleYears = set.CycleYears.ToString(CultureInfo.InvariantCulture),
            HoursPerUnit = Text(set.HoursPerUnit),
            RequiredTotal = Text(set.RequiredTotal),
            Buckets = [.. buckets.Select(key =>
            {
                var requirement = set.Requirements.FirstOrDefault(r => BucketForm.KeyOf(r) == key);
                return new BucketForm
                {
                    Key = key,
                    Minimum = requirement?.Minimum is { } min ? Text(min) : null,
                    MinimumShare = requirement?.MinimumShare?.ToString(),
                    Maximum = requirement?.Maximum is { } max ? Text(max) : null,
                };
            })],
            Activities = [.. set.Activities.Select(a => new ActivityForm
            {
                Activity = a.Activity.ToString(),
                Counts = true,
                CreditPerItem = a.CreditPerItem is { } per ? Text(per) : null,
                MaxPerYear = a.MaxPerYear is { } cap ? Text(cap) : null,
            })],
        };
    }

    /// <summary>
    /// The draft: <paramref name="basis"/> with the form's numbers. Text that is not a number, date or fraction is put on
    /// its field (as the API's JSON reader refuses the whole body) and no draft is returned. <paramref name="fields"/>
    /// receives where each of the draft's API fields is on the form, for the use case's field errors.
    /// </summary>
    public CreditRuleSet? ToDraft(CreditRuleSet basis, ModelStateDictionary state, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fields);
        var before = state.ErrorCount;
        fields["ruleSet"] = FormProblems.FormKey;
        fields["ruleSet.title"] = "Input.Title";
        fields["ruleSet.effectiveFrom"] = "Input.EffectiveFrom";
        fields["ruleSet.effectiveTo"] = "Input.EffectiveFrom";
        fields["ruleSet.cycleYears"] = "Input.CycleYears";
        fields["ruleSet.unit"] = FormProblems.FormKey;
        fields["ruleSet.hoursPerUnit"] = basis.Unit == CreditUnit.Credit ? "Input.HoursPerUnit" : FormProblems.FormKey;
        fields["ruleSet.requiredTotal"] = "Input.RequiredTotal";

        var from = Date(EffectiveFrom, "Input.EffectiveFrom", "起算日期", state);
        var cycle = Whole(CycleYears, "Input.CycleYears", "周期年数", state);
        var perUnit = basis.Unit == CreditUnit.Credit ? Number(HoursPerUnit, "Input.HoursPerUnit", "折算系数", state) : basis.HoursPerUnit;
        var total = Number(RequiredTotal, "Input.RequiredTotal", "要求总量", state);

        var requirements = new List<CreditRequirement>();
        for (var i = 0; i < Buckets.Count; i++)
        {
            var bucket = Buckets[i];
            var key = $"Input.Buckets[{i}]";
            var minimum = Number(bucket.Minimum, key + ".Minimum", "最低要求", state);
            var share = Fraction(bucket.MinimumShare, key + ".MinimumShare", state);
            var maximum = Number(bucket.Maximum, key + ".Maximum", "最多计入", state);
            if (minimum is null && share is null && maximum is null)
            {
                continue;
            }

            var path = $"ruleSet.requirements[{requirements.Count}]";
            fields[path] = key + ".Minimum";
            fields[path + ".category"] = key + ".Minimum";
            fields[path + ".creditClass"] = key + ".Minimum";
            fields[path + ".minimum"] = key + ".Minimum";
            fields[path + ".minimumShare"] = key + ".MinimumShare";
            fields[path + ".maximum"] = key + ".Maximum";
            requirements.Add(new CreditRequirement
            {
                Category = BucketForm.CategoryOf(bucket.Key),
                CreditClass = BucketForm.ClassOf(bucket.Key),
                Minimum = minimum,
                MinimumShare = share,
                Maximum = maximum,
            });
        }

        var activities = new List<ActivityRule>();
        for (var i = 0; i < Activities.Count; i++)
        {
            var row = Activities[i];
            var key = $"Input.Activities[{i}]";
            var rule = basis.Activities.FirstOrDefault(a => a.Activity.ToString() == row.Activity);
            var perItem = Number(row.CreditPerItem, key + ".CreditPerItem", "每项计入", state);
            var cap = Number(row.MaxPerYear, key + ".MaxPerYear", "年度上限", state);
            if (rule is null || !row.Counts)
            {
                continue;
            }

            var path = $"ruleSet.activities[{activities.Count}]";
            fields[path] = key + ".Counts";
            fields[path + ".activity"] = key + ".Counts";
            fields[path + ".creditClass"] = key + ".Counts";
            fields[path + ".creditPerItem"] = key + ".CreditPerItem";
            fields[path + ".maxPerYear"] = key + ".MaxPerYear";
            activities.Add(rule with { CreditPerItem = perItem, MaxPerYear = cap });
        }

        if (state.ErrorCount > before)
        {
            return null;
        }

        return basis with
        {
            Title = Title?.Trim() ?? "",
            EffectiveFrom = from ?? default,
            EffectiveTo = null,
            CycleYears = cycle ?? 0,
            HoursPerUnit = perUnit ?? 0m,
            RequiredTotal = total ?? 0m,
            Requirements = requirements,
            Activities = activities,
        };
    }

    /// <summary>The activity's Chinese name.</summary>
    public static string ActivityName(string? activity) =>
        Enum.TryParse<ActivityType>(activity, out var type) ? ComplianceLabels.Activity(type) : activity ?? "";

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static decimal? Number(string? text, string key, string label, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        state.AddModelError(key, $"{label}必须是数字，例如 25 或 2.5");
        return null;
    }

    private static int? Whole(string? text, string key, string label, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        state.AddModelError(key, $"{label}必须是整数，例如 1 或 5");
        return null;
    }

    private static DateOnly? Date(string? text, string key, string label, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        state.AddModelError(key, $"{label}必须是真实日期，格式为 年-月-日");
        return null;
    }

    private static Share? Fraction(string? text, string key, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Replace('／', '/').Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var numerator)
            && int.TryParse(parts[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var denominator))
        {
            return Share.Of(numerator, denominator);
        }

        state.AddModelError(key, "最低比例必须写成分数，例如 2/3");
        return null;
    }
}

/// <summary>One bucket of the what-if form: a category or a credit class, with its minimum, share and maximum.</summary>
internal sealed class BucketForm
{
    private const string CategoryPrefix = "category:";
    private const string ClassPrefix = "class:";

    /// <summary><c>category:Public</c>, <c>category:Professional</c> or <c>class:{key}</c>.</summary>
    public string Key { get; set; } = "";

    /// <summary>最低要求.</summary>
    public string? Minimum { get; set; }

    /// <summary>最低比例 (a fraction such as 2/3).</summary>
    public string? MinimumShare { get; set; }

    /// <summary>最多计入.</summary>
    public string? Maximum { get; set; }

    /// <summary>The key of a category bucket.</summary>
    public static string KeyOf(CreditCategory category) => CategoryPrefix + category;

    /// <summary>The key of a class bucket.</summary>
    public static string KeyOfClass(string creditClass) => ClassPrefix + creditClass;

    /// <summary>The key of a requirement's bucket.</summary>
    public static string KeyOf(CreditRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.CreditClass is { } cls ? KeyOfClass(cls) : KeyOf(requirement.Category ?? CreditCategory.Professional);
    }

    /// <summary>The category of a bucket key, if it is one.</summary>
    public static CreditCategory? CategoryOf(string key) =>
        key.StartsWith(CategoryPrefix, StringComparison.Ordinal) && Enum.TryParse<CreditCategory>(key[CategoryPrefix.Length..], out var category) ? category : null;

    /// <summary>The credit class of a bucket key, if it is one.</summary>
    public static string? ClassOf(string key) => key.StartsWith(ClassPrefix, StringComparison.Ordinal) ? key[ClassPrefix.Length..] : null;

    /// <summary>The bucket's name: 公需科目, 专业科目 or the class's name.</summary>
    public string Name(IReadOnlyDictionary<string, string> classes) =>
        CategoryOf(Key) is { } category ? ComplianceLabels.Category(category)
        : ClassOf(Key) is { } cls ? classes.GetValueOrDefault(cls, cls)
        : Key;
}

/// <summary>One activity of the what-if form: whether it counts, how much an item earns, the yearly cap.</summary>
internal sealed class ActivityForm
{
    /// <summary>The activity type's name (e.g. ClassroomTraining).</summary>
    public string Activity { get; set; } = "";

    /// <summary>Whether it counts under the draft.</summary>
    public bool Counts { get; set; }

    /// <summary>每项计入 (empty: by hours attended).</summary>
    public string? CreditPerItem { get; set; }

    /// <summary>年度上限 (empty: no cap).</summary>
    public string? MaxPerYear { get; set; }
}
