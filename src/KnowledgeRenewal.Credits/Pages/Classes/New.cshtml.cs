using KnowledgeRenewal.Credits.UseCases.Classes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>
/// <c>/classes/new</c>: a provider's staff (or the program office, for a provider) register a planned class — the same
/// request, rules and Chinese messages as <c>POST /api/classes</c>, each next to its field.
/// </summary>
[Authorize(Roles = Writers)]
internal sealed class NewModel : ClassFormPageModel
{
    /// <summary>Shows the empty form (activity and mode at their defaults).</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new ClassForm { Activity = "面授培训", Mode = "线下" };
        await LoadCoursesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the class, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = Input.ToInput(ModelState);
        var (ok, created) = await TrySendAsync(new CreateTrainingClass(input), cancellationToken).ConfigureAwait(false);
        if (!ok || !ModelState.IsValid)
        {
            await LoadCoursesAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }

        return DoneAndRedirect($"/classes/{created!.Value.Id:D}", $"班次“{created.Value.Title}”已登记。");
    }
}
