using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>What the rules grant a declared activity (before yearly caps, which the rule engine applies).</summary>
/// <param name="RuleSet">The rule set in force on the activity's last day.</param>
/// <param name="Rule">The set's rule for the activity type, when the set lists activities.</param>
/// <param name="Hours">Credit hours granted (exact).</param>
/// <param name="EnteredAmount">The amount in <paramref name="EnteredUnit"/>: items × credit per item, or the amount claimed.</param>
/// <param name="EnteredUnit">The unit of <paramref name="EnteredAmount"/>.</param>
/// <param name="Category">The category the hours go to (the activity rule's, else the person's choice, else professional).</param>
/// <param name="CreditClass">The credit class the hours go to (the activity rule's), if any.</param>
public sealed record DeclarationCredit(
    CreditRuleSet RuleSet,
    ActivityRule? Rule,
    CreditHours Hours,
    decimal EnteredAmount,
    CreditUnit EnteredUnit,
    CreditCategory Category,
    string? CreditClass)
{
    /// <summary>The activity type's yearly cap in credit hours, when the rule sets one.</summary>
    public CreditHours? YearlyCap => Rule?.MaxPerYear is { } max ? RuleSet.ToHours(max) : null;

    /// <summary>Whether the hours come from items × credit per item.</summary>
    public bool PerItem => Rule?.CreditPerItem is not null;
}

/// <summary>
/// Computes the credit hours of a declared activity from the rules of the person's department module (or the
/// platform default) in force on the activity's last day:
/// <list type="bullet">
/// <item>no set in force → 400 <c>declaration.no_rule_set</c>;</item>
/// <item>the set lists activities and this type is not among them → 400 <c>ledger.activity_not_counted</c>, naming the set;</item>
/// <item>the activity's rule has a credit per item → items × credit per item, converted to hours with the set's unit (e.g. health: 学分 × 3);</item>
/// <item>otherwise → the amount claimed, converted by <see cref="LedgerRules.ToHours"/> (学分 only where the set counts in credits);</item>
/// <item>category and credit class come from the activity rule when it has them.</item>
/// </list>
/// Yearly caps are not applied here: the rule engine caps and explains at evaluation.
/// </summary>
public static class DeclarationHours
{
    /// <summary>Computes the credit; throws <see cref="LedgerException"/> (400, the field named) when the rules refuse it.</summary>
    public static DeclarationCredit Compute(RuleBook book, DeclaredActivity declared)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(declared);
        var set = book.InForceOn(declared.EndDate) ?? throw new LedgerException(
            DeclarationProblemCodes.NoRuleSet,
            400,
            $"{declared.EndDate:yyyy-MM-dd} 没有生效的继续教育学时规则，该日期的活动不能申报学时。",
            [new FieldError("endDate", "no_rule_set", $"结束日期（endDate）{declared.EndDate:yyyy-MM-dd} 没有生效的学时规则。")]);

        var activity = ComplianceLabels.Activity(declared.Activity);
        ActivityRule? rule = null;
        if (set.Activities.Count > 0)
        {
            rule = set.Activities.FirstOrDefault(a => a.Activity == declared.Activity) ?? throw new LedgerException(
                LedgerProblemCodes.ActivityNotCounted,
                400,
                $"“{activity}”不计入“{set.Title}”的学时，不能申报。计入学时的活动类型：{string.Join("、", set.Activities.Select(a => ComplianceLabels.Activity(a.Activity)))}。",
                [new FieldError("activity", "activity_not_counted", $"活动类型“{activity}”不计入“{set.Title}”的学时。")]);
        }

        var category = rule?.Category ?? declared.Category ?? CreditCategory.Professional;
        var creditClass = rule?.CreditClass;
        return rule?.CreditPerItem is { } perItem
            ? PerItem(set, rule, declared, activity, perItem, category, creditClass)
            : ByAmount(set, rule, declared, activity, category, creditClass);
    }

    private static DeclarationCredit PerItem(CreditRuleSet set, ActivityRule rule, DeclaredActivity declared, string activity, decimal perItem, CreditCategory category, string? creditClass)
    {
        var unit = DeclarationLabels.Unit(set.Unit);
        if (declared.Items is not { } items)
        {
            throw Invalid("items", "items_required", $"“{set.Title}”对“{activity}”按项认定（每项 {perItem:0.##} {unit}），请填写项数（items），不要填写申报数量。");
        }

        var amount = items * perItem;
        var hours = LedgerRules.ToHours(amount, set.Unit, set, out var error)
            ?? throw Invalid("items", "invalid_hours", $"项数（items）折算的学时不符合规则：{error}");
        return new DeclarationCredit(set, rule, hours, amount, set.Unit, category, creditClass);
    }

    private static DeclarationCredit ByAmount(CreditRuleSet set, ActivityRule? rule, DeclaredActivity declared, string activity, CreditCategory category, string? creditClass)
    {
        if (declared.ClaimedAmount is not { } amount)
        {
            throw Invalid("claimedAmount", "amount_required", $"“{set.Title}”对“{activity}”按实际学时认定，请填写申报数量（claimedAmount）及单位（claimedUnit），不要填写项数。");
        }

        if (declared.ClaimedUnit == CreditUnit.Credit && set.Unit != CreditUnit.Credit)
        {
            throw Invalid("claimedUnit", "unit_not_used", $"“{set.Title}”以学时计，不以学分计，请按学时申报（claimedUnit 为 Hour/学时）。");
        }

        var hours = LedgerRules.ToHours(amount, declared.ClaimedUnit, set, out var error)
            ?? throw Invalid("claimedAmount", "invalid_hours", $"申报数量（claimedAmount）不符合规则：{error}");
        return new DeclarationCredit(set, rule, hours, amount, declared.ClaimedUnit, category, creditClass);
    }

    private static LedgerException Invalid(string field, string code, string message) =>
        new(LedgerProblemCodes.InvalidHours, 400, message, [new FieldError(field, code, message)]);
}
