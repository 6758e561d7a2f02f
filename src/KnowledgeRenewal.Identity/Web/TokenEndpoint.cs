using System.Security.Claims;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// <c>POST /connect/token</c> (OAuth 2.0): people exchange user name, mobile or ID number + password (+ TOTP code
/// <c>totp_code</c> where required) for a short-lived access token and, with scope <c>offline_access</c>, a rotating
/// refresh token; integrators use client credentials for read-only feed scopes. Revocation: <c>/connect/revoke</c>.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class TokenEndpoint(
    SignInService signIn,
    UserManager<PlatformUser> users,
    IOpenIddictApplicationManager applications,
    IAuditTrail audit,
    Microsoft.Extensions.Options.IOptions<SecurityOptions> security) : Controller
{
    /// <summary>The token endpoint.</summary>
    [HttpPost("~/connect/token")]
    [IgnoreAntiforgeryToken]
    [AllowAnonymous]
    [EnableRateLimiting(IdentityArea.SignInRateLimit)]
    [Produces("application/json")]
    public async Task<IActionResult> ExchangeAsync(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        if (request.IsPasswordGrantType())
        {
            return await PasswordAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (request.IsRefreshTokenGrantType())
        {
            return await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return Refuse(Errors.UnsupportedGrantType, "不支持的授权类型。", "grant.unsupported");
    }

    private async Task<IActionResult> PasswordAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var outcome = await signIn.PasswordSignInAsync(request.Username, request.Password, (string?)request["totp_code"], cancellationToken).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                var principal = await signIn.CreatePrincipalAsync(outcome.User!, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, cancellationToken).ConfigureAwait(false);
                principal.SetScopes(request.GetScopes().Intersect([Scopes.OfflineAccess]));
                return Issue(principal);
            case SignInStatus.TooManyAttempts:
                return TooManyAttempts();
            case SignInStatus.TwoFactorRequired:
                return Refuse(Errors.InvalidGrant, "该账号须使用动态口令登录，请在 totp_code 参数中提供身份验证器上的 6 位动态口令。", "two_factor.required");
            case SignInStatus.TwoFactorFailed:
                return Refuse(Errors.InvalidGrant, "动态口令错误或已过期。", "two_factor.invalid");
            case SignInStatus.TwoFactorEnrollmentRequired:
                return Refuse(Errors.InvalidGrant, "该账号须先在网页端（/account/login）登录并绑定身份验证器，之后才能获取接口令牌。", "two_factor.enrollment_required");
            case SignInStatus.PasswordChangeRequired:
                return Refuse(Errors.InvalidGrant, "密码为一次性密码或已过期，请先在网页端（/account/login）修改密码。", "password.change_required");
            default:
                return Refuse(Errors.InvalidGrant, SignInMessages.Failed(security.Value), "credentials.invalid");
        }
    }

    private async Task<IActionResult> RefreshAsync(CancellationToken cancellationToken)
    {
        var stored = (await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme).ConfigureAwait(false)).Principal;
        var subject = stored?.GetClaim(Claims.Subject);
        PlatformUser? user;
        using (SystemScope.Enter())
        {
            user = subject is null ? null : await users.FindByIdAsync(subject).ConfigureAwait(false);
        }

        // A disabled account, a changed password or changed roles (security stamp) end the refresh chain.
        if (user is null || user.IsDisabled || user.SecurityStamp != stored!.GetClaim(PlatformClaims.SecurityStamp))
        {
            return Refuse(Errors.InvalidGrant, "登录状态已失效，请重新登录。", "session.invalid");
        }

        var principal = await signIn.CreatePrincipalAsync(user, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, cancellationToken).ConfigureAwait(false);
        principal.SetScopes(stored!.GetScopes());
        return Issue(principal);
    }

    private async Task<IActionResult> ClientCredentialsAsync(OpenIddictRequest request, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The client was validated by OpenIddict but cannot be found.");
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(PlatformClaims.ClientId, request.ClientId);
        identity.SetClaim(PlatformClaims.Name, await applications.GetDisplayNameAsync(application, cancellationToken).ConfigureAwait(false));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes().Intersect(FeedScopes.All));
        await audit.RecordAsync(new AuditEvent(AuditActions.TokenIssued, AuditOutcome.Success, "Client", request.ClientId, string.Join(' ', principal.GetScopes())), cancellationToken).ConfigureAwait(false);
        return Issue(principal);
    }

    private Microsoft.AspNetCore.Mvc.SignInResult Issue(ClaimsPrincipal principal)
    {
        foreach (var claim in principal.Claims)
        {
            claim.SetDestinations(Destinations.AccessToken);
        }

        return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ForbidResult Refuse(string error, string description, string code) =>
        Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorUri] = "urn:knowledge-renewal:" + code,
            }),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static ObjectResult TooManyAttempts()
    {
        var problem = new ProblemDetails { Status = 429, Title = "请求过于频繁，请稍后再试", Detail = SignInMessages.TooManyAttempts };
        problem.Extensions["code"] = ProblemCodes.TooManyRequests;
        return new ObjectResult(problem) { StatusCode = 429, ContentTypes = { "application/problem+json" } };
    }
}

/// <summary>What people are told when signing in fails (the same text for every reason before the password is proven).</summary>
internal static class SignInMessages
{
    /// <summary>Unknown account, wrong password, locked or disabled account.</summary>
    public static string Failed(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"登录失败：账号或密码错误。连续失败 {options.LockoutMaxFailedAttempts} 次后账号将被锁定 {options.LockoutMinutes} 分钟。";
    }

    /// <summary>Too many attempts.</summary>
    public const string TooManyAttempts = "登录尝试过于频繁，请一分钟后再试。";
}
