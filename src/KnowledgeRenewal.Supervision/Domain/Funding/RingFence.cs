using System.Globalization;

namespace KnowledgeRenewal.Supervision.Domain.Funding;

/// <summary>A project's budget as the ring-fence check reads it.</summary>
/// <param name="Categories">The approved amount of each approved category (a category missing or at 0 is not approved).</param>
/// <param name="Sources">The budget line of each funding source (the project's application).</param>
/// <param name="TotalFen">The project's total budget.</param>
/// <param name="EndDate">The project's last day.</param>
public sealed record ProjectBudget(IReadOnlyDictionary<SpendingCategory, long> Categories, IReadOnlyDictionary<FundingSource, long> Sources, long TotalFen, DateOnly EndDate);

/// <summary>What the project has spent before the line is recorded.</summary>
/// <param name="ByCategory">Spent per category.</param>
/// <param name="BySource">Spent per source.</param>
/// <param name="TotalFen">Spent in all.</param>
public sealed record SpentSoFar(IReadOnlyDictionary<SpendingCategory, long> ByCategory, IReadOnlyDictionary<FundingSource, long> BySource, long TotalFen)
{
    /// <summary>Nothing spent yet.</summary>
    public static SpentSoFar Nothing { get; } = new(new Dictionary<SpendingCategory, long>(), new Dictionary<FundingSource, long>(), 0);
}

/// <summary>The check's answer: the flags and, for each, its reason in Chinese with the figures.</summary>
/// <param name="Flags">The flags (None when the line is in order).</param>
/// <param name="Reasons">One reason per flag.</param>
public sealed record RingFenceResult(SpendingIssues Flags, IReadOnlyList<string> Reasons);

/// <summary>
/// The ring-fence check (专款专用) of one spending line against the project's approved budget, as a pure function:
/// a category outside the approved ones; a line that brings its category, its funding source or the project's total
/// over the approved amount (the line that crosses the line is flagged, not the earlier ones); a line dated after
/// the project ended. Every line counts towards what is spent, flagged or not — the money is gone either way.
/// </summary>
public static class RingFence
{
    /// <summary>Checks <paramref name="category"/>/<paramref name="source"/>/<paramref name="amountFen"/> spent on <paramref name="spentOn"/>.</summary>
    public static RingFenceResult Check(ProjectBudget budget, SpentSoFar spent, SpendingCategory category, FundingSource source, long amountFen, DateOnly spentOn)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(spent);
        var flags = SpendingIssues.None;
        var reasons = new List<string>();
        var approved = budget.Categories.GetValueOrDefault(category);
        if (approved <= 0)
        {
            flags |= SpendingIssues.OutsideCategory;
            reasons.Add($"“{FundingLabels.Category(category)}”不在项目核定的支出科目内（核定科目：{ApprovedList(budget)}）。");
        }
        else
        {
            var after = spent.ByCategory.GetValueOrDefault(category) + amountFen;
            if (after > approved)
            {
                flags |= SpendingIssues.CategoryOverBudget;
                reasons.Add($"“{FundingLabels.Category(category)}”累计支出 {FundingLabels.Yuan(after)} 元，超过核定预算 {FundingLabels.Yuan(approved)} 元。");
            }
        }

        var sourceBudget = budget.Sources.GetValueOrDefault(source);
        var sourceAfter = spent.BySource.GetValueOrDefault(source) + amountFen;
        if (sourceAfter > sourceBudget)
        {
            flags |= SpendingIssues.SourceOverBudget;
            reasons.Add(sourceBudget <= 0
                ? $"项目预算中没有“{FundingLabels.Source(source)}”资金，不能从该来源列支。"
                : $"“{FundingLabels.Source(source)}”资金累计支出 {FundingLabels.Yuan(sourceAfter)} 元，超过该来源预算 {FundingLabels.Yuan(sourceBudget)} 元。");
        }

        var totalAfter = spent.TotalFen + amountFen;
        if (totalAfter > budget.TotalFen)
        {
            flags |= SpendingIssues.TotalOverBudget;
            reasons.Add($"项目累计支出 {FundingLabels.Yuan(totalAfter)} 元，超过项目总预算 {FundingLabels.Yuan(budget.TotalFen)} 元。");
        }

        if (spentOn > budget.EndDate)
        {
            flags |= SpendingIssues.AfterProjectEnd;
            reasons.Add($"支出日期 {spentOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 在项目结束（{budget.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）之后。");
        }

        return new RingFenceResult(flags, reasons);
    }

    private static string ApprovedList(ProjectBudget budget)
    {
        var approved = budget.Categories.Where(c => c.Value > 0).Select(c => c.Key).Order().Select(FundingLabels.Category).ToArray();
        return approved.Length == 0 ? "尚未核定" : string.Join("、", approved);
    }
}

/// <summary>The funding part's words.</summary>
public static class FundingLabels
{
    /// <summary>The category in Chinese.</summary>
    public static string Category(SpendingCategory category) => category switch
    {
        SpendingCategory.Teaching => "师资",
        SpendingCategory.Materials => "资料",
        SpendingCategory.Venue => "场地",
        SpendingCategory.Accommodation => "食宿",
        SpendingCategory.Organization => "组织",
        SpendingCategory.Subsidy => "补贴",
        _ => category.ToString(),
    };

    /// <summary>The source in Chinese.</summary>
    public static string Source(FundingSource source) => source switch
    {
        FundingSource.Central => "中央财政",
        FundingSource.Provincial => "省级财政",
        FundingSource.Municipal => "市级财政",
        FundingSource.SelfRaised => "自筹",
        FundingSource.Employer => "单位",
        FundingSource.Individual => "个人",
        _ => source.ToString(),
    };

    /// <summary>A flag's short name.</summary>
    public static string Flag(SpendingIssues flag) => flag switch
    {
        SpendingIssues.OutsideCategory => "超范围列支",
        SpendingIssues.CategoryOverBudget => "科目超预算",
        SpendingIssues.SourceOverBudget => "来源超预算",
        SpendingIssues.TotalOverBudget => "总额超预算",
        SpendingIssues.AfterProjectEnd => "项目结束后支出",
        _ => flag.ToString(),
    };

    /// <summary>The single flags set in <paramref name="flags"/>.</summary>
    public static IReadOnlyList<SpendingIssues> Each(SpendingIssues flags) =>
        [.. Enum.GetValues<SpendingIssues>().Where(f => f != SpendingIssues.None && flags.HasFlag(f))];

    /// <summary>Fen as yuan, <c>1,234.50</c>.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);
}
