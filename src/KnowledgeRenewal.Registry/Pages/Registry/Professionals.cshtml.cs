using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/professionals</c>: the professionals of the caller's region or sector (the program office: the city) —
/// search by name, filters, sort and paging in the address; the same use case, scope and masking as
/// <c>GET /api/registry/professionals</c>.
/// </summary>
[Authorize(Roles = StaffRoles)]
internal sealed class ProfessionalsModel : RegistryPageModel
{
    /// <summary>Part of the name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>Title level (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? TitleLevel { get; set; }

    /// <summary>Status (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Region code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>Sector (line department code).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    /// <summary>Only this employer's staff (from an employer's page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? EmployerId { get; set; }

    /// <summary>The page of professionals (null when the filters were refused).</summary>
    public Paged<ProfessionalView>? Result { get; private set; }

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(TitleLevel) || !string.IsNullOrWhiteSpace(Status)
        || !string.IsNullOrWhiteSpace(Region) || !string.IsNullOrWhiteSpace(Sector) || EmployerId is not null;

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, string? sort, string? dir, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListProfessionals(Region, Sector, EmployerId, TitleLevel, Status, Name, null, page ?? 1, PageSize, null, null, sort, RegistrySorting.IsDescending(dir)), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { } r ? PageNote(r.Page, r.Pages) : null;
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Name), nameof(TitleLevel), nameof(Status), nameof(Region), nameof(Sector)];
}
