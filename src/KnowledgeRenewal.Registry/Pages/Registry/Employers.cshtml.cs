using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases.Employers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/employers</c>: the employers of the caller's region or sector — search, filters, sort and paging in
/// the address; the same use case and scope as <c>GET /api/registry/employers</c>.
/// </summary>
[Authorize(Roles = StaffRoles)]
internal sealed class EmployersModel : RegistryPageModel
{
    /// <summary>Part of the name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>The unified social credit code (exact).</summary>
    [BindProperty(SupportsGet = true)]
    public string? CreditCode { get; set; }

    /// <summary>Ownership (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ownership { get; set; }

    /// <summary>Region code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>Sector.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    /// <summary>The page (null when the filters were refused).</summary>
    public Paged<EmployerView>? Result { get; private set; }

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => new[] { Name, CreditCode, Ownership, Region, Sector }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, string? sort, string? dir, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListEmployers(Region, Sector, Ownership, Name, CreditCode, page ?? 1, PageSize, sort, dir), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { } r ? PageNote(r.Page, r.Pages) : null;
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Name), nameof(CreditCode), nameof(Ownership), nameof(Region), nameof(Sector)];
}
