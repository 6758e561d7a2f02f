using Microsoft.AspNetCore.Identity;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>ASP.NET Core Identity's error messages in Chinese (the codes stay Identity's, so clients can branch on them).</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作失败，请稍后重试。");

    /// <inheritdoc />
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "账号信息已被他人修改，请刷新后重试。");

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "当前密码错误。");

    /// <inheritdoc />
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "验证码无效或已过期。");

    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), $"用户名“{userName}”无效：只能包含字母、数字和 - . _ @。");

    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");

    /// <inheritdoc />
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"角色“{role}”已存在。");

    /// <inheritdoc />
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"账号已拥有角色“{role}”。");

    /// <inheritdoc />
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"账号没有角色“{role}”。");

    /// <inheritdoc />
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账号未启用锁定保护。");

    /// <inheritdoc />
    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账号已设置密码。");

    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少 {length} 位。");

    /// <inheritdoc />
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "恢复码无效。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
