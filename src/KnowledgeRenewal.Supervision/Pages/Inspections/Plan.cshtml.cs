using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary>
/// <c>/supervision/inspections/{id}</c>: a plan — its scope, the draw (seed, fingerprint, every draw made), the drawn
/// objects with inspectors and results; drawing (<c>?act=draw</c>, with a seed or a new one: <see cref="DrawInspectionPlan"/>)
/// and publishing (<c>?act=publish</c>: <see cref="PublishInspectionResults"/>) each confirmed first, with the plan's version.
/// </summary>
internal sealed class PlanModel : InspectionPageModel
{
    /// <summary>The plan.</summary>
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The step being confirmed: draw or publish.</summary>
    [FromQuery(Name = "act")]
    public string? Act { get; set; }

    /// <summary>The plan's version read with the form.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>随机种子 (empty: a new random one).</summary>
    [BindProperty]
    public string? Seed { get; set; }

    /// <summary>The plan.</summary>
    public InspectionPlanView Plan { get; private set; } = null!;

    /// <summary>Whether a draw can be made (again).</summary>
    public bool MayDraw => Plan.Status == InspectionPlanStatus.Draft || (Plan.Status == InspectionPlanStatus.Drawn && Plan.Inspections.All(i => i.Conclusion is null && i.Findings == 0));

    /// <summary>Whether the results can be published.</summary>
    public bool MayPublish => Plan.Status == InspectionPlanStatus.Drawn && Plan.Inspections.Count > 0 && Plan.Inspections.All(i => i.Conclusion is not null);

    /// <summary>A seed as shown.</summary>
    public static string SeedText(long? seed) => seed?.ToString(CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Loads the plan.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Draws with the seed given (or a new one).</summary>
    public async Task<IActionResult> OnPostDrawAsync(CancellationToken cancellationToken)
    {
        Act = "draw";
        long? seed = null;
        if (!string.IsNullOrWhiteSpace(Seed))
        {
            if (long.TryParse(Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                seed = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Seed), "随机种子应为整数，例如 20261206；留空则随机生成。");
            }
        }

        if (ModelState.IsValid)
        {
            var (ok, plan) = await TrySendAsync(new DrawInspectionPlan(Id, Version, seed), cancellationToken, new Dictionary<string, string> { ["seed"] = nameof(Seed) }).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/supervision/inspections/{Id}", $"已抽取 {plan!.Value.Inspections.Count} 个检查对象，随机种子 {SeedText(plan.Value.Seed)}。");
            }
        }

        return await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <summary>Publishes the results.</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        Act = "publish";
        var (ok, _) = await TrySendAsync(new PublishInspectionResults(Id, Version), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/supervision/inspections/{Id}", "检查结果已向社会公开。");
        }

        return await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Seed)];

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var (ok, plan) = await TrySendAsync(new GetInspectionPlan(Id), cancellationToken).ConfigureAwait(false);
        if (!ok || plan is null)
        {
            return false;
        }

        Plan = plan.Value;
        if (ModelState.IsValid || Version is null)
        {
            Version = EntityTag.Format(plan.Stamp);
        }

        return true;
    }
}
