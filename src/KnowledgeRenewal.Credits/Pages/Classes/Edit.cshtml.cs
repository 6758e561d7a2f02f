using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>
/// <c>/classes/{id}/edit</c>: changes a planned class — <c>PUT /api/classes/{id}</c> with the version the form showed
/// as <c>If-Match</c>, so a change made meanwhile is reported instead of overwritten.
/// </summary>
[Authorize(Roles = Writers)]
internal sealed class EditModel(IMediator mediator) : ClassFormPageModel
{
    /// <summary>The class (null: not found or outside the caller's scope).</summary>
    public TrainingClassView? Class { get; private set; }

    /// <summary>Why the class cannot be changed any more (<see cref="RosterClassRules.CheckEditable"/>), if so.</summary>
    public string? NotEditable { get; private set; }

    /// <summary>Shows the form with the class's values.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        return Page();
    }

    /// <summary>Saves the change, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var input = Input.ToInput(ModelState);
        var (ok, saved) = await TrySendAsync(new UpdateTrainingClass(id, Input.Version, input), cancellationToken).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect($"/classes/{id:D}", $"班次“{saved!.Value.Title}”已保存。");
        }

        var typed = Input;
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Input = typed;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var found = await mediator.Send(new GetTrainingClass(id), cancellationToken).ConfigureAwait(false);
            Class = found.Value;
            Input = ClassForm.Of(found.Value, EntityTag.Format(found.Stamp));
            NotEditable = RosterClassRules.CheckEditable(found.Value.Status);
            if (NotEditable is null)
            {
                await LoadCoursesAsync(cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
