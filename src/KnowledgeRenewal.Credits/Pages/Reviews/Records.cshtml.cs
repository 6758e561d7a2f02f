using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Reviews;

/// <summary>
/// <c>/reviews/records</c>: the flagged roster credit records waiting for review in the caller's region or sector
/// (the same <see cref="ListCreditRecords"/> as <c>GET /api/credit-records?status=Pending&amp;flagged=true</c>).
/// </summary>
[Authorize(Roles = ReviewerRoles)]
internal sealed class RecordsModel : PlatformPageModel
{
    /// <summary>Roles that approve or reject pending credit records (the ledger's authorities).</summary>
    public const string ReviewerRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The page of records (null when refused).</summary>
    public Paged<CreditRecordView>? Result { get; private set; }

    /// <summary>Only this region's people (the program office looks across the city).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>Only this provider's records.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ProviderId { get; set; }

    /// <summary>Only this class's records.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ClassId { get; set; }

    /// <summary>Whether the region filter is offered (the program office; a county sees one region anyway).</summary>
    public bool OffersRegions => User.IsInRole(PlatformRoles.ProgramOfficeAdmin) || User.IsInRole(PlatformRoles.DepartmentAdmin);

    /// <summary>The regions offered.</summary>
    public static IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Regions => Certificates.IndexModel.Regions;

    /// <summary>The address of the list with one more filter (the others kept, back to page 1).</summary>
    public string With(string name, string? value)
    {
        var query = Request.Query.Where(q => q.Key is not ("page" or "handler") && !string.Equals(q.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        if (value is not null)
        {
            query = query.Append(new KeyValuePair<string, string?>(name, value));
        }

        return "/reviews/records" + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        var (ok, result) = await TrySendAsync(new ListCreditRecords(null, null, CreditRecordStatus.Pending, null, ClassId, ProviderId, true, page ?? 1, 20, region), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { Pages: > 1 } r ? $"（第 {r.Page} 页，共 {r.Pages} 页）" : null;
    }

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Region)];
}
