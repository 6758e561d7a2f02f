using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Catalog;

/// <summary>
/// <c>/catalog/rules/{number}</c>: one rule set of the scope's book (numbered from 1, oldest first) in words — its
/// period, requirement and how each activity counts — with the sets before and after it.
/// </summary>
[Authorize(Roles = Roles)]
internal sealed class RulesModel(IMediator mediator, TimeProvider clock) : CatalogPageModel(mediator, clock)
{
    /// <summary>The set shown.</summary>
    public RuleSetText? Shown { get; private set; }

    /// <summary>Loads the set; 404 when the book has no such set.</summary>
    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken).ConfigureAwait(false);
        Shown = Sets.FirstOrDefault(s => s.Number == number);
        return Shown is null ? NotFound() : Page();
    }
}
