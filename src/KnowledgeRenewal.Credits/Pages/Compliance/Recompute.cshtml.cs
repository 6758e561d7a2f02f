using KnowledgeRenewal.Credits.Domain;
using System.Globalization;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Compliance;

/// <summary>
/// <c>/compliance/recompute</c>: the program office recomputes the compliance of a year's cycle for everyone or for one
/// rule scope — <see cref="StartRecompute"/>, as <c>POST /api/compliance/recompute</c> — and sees the stored
/// jobs (<see cref="GetRecomputeJobs"/>, as <c>GET /api/compliance/recompute</c>). Starting one goes to its
/// progress page.
/// </summary>
[Authorize(Policy = PlatformPolicies.ProgramOffice)]
internal sealed class RecomputeModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>The year to recompute.</summary>
    [BindProperty]
    public string? Year { get; set; }

    /// <summary>The scope (empty: everyone; <c>platform</c>; a module's key).</summary>
    [BindProperty]
    public string? Module { get; set; }

    /// <summary>The jobs, newest first.</summary>
    public IReadOnlyList<RecomputeJobView> Jobs { get; private set; } = [];

    /// <summary>The scopes offered.</summary>
    public IReadOnlyList<SelectListItem> Scopes { get; private set; } = [];

    /// <summary>The years offered.</summary>
    public IEnumerable<SelectListItem> Years => IndexModel.YearItems(ProgramCalendar.Today(clock).Year);

    /// <summary>Shows the form and the jobs.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year ??= ProgramCalendar.Today(clock).Year.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts (or finds the running) job and goes to its page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? year = null;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                year = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Year), "学时年度必须是数字，如 2025");
            }
        }

        if (ModelState.IsValid)
        {
            var (ok, started) = await TrySendAsync(new StartRecompute(year, string.IsNullOrWhiteSpace(Module) ? null : Module), cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect(
                    $"/compliance/recompute/{started.Job.Id:D}",
                    started.Created ? "已开始重新计算，完成前可以离开本页。" : "相同年度和范围的重新计算正在进行，以下是它的进度。");
            }
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The scope in words.</summary>
    public string ScopeName(string? module) =>
        module is null ? "全部人员" : Scopes.FirstOrDefault(s => s.Value == module)?.Text ?? module;

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year), nameof(Module)];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Jobs = await mediator.Send(new GetRecomputeJobs(), cancellationToken).ConfigureAwait(false);
        var scopes = await mediator.Send(new ListRuleScopes(), cancellationToken).ConfigureAwait(false);
        Scopes = [new("全部人员", ""), .. scopes.Options.Select(o => new SelectListItem(o.IsModule ? $"{o.Name}的人员" : "适用通用标准的人员", o.Key))];
    }
}
