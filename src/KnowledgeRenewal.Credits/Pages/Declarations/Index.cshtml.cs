using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;

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
    public async Task OnGetAsync(string? status, int? year, bool? awaitingMe, int? page, CancellationToken cancellationToken)
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

    /// <summary>The address of another page of this list.</summary>
    public string Link(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["awaitingMe"] = AwaitingMe ? "true" : null,
            ["status"] = Status,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p.Value is not null)).ToUriComponent() is { Length: > 0 } query ? "/declarations" + query : "/declarations";
}
