using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.UseCases.Projects;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Reviews;

/// <summary>
/// <c>/reviews/projects/{id}</c>: a project as <c>GET /api/projects/{id}</c> shows it, with its history, and the
/// recommender's decision — recommend with an opinion, return for changes, or reject (after a confirmation) — taken
/// through the same workflow step as <c>POST /api/projects/{id}/{action}</c> (<see cref="TransitionProject"/>).
/// </summary>
[Authorize(Roles = ProjectsModel.RecommenderRoles)]
internal sealed class ProjectModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The project with its history.</summary>
    public ProjectDetail Detail { get; private set; } = null!;

    /// <summary>The version shown (If-Match of the step).</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>The opinion.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Comment { get; set; }

    /// <summary>Whether the person confirmed a rejection.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Whether the page asks to confirm a rejection.</summary>
    public bool ConfirmingReject { get; private set; }

    /// <summary>Whether the recommender's decision can be taken now.</summary>
    public bool CanDecide => Detail.Project.NextActions.Contains("recommend");

    /// <summary>Shows the project.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken).ConfigureAwait(false);

    /// <summary>Recommends the project with the opinion.</summary>
    public Task<IActionResult> OnPostRecommendAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "recommend", "已推荐该项目，推荐意见已记录。", cancellationToken);

    /// <summary>Returns the project to the applicant for changes (the opinion says what to change).</summary>
    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, "return", "已退回申报单位修改。", cancellationToken);

    /// <summary>Rejects the project, after a confirmation.</summary>
    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Confirmed)
        {
            ModelState.Clear();
            await LoadAsync(id, cancellationToken, keepVersion: true).ConfigureAwait(false);
            ConfirmingReject = true;
            return Page();
        }

        return await StepAsync(id, "reject", "已驳回该项目。", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Comment)];

    private async Task<IActionResult> StepAsync(Guid id, string action, string done, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new TransitionProject(id, action, Version, new TransitionBody(string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim(), null, null, null, null)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/reviews/projects/{id}", done);
        }

        await LoadAsync(id, cancellationToken, keepVersion: true).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken, bool keepVersion = false)
    {
        var versioned = await mediator.Send(new GetProject(id), cancellationToken).ConfigureAwait(false);
        Detail = versioned.Value;
        if (!keepVersion || string.IsNullOrEmpty(Version))
        {
            Version = EntityTag.Format(versioned.Stamp);
        }
    }
}
