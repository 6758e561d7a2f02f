using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Declarations;

/// <summary>
/// <c>/declarations</c>: the declarations the caller may see (a professional their own, HR their employer's, the
/// department its sector's, the county its region's), newest first, or those awaiting the caller's review step.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class IndexModel(IMediator mediator) : DeclarationPageModel
{
    private const int PageSize = 20;

    /// <summary>The page of declarations shown (null when the filters were refused).</summary>
    public Paged<DeclarationSummary>? Declarations { get; private set; }

    /// <summary>Only those awaiting the caller's review.</summary>
    public bool AwaitingMe { get; private set; }

    /// <summary>The status filter.</summary>
    public string? Status { get; private set; }

    /// <summary>The credit-year filter.</summary>
    public int? Year { get; private set; }

    /// <summary>The page number.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Loads the page.</summary>
    /// <remarks><c>page</c> is read from the query only: in Razor Pages the route value <c>page</c> names the page itself,
    /// so a parameter bound from every source never saw <c>?page=2</c>.</remarks>
    public async Task OnGetAsync(string? status, int? year, bool? awaitingMe, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        AwaitingMe = awaitingMe ?? false;
        Status = string.IsNullOrWhiteSpace(status) ? null : status;
        Year = year;
        PageNumber = page ?? 1;
        try
        {
            Declarations = await mediator.Send(new ListDeclarations(Status, Year, null, AwaitingMe, PageNumber, PageSize), cancellationToken).ConfigureAwait(false);
        }
        catch (PlatformException problem)
        {
            Show(problem);
        }
    }

}
