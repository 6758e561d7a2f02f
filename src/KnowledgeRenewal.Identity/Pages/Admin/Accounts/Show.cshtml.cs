using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Admin.Accounts;

/// <summary>
/// <c>/admin/accounts/{id}</c>: one account — its details, its roles (changed within the separation rules; a refusal
/// is shown next to the roles), and disable/enable, reset password (a new one-time password shown once), reset two
/// factors and the unmask permission, each confirmed on the page first (<c>?confirm=…</c>) and sent as the API does
/// (<see cref="ChangeAccountRoles"/>, <see cref="DisableAccount"/>, <see cref="EnableAccount"/>,
/// <see cref="ResetAccountPassword"/>, <see cref="ResetAccountTwoFactor"/>, <see cref="ChangeAccountPermissions"/>,
/// each audited by its use case). The caller's own account is shown without actions (the use cases refuse them).
/// </summary>
internal sealed class ShowModel(IMediator mediator, ICurrentAccess access) : SecurityPageModel
{
    /// <summary>The confirmations the page asks for.</summary>
    public static readonly string[] Confirmations = ["disable", "enable", "reset-password", "reset-two-factor", "grant-unmask", "revoke-unmask"];

    /// <summary>The account.</summary>
    public AccountView Account { get; private set; } = null!;

    /// <summary>The roles ticked in the role form.</summary>
    [BindProperty]
    public List<string>? Roles { get; set; }

    /// <summary>The action to confirm, if asked.</summary>
    public string? Confirm { get; private set; }

    /// <summary>The one-time password, on the one load right after it was made.</summary>
    public string? OneTimePassword { get; private set; }

    /// <summary>Whether this is the caller's own account (no actions).</summary>
    public bool IsSelf { get; private set; }

    /// <summary>Whether the account holds the unmask permission.</summary>
    public bool CanUnmask => Account.Permissions.Contains(PlatformPermissions.UnmaskPersonalData);

    /// <summary>Whether the account holds a separated administrator role (no business permissions).</summary>
    public bool IsSeparatedAdministrator => Account.Roles.Any(RoleCatalog.IsSeparatedAdministrator);

    /// <summary>The role check boxes.</summary>
    public RoleChoices RoleChoices => new("Roles", Roles ?? [.. Account.Roles]);

    /// <summary>Shows the account.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Confirm = !IsSelf && Confirmations.Contains(confirm) ? confirm : null;
        OneTimePassword = TakeSecret(id.ToString());
        return Page();
    }

    /// <summary>Changes the roles.</summary>
    public Task<IActionResult> OnPostRolesAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ChangeAccountRoles(id, Roles ?? []), "角色已更新；该账号的登录会话和接口令牌已失效，重新登录后按新角色使用。", cancellationToken);

    /// <summary>Disables the account.</summary>
    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new DisableAccount(id), "账号已停用，其登录会话和接口令牌已失效。", cancellationToken);

    /// <summary>Enables the account.</summary>
    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new EnableAccount(id), "账号已启用。", cancellationToken);

    /// <summary>Removes the authenticator.</summary>
    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ResetAccountTwoFactor(id), "双因素认证已重置；账号持有人下次登录时重新绑定验证器。", cancellationToken);

    /// <summary>Grants the unmask permission.</summary>
    public Task<IActionResult> OnPostGrantUnmaskAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ChangeAccountPermissions(id, [PlatformPermissions.UnmaskPersonalData]), "已授予查看未脱敏个人信息的权限。", cancellationToken);

    /// <summary>Withdraws the unmask permission.</summary>
    public Task<IActionResult> OnPostRevokeUnmaskAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, new ChangeAccountPermissions(id, []), "已收回查看未脱敏个人信息的权限。", cancellationToken);

    /// <summary>Sets a new one-time password, shown once on the next page.</summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, reset) = await TrySendAsync(new ResetAccountPassword(id), cancellationToken).ConfigureAwait(false);
        if (ok && reset is not null)
        {
            KeepSecretForNextPage(id.ToString(), reset.OneTimePassword);
            return DoneAndRedirect($"/admin/accounts/{id:D}", "密码已重置，锁定已解除；该账号的登录会话和接口令牌已失效。");
        }

        return await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Roles"];

    private async Task<IActionResult> ActAsync<T>(Guid id, IRequest<T> request, string done, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(request, cancellationToken).ConfigureAwait(false);
        return ok ? DoneAndRedirect($"/admin/accounts/{id:D}", done) : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Account = await mediator.Send(new GetAccount(id), cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return false;
        }

        IsSelf = access.UserId == id;
        return true;
    }
}
