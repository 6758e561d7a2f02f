using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Identity.Pages.Account;

/// <summary>
/// <c>/account/logout</c>: signing out is a POST (with the antiforgery token), so that no link or image on another
/// page can end a session; a GET only shows the button.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(IAuditTrail audit) : PageModel
{
    /// <summary>Shows a sign-out button (or sends an anonymous visitor home).</summary>
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : LocalRedirect("/");

    /// <summary>Ends the session and any pending sign-in step.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (AccountPageModel.IsSession(User))
        {
            await audit.RecordAsync(new AuditEvent(AuditActions.SignOut, AuditOutcome.Success, nameof(PlatformUser), User.FindFirst(PlatformClaims.Subject)?.Value), cancellationToken).ConfigureAwait(false);
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
        return LocalRedirect("/");
    }
}
