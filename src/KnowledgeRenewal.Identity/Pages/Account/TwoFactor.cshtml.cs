using System.Text;
using System.Text.Encodings.Web;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Account;

/// <summary>
/// <c>/account/two-factor</c>: sets up TOTP two-factor authentication — for a person whose account requires it and
/// who has just proven the password (pending), or for a signed-in person who wants it or needs a new key.
/// </summary>
[AllowAnonymous] // a pending person is not signed in yet; the handlers check who is at hand
public sealed class TwoFactorModel(
    UserManager<PlatformUser> users,
    SignInService signIn,
    TwoFactorCodes codes,
    IAuditTrail audit,
    TimeProvider clock,
    UrlEncoder urlEncoder) : AccountPageModel(users, signIn, audit, clock)
{
    /// <summary>The issuer shown in authenticator apps: the platform's name as people know it.</summary>
    public const string Issuer = "济宁市继续教育平台";

    /// <summary>The TOTP code typed.</summary>
    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The current password (to reset an enabled authenticator).</summary>
    [BindProperty]
    public string? CurrentPassword { get; set; }

    /// <summary>The person (set by the handlers).</summary>
    public AccountSubject Subject { get; private set; } = null!;

    /// <summary>The authenticator key, grouped in fours; null when two factors are already on.</summary>
    public string? GroupedKey { get; private set; }

    /// <summary>The <c>otpauth://</c> address of the key.</summary>
    public string? AuthenticatorUri { get; private set; }

    /// <summary>The QR code of <see cref="AuthenticatorUri"/> (SVG), for scanning with the authenticator app.</summary>
    public string? QrSvg { get; private set; }

    /// <summary>The error shown, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Whether two factors are on for the account.</summary>
    public bool Enabled => Subject.User.TwoFactorEnabled;

    /// <summary>Shows the key to add to an authenticator app (making one if the account has none), or the state.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync().ConfigureAwait(false) is { } elsewhere)
        {
            return elsewhere;
        }

        using var elevated = ElevateIfPending(Subject);
        await LoadKeyAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>Checks a code from the app and turns two factors on.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync().ConfigureAwait(false) is { } elsewhere)
        {
            return elsewhere;
        }

        using var elevated = ElevateIfPending(Subject);
        var user = Subject.User;
        if (user.TwoFactorEnabled)
        {
            return Page();
        }

        var code = Code;
        Code = null;
        if (!await codes.VerifyAsync(user, code).ConfigureAwait(false))
        {
            Error = "动态口令错误：请核对身份验证器中本平台账号当前显示的 6 位数字（并确认手机时间准确）后重新输入。";
            await LoadKeyAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var result = await Users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Enabling two-factor authentication failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        await Audit.RecordAsync(new AuditEvent(AuditActions.TwoFactorChanged, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), "authenticator enabled", user.UserName), cancellationToken).ConfigureAwait(false);

        if (!Subject.IsPending)
        {
            // Enabling changed the security stamp, which ends the session; carry on in a fresh one.
            await SignInSessionAsync(user, User, cancellationToken).ConfigureAwait(false);
            return LocalRedirect(LocalOrNull(ReturnUrl) ?? "/account/two-factor");
        }

        if (user.MustChangePassword || Credentials.PasswordExpired(user))
        {
            await BeginPendingAsync(user, PendingSignIn.Password, Subject.ReturnUrl).ConfigureAwait(false);
            return RedirectToPage("/Account/Password");
        }

        await CompletePendingSignInAsync(user, "after two-factor enrollment", cancellationToken).ConfigureAwait(false);
        return RedirectToLocal(Subject.ReturnUrl);
    }

    /// <summary>A signed-in person replaces the authenticator (lost phone): a new key, to be confirmed with a code.</summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync().ConfigureAwait(false) is { } elsewhere)
        {
            return elsewhere;
        }

        var user = Subject.User;
        if (Subject.IsPending || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var password = CurrentPassword ?? "";
        CurrentPassword = null;
        if (await Users.IsLockedOutAsync(user).ConfigureAwait(false) || !await Users.CheckPasswordAsync(user, password).ConfigureAwait(false))
        {
            await Users.AccessFailedAsync(user).ConfigureAwait(false);
            Error = "当前密码错误，未更换身份验证器。";
            return Page();
        }

        // Two factors stay required by the account's role: until the new key is confirmed, signing in leads here again.
        await Users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        await Users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        await Audit.RecordAsync(new AuditEvent(AuditActions.TwoFactorChanged, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), "authenticator key reset", user.UserName), cancellationToken).ConfigureAwait(false);
        await SignInSessionAsync(user, User, cancellationToken).ConfigureAwait(false);
        return RedirectToPage(new { ReturnUrl = LocalOrNull(ReturnUrl) });
    }

    /// <summary>Groups a key in fours for reading aloud or typing.</summary>
    public static string Group(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd();
    }

    // Finds the person; a page elsewhere when there is none or they have another step to do.
    private async Task<IActionResult?> StartAsync()
    {
        if (await FindSubjectAsync().ConfigureAwait(false) is not { } subject)
        {
            return Challenge();
        }

        Subject = subject;
        if (subject.PendingPurpose == PendingSignIn.Password)
        {
            return RedirectToPage("/Account/Password");
        }

        return null;
    }

    private async Task LoadKeyAsync(CancellationToken cancellationToken)
    {
        var user = Subject.User;
        if (user.TwoFactorEnabled)
        {
            return;
        }

        var key = await Users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: renew the pending step or the session with the new one.
            await Users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            key = await Users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The authenticator key was not stored.");
            if (Subject.IsPending)
            {
                await BeginPendingAsync(user, Subject.PendingPurpose!, Subject.ReturnUrl).ConfigureAwait(false);
            }
            else
            {
                await SignInSessionAsync(user, User, cancellationToken).ConfigureAwait(false);
            }
        }

        GroupedKey = Group(key);
        var issuer = Uri.EscapeDataString(Issuer);
        AuthenticatorUri = $"otpauth://totp/{issuer}:{urlEncoder.Encode(user.UserName ?? "")}?secret={key}&issuer={issuer}&digits=6";
        QrSvg = QrCodes.Svg(AuthenticatorUri);
    }
}
