using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using KnowledgeRenewal.Supervision.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary>
/// <c>/supervision/inspections/objects/{id}</c>: one drawn object — its inspectors, the result
/// (<see cref="RecordInspectionResult"/>), findings with evidence files, possibly requiring rectification by a deadline
/// (<see cref="RecordFinding"/>), and closing a rectification with evidence (<see cref="CloseRectification"/>, <c>?close={finding}</c>).
/// </summary>
internal sealed class InspectionModel : InspectionPageModel
{
    /// <summary>The inspection.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The finding whose rectification is being closed.</summary>
    [FromQuery(Name = "close")]
    public Guid? Close { get; set; }

    /// <summary>The inspection's version read with the result form.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>检查日期.</summary>
    [BindProperty]
    public string? InspectedOn { get; set; }

    /// <summary>检查结论.</summary>
    [BindProperty]
    public string? Conclusion { get; set; }

    /// <summary>检查情况.</summary>
    [BindProperty]
    public string? Summary { get; set; }

    /// <summary>发现的问题.</summary>
    [BindProperty]
    public string? Text { get; set; }

    /// <summary>要求整改.</summary>
    [BindProperty]
    public bool RequiresRectification { get; set; }

    /// <summary>整改期限.</summary>
    [BindProperty]
    public string? DueOn { get; set; }

    /// <summary>佐证材料.</summary>
    [BindProperty]
    public IList<IFormFile> Evidence { get; set; } = [];

    /// <summary>整改情况 (closing).</summary>
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The finding's version (closing).</summary>
    [BindProperty]
    public string? FindingVersion { get; set; }

    /// <summary>The inspection.</summary>
    public InspectionView Inspection { get; private set; } = null!;

    /// <summary>The finding being closed.</summary>
    public FindingView? Closing => Close is { } id ? Inspection.Findings.FirstOrDefault(f => f.Id == id && f.Rectification == RectificationStatus.Open) : null;

    /// <summary>Whether results and findings can still be recorded.</summary>
    public bool Open => Inspection.PlanStatus == InspectionPlanStatus.Drawn;

    /// <summary>The conclusions.</summary>
    public static IEnumerable<SelectListItem> Conclusions =>
        [new("请选择", ""), new(InspectionRules.ConclusionName(InspectionConclusion.NoIssues), nameof(InspectionConclusion.NoIssues)),
         new(InspectionRules.ConclusionName(InspectionConclusion.IssuesFound), nameof(InspectionConclusion.IssuesFound))];

    /// <summary>Loads the inspection.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        InspectedOn ??= Inspection.InspectedOn is { } d ? Day(d) : null;
        Conclusion ??= Inspection.Conclusion?.ToString();
        Summary ??= Inspection.Summary;
        return Page();
    }

    /// <summary>Records the result.</summary>
    public async Task<IActionResult> OnPostResultAsync(CancellationToken cancellationToken)
    {
        var body = new InspectionResultInput
        {
            InspectedOn = ReadDay(InspectedOn, nameof(InspectedOn), "检查日期"),
            Conclusion = Enum.TryParse<InspectionConclusion>(Conclusion, out var c) && Enum.IsDefined(c) ? c : null,
            Summary = Summary,
        };
        if (ModelState.IsValid)
        {
            var (ok, _) = await TrySendAsync(new RecordInspectionResult(Id, Version, body), cancellationToken, ResultFields).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/supervision/inspections/objects/{Id}", "检查结果已保存。");
            }
        }

        return await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <summary>Records a finding.</summary>
    public async Task<IActionResult> OnPostFindingAsync(CancellationToken cancellationToken)
    {
        var body = new FindingInput { Text = Text, RequiresRectification = RequiresRectification, DueOn = RequiresRectification ? ReadDay(DueOn, nameof(DueOn), "整改期限") : null };
        if (ModelState.IsValid)
        {
            var files = await EvidenceForm.FilesAsync(Evidence, cancellationToken).ConfigureAwait(false);
            var (ok, _) = await TrySendAsync(new RecordFinding(Id, body, files), cancellationToken, FindingFields).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/supervision/inspections/objects/{Id}", RequiresRectification ? $"检查发现已记录，整改期限 {DueOn}。" : "检查发现已记录。");
            }
        }

        return await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <summary>Closes a rectification.</summary>
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken)
    {
        if (Close is not { } finding)
        {
            return BadRequest();
        }

        var files = await EvidenceForm.FilesAsync(Evidence, cancellationToken).ConfigureAwait(false);
        var (ok, _) = await TrySendAsync(new CloseRectification(finding, FindingVersion, Note, files), cancellationToken,
            new Dictionary<string, string> { ["note"] = nameof(Note), ["evidence"] = nameof(Evidence) }).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/supervision/inspections/objects/{Id}", "整改已办结。");
        }

        return await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(InspectedOn), nameof(Conclusion), nameof(Summary), nameof(Text), nameof(DueOn), nameof(Evidence), nameof(Note)];

    private static readonly Dictionary<string, string> ResultFields = new(StringComparer.Ordinal)
    {
        ["inspectedOn"] = nameof(InspectedOn), ["conclusion"] = nameof(Conclusion), ["summary"] = nameof(Summary),
    };

    private static readonly Dictionary<string, string> FindingFields = new(StringComparer.Ordinal)
    {
        ["text"] = nameof(Text), ["dueOn"] = nameof(DueOn), ["evidence"] = nameof(Evidence),
    };

    private DateOnly? ReadDay(string? text, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        ModelState.AddModelError(key, $"{label}应为真实日期，例如 2026-12-31。");
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var (ok, inspection) = await TrySendAsync(new GetInspection(Id), cancellationToken).ConfigureAwait(false);
        if (!ok || inspection is null)
        {
            return false;
        }

        Inspection = inspection.Value;
        if (ModelState.IsValid || Version is null)
        {
            Version = EntityTag.Format(inspection.Stamp);
        }

        FindingVersion ??= Closing?.ETag;
        return true;
    }
}
