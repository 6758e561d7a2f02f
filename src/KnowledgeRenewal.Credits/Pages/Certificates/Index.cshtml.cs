using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.Pages.Compliance;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Certificates;

/// <summary>
/// <c>/certificates</c>: the certificates within the caller's scope (the program office: the whole city), filtered by
/// year, region and status in the address — the same <see cref="ListCertificates"/> as <c>GET /api/certificates</c>.
/// The program office may revoke one from here (<c>/certificates/{id}/revoke</c>).
/// </summary>
[Authorize(Policy = PlatformPolicies.BusinessUser)]
internal sealed class IndexModel : PlatformPageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    /// <summary>Only this credit year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only holders of this region.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>Only this status (<see cref="CertificateStatus"/> name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The page (null when the filters were refused).</summary>
    public Paged<CertificateSummary>? Result { get; private set; }

    /// <summary>Whether the caller may revoke (the program office, as <c>POST /api/certificates/{id}/revoke</c>).</summary>
    public bool MayRevoke => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>The statuses offered.</summary>
    public static IReadOnlyList<SelectListItem> Statuses { get; } =
    [
        new("全部", ""),
        .. Enum.GetValues<CertificateStatus>().Select(s => new SelectListItem(CertificateLabels.Status(s), s.ToString())),
    ];

    /// <summary>The regions offered.</summary>
    public static IReadOnlyList<SelectListItem> Regions { get; } =
        [new("全市", ""), .. JiningReferenceData.Regions.Select(r => new SelectListItem(r.Name, r.Code))];

    /// <summary>The years offered.</summary>
    public static IEnumerable<SelectListItem> Years(int current) => [new("全部年度", ""), .. Compliance.IndexModel.YearItems(current)];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListCertificates(null, Year, Status, Math.Max(page ?? 1, 1), PageSize, Region), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { Pages: > 1 } r ? $"（第 {r.Page} 页，共 {r.Pages} 页）" : null;
    }

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A count as shown.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year), nameof(Region), nameof(Status)];
}
