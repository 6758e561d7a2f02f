using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Kernel.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.Identity.Pages.Account;

/// <summary>
/// <c>/account/password</c>: changes the password — required after a one-time (bootstrap or reset) password or
/// when the rotation period has passed (pending), or whenever a signed-in person wants to. A change ends the
/// account's other sessions (new security stamp) and revokes its API tokens.
/// </summary>
[AllowAnonymous] // a pending person is not signed in yet; the handlers check who is at hand
public sealed partial class PasswordModel(
    UserManager<PlatformUser> users,
    SignInService signIn,
    IAuditTrail audit,
    TimeProvider clock,
    IOpenIddictTokenManager tokens,
    IOptions<PasswordPolicyOptions> policy,
    ILogger<PasswordModel> logger) : AccountPageModel(users, signIn, audit, clock)
{
    /// <summary>What was typed (never shown back).</summary>
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    /// <summary>The person (set by the handlers).</summary>
    public AccountSubject Subject { get; private set; } = null!;

    /// <summary>Why the change is required, for a pending person.</summary>
    public string? Reason { get; private set; }

    /// <summary>The errors shown.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The password rules, in Chinese.</summary>
    public IReadOnlyList<string> Rules => DescribeRules(policy.Value);

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync() => await StartAsync().ConfigureAwait(false) ?? Page();

    /// <summary>Changes the password and signs in anew.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await StartAsync().ConfigureAwait(false) is { } elsewhere)
        {
            return elsewhere;
        }

        var (current, proposed, confirmation) = (Input.CurrentPassword ?? "", Input.NewPassword ?? "", Input.ConfirmPassword ?? "");
        Input = new PasswordInput();
        using var elevated = ElevateIfPending(Subject);
        var user = Subject.User;
        if (!string.Equals(proposed, confirmation, StringComparison.Ordinal))
        {
            Errors = ["两次输入的新密码不一致。"];
            return Page();
        }

        if (proposed.Length > 0 && string.Equals(proposed, current, StringComparison.Ordinal))
        {
            Errors = ["新密码不能与当前密码相同。"];
            return Page();
        }

        if (await Users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            Errors = ["当前密码连续输错次数过多，账号已被临时锁定，请稍后再试。"];
            return Page();
        }

        var result = await Users.ChangePasswordAsync(user, current, proposed).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                // A wrong current password counts towards the lockout like a failed sign-in.
                await Users.AccessFailedAsync(user).ConfigureAwait(false);
            }

            Errors = [.. result.Errors.Select(Describe).Distinct()];
            return Page();
        }

        user.PasswordChangedAt = Clock.GetUtcNow().UtcDateTime;
        user.MustChangePassword = false;
        var updated = await Users.UpdateAsync(user).ConfigureAwait(false);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException("Recording the password change failed: " + string.Join("; ", updated.Errors.Select(e => e.Code)));
        }

        await Audit.RecordAsync(new AuditEvent(AuditActions.PasswordChanged, AuditOutcome.Success, nameof(PlatformUser), user.Id.ToString(), Subject.IsPending ? "required change at sign-in" : "changed by the account holder", user.UserName), cancellationToken).ConfigureAwait(false);
        var revoked = await tokens.RevokeBySubjectAsync(user.Id.ToString(), cancellationToken).ConfigureAwait(false);
        LogPasswordChanged(logger, user.Id, revoked);

        if (Subject.IsPending)
        {
            await CompletePendingSignInAsync(user, "after password change", cancellationToken).ConfigureAwait(false);
            return RedirectToLocal(Subject.ReturnUrl);
        }

        // The new security stamp ends every session of the account, this one too: sign in anew.
        await SignInSessionAsync(user, null, cancellationToken).ConfigureAwait(false);
        return RedirectToLocal(ReturnUrl);
    }

    /// <summary>The password rules of <paramref name="options"/>, in Chinese.</summary>
    public static IReadOnlyList<string> DescribeRules(PasswordPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = new List<string> { $"长度不少于 {options.EffectiveMinimumLength} 位，不超过 128 位；" };
        if (options.MlpsMode)
        {
            rules.Add("须包含大写字母、小写字母、数字、特殊字符（如 !@#$%）中的至少三类；");
        }

        rules.Add("不能使用常见密码或其简单变形（如 123456、password、Passw0rd、admin@123）；");
        rules.Add("不能包含用户名或手机号码，不能与当前密码相同；");
        if (options.RotationDays > 0)
        {
            rules.Add($"每 {options.RotationDays} 天须更换一次密码。");
        }

        return rules;
    }

    // The MLPS validator and ChineseIdentityErrorDescriber both describe errors in Chinese.
    private static string Describe(IdentityError error) => error.Description;

    private async Task<IActionResult?> StartAsync()
    {
        if (await FindSubjectAsync().ConfigureAwait(false) is not { } subject)
        {
            return Challenge();
        }

        Subject = subject;
        if (subject.PendingPurpose == PendingSignIn.Enroll)
        {
            return RedirectToPage("/Account/TwoFactor");
        }

        if (subject.IsPending)
        {
            Reason = subject.User.MustChangePassword
                ? "密码验证已通过。您正在使用一次性密码（初始密码或管理员重置的密码），须设置新密码后才能继续使用平台。"
                : $"密码验证已通过。您的密码已超过 {policy.Value.RotationDays} 天未更换，按照网络安全等级保护要求须设置新密码后才能继续使用平台。";
        }

        return null;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Password of account {UserId} changed; {Count} API tokens revoked")]
    private static partial void LogPasswordChanged(ILogger logger, Guid userId, long count);

    /// <summary>The password form.</summary>
    public sealed class PasswordInput
    {
        /// <summary>The current password.</summary>
        public string? CurrentPassword { get; set; }

        /// <summary>The new password.</summary>
        public string? NewPassword { get; set; }

        /// <summary>The new password again.</summary>
        public string? ConfirmPassword { get; set; }
    }
}
