using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Host.Pages;

/// <summary>
/// The workbench (工作台): where every signed-in person lands — their to-dos, deadlines and shortfalls, as the cards
/// the areas contribute for the person's roles (<see cref="IWorkbenchSection"/>), and the menu of what they may do.
/// </summary>
[Authorize]
public sealed class WorkbenchModel(IEnumerable<IWorkbenchSection> sections) : PageModel
{
    /// <summary>The cards, in order.</summary>
    public IReadOnlyList<WorkbenchCard> Cards { get; private set; } = [];

    /// <summary>The person's name as shown.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>Loads the cards that apply to the caller.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = User.FindFirst(PlatformClaims.DisplayName)?.Value ?? User.Identity?.Name ?? "";
        var cards = new List<WorkbenchCard>();
        foreach (var section in sections.Where(s => s.AppliesTo(User)).OrderBy(s => s.Order))
        {
            if (await section.LoadAsync(User, cancellationToken).ConfigureAwait(false) is { } card)
            {
                cards.Add(card);
            }
        }

        Cards = cards;
    }
}
