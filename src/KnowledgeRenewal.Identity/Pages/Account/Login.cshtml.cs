using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.Pages.Account;

/// <summary>
/// <c>/account/login</c>: user name, mobile number or resident ID number and password. An account with two factors
/// then goes on to the code step (<c>/account/login/code</c>) without typing the password again. Unknown account,
/// wrong password, locked and disabled accounts get the very same page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(IdentityArea.SignInRateLimit)]
public sealed class LoginModel(
    UserManager<PlatformUser> users,
    SignInService signIn,
    IAuditTrail audit,
    TimeProvider clock,
    IOptions<SecurityOptions> security) : AccountPageModel(users, signIn, audit, clock)
{
    /// <summary>What was typed.</summary>
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    /// <summary>The error shown, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>A hint shown above the form, if any.</summary>
    public string? Hint { get; private set; }

    /// <summary>Where a message for the login page is kept across a redirect.</summary>
    internal const string NoticeKey = "kr.login.notice";

    /// <summary>Shows the form; coming back here abandons a sign-in waiting for its code (starting over).</summary>
    public async Task OnGetAsync()
    {
        Hint = TempData[NoticeKey] as string;
        if (await FindSubjectAsync(PendingSignIn.Code).ConfigureAwait(false) is { IsPending: true })
        {
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
        }
    }

    /// <summary>Signs in, or says what is missing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Login = Input.Login?.Trim() ?? "";
        var outcome = await Credentials.PasswordSignInAsync(Input.Login, Input.Password, null, cancellationToken).ConfigureAwait(false);
        Input.Password = null;
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                await SignInSessionAsync(outcome.User!, null, cancellationToken).ConfigureAwait(false);
                return RedirectToLocal(ReturnUrl);

            case SignInStatus.TwoFactorEnrollmentRequired:
                await BeginPendingAsync(outcome.User!, PendingSignIn.Enroll, ReturnUrl).ConfigureAwait(false);
                return RedirectToPage("/Account/TwoFactor");

            case SignInStatus.PasswordChangeRequired:
                await BeginPendingAsync(outcome.User!, PendingSignIn.Password, ReturnUrl).ConfigureAwait(false);
                return RedirectToPage("/Account/Password");

            case SignInStatus.TwoFactorRequired:
                await BeginPendingAsync(outcome.User!, PendingSignIn.Code, ReturnUrl, TimeSpan.FromMinutes(security.Value.SignInCodeMinutes)).ConfigureAwait(false);
                return RedirectToPage("/Account/LoginCode");

            case SignInStatus.TooManyAttempts:
                Error = SignInMessages.TooManyAttempts;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = "60";
                return Page();

            default:
                Error = SignInMessages.Failed(security.Value);
                return Page();
        }
    }

    /// <summary>The login form.</summary>
    public sealed class LoginInput
    {
        /// <summary>User name, mobile number or resident ID number.</summary>
        public string? Login { get; set; }

        /// <summary>The password (never shown back).</summary>
        public string? Password { get; set; }
    }
}
