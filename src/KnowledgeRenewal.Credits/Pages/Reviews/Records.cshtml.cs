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

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListCreditRecords(null, null, CreditRecordStatus.Pending, null, null, null, true, page ?? 1, 20), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { Pages: > 1 } r ? $"（第 {r.Page} 页，共 {r.Pages} 页）" : null;
    }

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
