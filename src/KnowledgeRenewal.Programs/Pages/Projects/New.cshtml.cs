using KnowledgeRenewal.Programs.UseCases.Projects;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Projects;

/// <summary><c>/projects/new</c>: a draft application for the caller's organization — <c>POST /api/projects</c>'s use case.</summary>
[Authorize(Policy = ApplicantsPolicy)]
internal sealed class NewModel(IMediator mediator) : ProjectFormPageModel(mediator)
{
    /// <summary>Shows the empty form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new ProjectForm { Level = "Municipal", Field = "General", Mode = "Offline" };
        await LoadOptionsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Saves the draft, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadOptionsAsync(cancellationToken).ConfigureAwait(false);
        var (ok, created) = await TrySendAsync(new CreateProject(Input.ToInput(ModelState, Recommenders)), cancellationToken).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect($"/projects/{created!.Value.Project.Id:D}", $"项目申报书已保存为草稿（编号 {created.Value.Project.Number}）。确认无误后请提交申报。");
        }

        return Page();
    }
}
