using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Identity.Pages.Account;

/// <summary><c>/account/denied</c>: the signed-in person may not open the page they asked for (HTTP 403).</summary>
[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    /// <summary>Shows the page with status 403.</summary>
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
