using KnowledgeRenewal.Credits.Domain;
using System.Globalization;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Compliance;

/// <summary>
/// <c>/compliance/recompute/{id}</c>: one recomputation job's progress (a partial polled every second by htmx while it
/// runs) and result — <see cref="GetRecomputeJobs"/>, as <c>GET /api/compliance/recompute/{id}</c>.
/// </summary>
[Authorize(Policy = PlatformPolicies.ProgramOffice)]
internal sealed class RecomputeJobModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The job.</summary>
    public RecomputeJobView Job { get; private set; } = null!;

    /// <summary>Whether it is still queued or running.</summary>
    public bool Running => Job.Status is RecomputeJobStatus.Queued or RecomputeJobStatus.Running;

    /// <summary>How far it is, 0–100.</summary>
    public int Percent => Job.Status == RecomputeJobStatus.Completed ? 100 : Job.Total <= 0 ? 0 : (int)Math.Min(100, Job.Processed * 100L / Job.Total);

    /// <summary>Shows the job.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        var scopes = await mediator.Send(new ListRuleScopes(), cancellationToken).ConfigureAwait(false);
        ScopeText = Job.Module switch
        {
            null => "全部人员",
            var key => scopes.Options.FirstOrDefault(o => o.Key == key) is { } o ? (o.IsModule ? $"{o.Name}的人员" : "适用通用标准的人员") : key,
        };
        return Page();
    }

    /// <summary>The job's scope in words.</summary>
    public string ScopeText { get; private set; } = "";

    /// <summary>The progress partial (polled while it runs).</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Partial("_RecomputeProgress", this) : NotFound();

    /// <summary>A count as shown.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Job = (await mediator.Send(new GetRecomputeJobs(id), cancellationToken).ConfigureAwait(false))[0];
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
