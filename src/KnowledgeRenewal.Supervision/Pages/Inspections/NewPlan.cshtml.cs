using System.Globalization;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary>
/// <c>/supervision/inspections/new</c>: the program office defines a plan — year, title, inspectors per object, a
/// count or a share per kind of object, a weight per risk signal — through <see cref="CreateInspectionPlan"/> (as
/// <c>POST /api/inspection-plans</c>).
/// </summary>
internal sealed class NewPlanModel(IEnumerable<IRiskSignal> signals, TimeProvider clock) : InspectionPageModel
{
    /// <summary>The kinds offered, in order.</summary>
    public static readonly SupervisedObjectKind[] Kinds = [SupervisedObjectKind.Project, SupervisedObjectKind.Class, SupervisedObjectKind.Base, SupervisedObjectKind.Provider];

    /// <summary>计划名称.</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>年度.</summary>
    [BindProperty]
    public string? Year { get; set; }

    /// <summary>每个对象的检查人员.</summary>
    [BindProperty]
    public string? InspectorsPerObject { get; set; } = "2";

    /// <summary>Counts per kind (by kind name).</summary>
    [BindProperty]
    public Dictionary<string, string?> Counts { get; set; } = [];

    /// <summary>Shares per kind (by kind name), percent.</summary>
    [BindProperty]
    public Dictionary<string, string?> Shares { get; set; } = [];

    /// <summary>Weights per signal key.</summary>
    [BindProperty]
    public Dictionary<string, string?> Weights { get; set; } = [];

    /// <summary>The risk signals offered (key, label), by key.</summary>
    public IReadOnlyList<(string Key, string Label)> Signals => [.. signals.GroupBy(s => s.Key).Select(g => (g.Key, g.First().Label)).OrderBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>The years of the program.</summary>
    public IEnumerable<SelectListItem> Years => Enumerable.Range(ProgramPeriod.FirstYear, ProgramPeriod.LastYear - ProgramPeriod.FirstYear + 1)
        .Select(y => new SelectListItem(y.ToString(CultureInfo.InvariantCulture) + " 年", y.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A kind's name.</summary>
    public static string KindName(SupervisedObjectKind kind) => Domain.Inspections.InspectionRules.KindName(kind);

    /// <summary>A field's error, if any.</summary>
    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>Shows the form with this year and a weight of 1 per signal.</summary>
    public void OnGet()
    {
        var year = ProgramCalendar.Today(clock).Year;
        Year = year.ToString(CultureInfo.InvariantCulture);
        Title = $"{year}年度继续教育双随机抽查";
        foreach (var (key, _) in Signals)
        {
            Weights[key] = "1";
        }
    }

    /// <summary>Creates the plan and opens it.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new InspectionPlanInput
        {
            Title = Title,
            Year = Whole(Year, nameof(Year), "请选择年度。") ?? 0,
            InspectorsPerObject = Whole(InspectorsPerObject, nameof(InspectorsPerObject), "检查人员人数应为 1 至 5 的整数。") ?? 0,
        };
        foreach (var kind in Kinds)
        {
            var count = Whole(Counts.GetValueOrDefault(kind.ToString()), $"Counts[{kind}]", "抽取数量应为整数。");
            var share = Whole(Shares.GetValueOrDefault(kind.ToString()), $"Shares[{kind}]", "抽取比例应为整数。");
            if (count is not null || share is not null)
            {
                input.Quotas.Add(new QuotaInput { Kind = kind, Count = count, SharePercent = share });
            }
        }

        foreach (var (key, text) in Weights.Where(w => !string.IsNullOrWhiteSpace(w.Value)))
        {
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var weight))
            {
                input.Weights[key] = weight;
            }
            else
            {
                ModelState.AddModelError($"Weights[{key}]", "权重应为 0 至 10 之间的数，例如 1 或 2.5。");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (ok, plan) = await TrySendAsync(new CreateInspectionPlan(input), cancellationToken, Fields).ConfigureAwait(false);
        return ok ? DoneAndRedirect($"/supervision/inspections/{plan!.Value.Id}", "抽查计划已建立。确认抽查范围后即可抽取。") : Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Title), nameof(Year), nameof(InspectorsPerObject), "Quotas", "Weights"];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["title"] = nameof(Title), ["year"] = nameof(Year), ["inspectorsPerObject"] = nameof(InspectorsPerObject), ["quotas"] = "Quotas", ["weights"] = "Weights",
    };

    private int? Whole(string? text, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        ModelState.AddModelError(key, message);
        return null;
    }
}
