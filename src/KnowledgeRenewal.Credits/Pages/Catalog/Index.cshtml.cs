using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Kernel.Application;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Catalog;

/// <summary>
/// <c>/catalog</c> 科目目录与学时规则: a scope's credit rule sets (the one in force today first, in words, then every
/// earlier or later one with its period) and its subject catalog — the module's professional subjects or the public
/// subjects — searched by code or name, paged in the address (<see cref="ListSubjects"/>, the rows of
/// <c>/odata/Subjects</c>). The program office chooses the scope; a department administrator sees their module.
/// </summary>
[Authorize(Roles = Roles)]
internal sealed class IndexModel(IMediator mediator, TimeProvider clock) : CatalogPageModel(mediator, clock)
{
    /// <summary>The professional-subject list (the module's catalog).</summary>
    public const string ProfessionalList = "professional";

    /// <summary>The public-subject list.</summary>
    public const string PublicList = "public";

    /// <summary>Which list: <see cref="ProfessionalList"/> (default for a module) or <see cref="PublicList"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    /// <summary>Part of a code or a name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>The list shown.</summary>
    public string ListShown => Selected is { IsModule: true } && List != PublicList ? ProfessionalList : PublicList;

    /// <summary>The page of subjects (null when the search was refused).</summary>
    public Paged<SubjectView>? Subjects { get; private set; }

    /// <summary>Loads the rules and a page of the catalog.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken).ConfigureAwait(false);
        if (Selected is null)
        {
            return;
        }

        var catalog = ListShown == ProfessionalList ? Selected.Key : Subject.PublicScope;
        var (ok, subjects) = await TrySendAsync(new ListSubjects(catalog, Search, Math.Max(1, pageNumber ?? 1)), cancellationToken).ConfigureAwait(false);
        Subjects = ok ? subjects : null;
    }

    /// <summary>The address of a list of the selected scope (search and page reset).</summary>
    public string ListAddress(string list) => $"/catalog?scope={Uri.EscapeDataString(Scope ?? "")}&list={list}";

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Search)];
}
