using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Projects;

/// <summary>
/// <c>/projects/{id}</c>: one project within the caller's scope (404 otherwise) — where it stands in the workflow,
/// its public-notice period (<see cref="PublicNoticePeriod"/>), its history; for the applicant: change the draft,
/// submit it or withdraw it, each confirmed on the page first and sent as <c>POST /api/projects/{id}/{action}</c> with
/// the version shown as <c>If-Match</c>.
/// </summary>
[Authorize(Policy = ReadersPolicy)]
internal sealed class ShowModel(IMediator mediator, TimeProvider clock) : ProjectPageModel
{
    /// <summary>The applicant's own steps offered on the page.</summary>
    public static readonly string[] OwnSteps = ["submit", "withdraw"];

    /// <summary>The project.</summary>
    public ProjectDetail Detail { get; private set; } = null!;

    /// <summary>The version shown.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The step to confirm, if asked.</summary>
    public string? Confirm { get; private set; }

    /// <summary>Where the notice stands today.</summary>
    public NoticePhase Phase { get; private set; }

    /// <summary>Shows the project.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? confirm, CancellationToken cancellationToken)
    {
        Confirm = OwnSteps.Contains(confirm) && CanApply ? confirm : null;
        return await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <summary>Takes the applicant's step.</summary>
    public async Task<IActionResult> OnPostStepAsync(Guid id, string? step, string? version, CancellationToken cancellationToken)
    {
        if (!OwnSteps.Contains(step))
        {
            return NotFound();
        }

        var (ok, _) = await TrySendAsync(new TransitionProject(id, step, version, new TransitionBody(null, null, null, null, null)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/projects/{id:D}", step == "submit" ? "项目已提交申报，等待推荐单位审核。" : "项目已撤回为草稿，可以修改后重新提交。");
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <summary>Whether the applicant may take <paramref name="step"/> now (the workflow's table; the use case decides).</summary>
    public bool Offers(string step) => CanApply && Detail.Project.NextActions.Contains(step);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var found = await mediator.Send(new GetProject(id), cancellationToken).ConfigureAwait(false);
            Detail = found.Value;
            Version = EntityTag.Format(found.Stamp);
            Phase = PublicNoticePeriod.Phase(Detail.Project.NoticeStart, Detail.Project.NoticeEnd, ProgramCalendar.Today(clock));
            return true;
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
    }
}
