using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Providers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/providers</c>: the training providers of the caller's region or sector — search, filters, sort and
/// paging in the address; the same use case and scope as <c>GET /api/registry/training-providers</c>.
/// </summary>
[Authorize(Roles = StaffRoles)]
internal sealed class ProvidersModel : RegistryPageModel
{
    /// <summary>Part of the name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>Kind (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>Region code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>Sector.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    /// <summary>The page (null when the filters were refused).</summary>
    public Paged<TrainingProviderView>? Result { get; private set; }

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => new[] { Name, Kind, Region, Sector }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, string? sort, string? dir, CancellationToken cancellationToken)
    {
        ProviderKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (RegistryLabels.TryParse(ProviderLabels.Kinds, Kind, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Kind), "请从列表中选择机构类型");
                return;
            }
        }

        var (ok, result) = await TrySendAsync(new ListTrainingProviders(Region, Sector, Name, page ?? 1, PageSize, kind, sort, dir), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { } r ? PageNote(r.Page, r.Pages) : null;
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Name), nameof(Kind), nameof(Region), nameof(Sector)];
}
