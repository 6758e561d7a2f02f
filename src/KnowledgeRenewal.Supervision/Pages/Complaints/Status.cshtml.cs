using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using KnowledgeRenewal.Supervision.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace KnowledgeRenewal.Supervision.Pages.Complaints;

/// <summary>
/// <c>/complaints/status?code=</c>: anyone with a lookup code reads the complaint's state and public outcome
/// (<see cref="LookupComplaint"/>, as <c>GET /api/public/complaints/{code}</c>) — nothing else. Lookups are
/// rate-limited per client address like filing (codes cannot be tried in bulk).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(ComplaintLimits.Policy)]
internal sealed class StatusModel : PlatformPageModel
{
    /// <summary>The code typed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    /// <summary>The complaint found.</summary>
    public PublicComplaintStatus? Found { get; private set; }

    /// <summary>Looks the code up (when one was given).</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (Code is null)
        {
            return;
        }

        try
        {
            var (ok, found) = await TrySendAsync(new LookupComplaint(Code), cancellationToken).ConfigureAwait(false);
            Found = ok ? found : null;
            if (!ok)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }
        catch (KnowledgeRenewal.Sdk.PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            ModelState.AddModelError(nameof(Code), "没有与该查询码对应的投诉，请核对查询码（受理时显示的 TS 开头的编码）");
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Code)];
}
