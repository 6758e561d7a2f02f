using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Projects;

/// <summary><c>/projects/{id}/edit</c>: changes a draft — <c>PUT /api/projects/{id}</c>'s use case with the version shown as <c>If-Match</c>.</summary>
[Authorize(Policy = ApplicantsPolicy)]
internal sealed class EditModel(IMediator mediator) : ProjectFormPageModel(mediator)
{
    /// <summary>The project.</summary>
    public ProjectView Project { get; private set; } = null!;

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, keepTyped: false, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Saves the draft, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken).ConfigureAwait(false);
        var (ok, _) = await TrySendAsync(new UpdateProject(id, Input.Version, Input.ToInput(ModelState, Recommenders)), cancellationToken).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect($"/projects/{id:D}", "申报书已保存。");
        }

        return await LoadAsync(id, keepTyped: true, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <summary>Whether the project is still a draft.</summary>
    public bool IsDraft => Project.Status == ProjectStatus.Draft;

    private async Task<bool> LoadAsync(Guid id, bool keepTyped, CancellationToken cancellationToken)
    {
        try
        {
            var found = await Mediator.Send(new GetProject(id), cancellationToken).ConfigureAwait(false);
            Project = found.Value.Project;
            await LoadOptionsAsync(cancellationToken).ConfigureAwait(false);
            if (!keepTyped)
            {
                Input = ProjectForm.Of(Project, EntityTag.Format(found.Stamp), Recommenders);
            }

            return true;
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return false;
        }
    }
}
