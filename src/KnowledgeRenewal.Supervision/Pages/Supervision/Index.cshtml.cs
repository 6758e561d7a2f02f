using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>
/// <c>/supervision/bases</c>: bases within the caller's scope (a base's staff: their own) with the latest designation
/// period, status and last assessment — <see cref="ListBases"/>, as <c>GET /api/supervision/bases</c>.
/// </summary>
[Authorize(Roles = BaseAccess.ReaderRoles)]
internal sealed class IndexModel(TimeProvider clock) : BasePageModel
{
    /// <summary>Level filter.</summary>
    [BindProperty(SupportsGet = true)]
    public BaseLevel? Level { get; set; }

    /// <summary>Status filter.</summary>
    [BindProperty(SupportsGet = true)]
    public BaseStatus? Status { get; set; }

    /// <summary>Only bases below the bar.</summary>
    [BindProperty(SupportsGet = true)]
    public bool BelowBar { get; set; }

    /// <summary>Page.</summary>
    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>The list.</summary>
    public Paged<BaseRow>? Result { get; private set; }

    /// <summary>The current year.</summary>
    public int ThisYear { get; private set; }

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ThisYear = ProgramCalendar.Today(clock).Year;
        var (ok, result) = await TrySendAsync(new ListBases(Level, Status, BelowBar, Math.Max(1, PageNumber)), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
    }
}
