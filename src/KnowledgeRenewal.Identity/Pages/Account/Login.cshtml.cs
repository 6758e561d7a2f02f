using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.Pages.Account;

/// <summary>
/// <c>/account/login</c>: user name, mobile number or resident ID number, password, and a TOTP code where the
/// account needs one. Unknown account, wrong password, locked and disabled accounts get the very same page.
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

    /// <summary>Whether the TOTP field is shown.</summary>
    public bool ShowTotp { get; private set; }

    /// <summary>The error shown, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>A hint shown above the form, if any.</summary>
    public string? Hint { get; private set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs in, or says what is missing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Login = Input.Login?.Trim() ?? "";
        var totp = string.IsNullOrWhiteSpace(Input.TotpCode) ? null : Input.TotpCode.Replace("-", "", StringComparison.Ordinal).Trim();
        var outcome = await Credentials.PasswordSignInAsync(Input.Login, Input.Password, totp, cancellationToken).ConfigureAwait(false);
        Input.Password = null;
        Input.TotpCode = null;
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
                ShowTotp = true;
                Hint = "该账号已启用动态口令：请再次输入密码，并输入身份验证器上显示的 6 位动态口令。";
                return Page();

            case SignInStatus.TwoFactorFailed:
                ShowTotp = true;
                Error = "动态口令错误或已过期，请重新输入密码和身份验证器上当前显示的动态口令。";
                return Page();

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

        /// <summary>The TOTP code, where needed.</summary>
        public string? TotpCode { get; set; }
    }
}
