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
/// <c>/account/login/code</c>: the second step of signing in to an account with two factors. The password was proven
/// on the login page, which remembers it for a few minutes (the pending step <see cref="PendingSignIn.Code"/>); here
/// only the code from the authenticator is asked for, and checked by <see cref="SignInService.CodeSignInAsync"/>.
/// </summary>
[AllowAnonymous] // the person is not signed in yet; the handlers check the pending step
[EnableRateLimiting(IdentityArea.SignInRateLimit)]
public sealed class LoginCodeModel(
    UserManager<PlatformUser> users,
    SignInService signIn,
    IAuditTrail audit,
    TimeProvider clock,
    IOptions<SecurityOptions> security) : AccountPageModel(users, signIn, audit, clock)
{
    /// <summary>The code typed.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>An error about the whole step (too many attempts), if any.</summary>
    public string? Error { get; private set; }

    /// <summary>How many minutes the step lasts.</summary>
    public int Minutes => security.Value.SignInCodeMinutes;

    /// <summary>Asks for the code, or says to start again when no sign-in waits for one.</summary>
    public async Task<IActionResult> OnGetAsync() => Elsewhere(await FindSubjectAsync(PendingSignIn.Code).ConfigureAwait(false)) ?? Page();

    /// <summary>Checks the code: signed in, on to the password change, or the field's error.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subject = await FindSubjectAsync(PendingSignIn.Code).ConfigureAwait(false);
        if (subject is not { PendingPurpose: PendingSignIn.Code })
        {
            return Elsewhere(subject)!;
        }

        var code = Code;
        Code = null;
        ModelState.Remove(nameof(Code));
        if (string.IsNullOrWhiteSpace(code))
        {
            ModelState.AddModelError(nameof(Code), "请输入身份验证器上显示的 6 位验证码。");
            return Page();
        }

        using var elevated = ElevateIfPending(subject);
        var user = subject.User;
        var outcome = await Credentials.CodeSignInAsync(user, code, cancellationToken).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                await SignInSessionAsync(user, null, cancellationToken).ConfigureAwait(false);
                return RedirectToLocal(subject.ReturnUrl);

            case SignInStatus.PasswordChangeRequired:
                await BeginPendingAsync(user, PendingSignIn.Password, subject.ReturnUrl).ConfigureAwait(false);
                return RedirectToPage("/Account/Password");

            case SignInStatus.TwoFactorFailed:
                ModelState.AddModelError(nameof(Code), "验证码错误或已过期：请输入身份验证器中本平台账号当前显示的 6 位数字（并确认手机时间准确）。");
                return Page();

            case SignInStatus.TooManyAttempts:
                Error = SignInMessages.TooManyAttempts;
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = "60";
                return Page();

            default:
                // Locked by this wrong code, disabled, or changed meanwhile: start again, with the login page's answer.
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme).ConfigureAwait(false);
                TempData[LoginModel.NoticeKey] = SignInMessages.Failed(security.Value);
                return RedirectToPage("/Account/Login");
        }
    }

    /// <summary>Why no code is asked for (no sign-in waits for one, or it waited too long); null while one waits.</summary>
    public string? NothingPending { get; private set; }

    // Null when a sign-in waits for its code; else the answer: a signed-in person goes home, anyone else is told to
    // start again on the login page (said here, not by a redirect: the step may have just expired).
    private IActionResult? Elsewhere(AccountSubject? subject)
    {
        if (subject is { PendingPurpose: PendingSignIn.Code })
        {
            return null;
        }

        if (subject is { IsPending: false })
        {
            return RedirectToLocal(ReturnUrl);
        }

        NothingPending = PendingExpired
            ? $"验证码须在输入密码后 {Minutes} 分钟内填写，已超时。请重新输入账号和密码。"
            : "没有等待输入验证码的登录。请先输入账号和密码。";
        return Page();
    }
}
