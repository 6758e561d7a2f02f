using System.Globalization;
using System.Security.Claims;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// Checks every authenticated request against the account as it is now: a disabled account, a changed password
/// or changed roles (a new security stamp), a deleted client, or a web session past its absolute lifetime make the
/// token useless at once — a bearer request gets 401, a session cookie is dropped and pages send the browser to sign in.
/// </summary>
internal sealed class AccountStateMiddleware(RequestDelegate next, IOptions<SecurityOptions> options, TimeProvider clock, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context, PlatformDbContext db, IOpenIddictApplicationManager applications)
    {
        var principal = context.User;
        if (principal.Identity?.IsAuthenticated == true && !await IsCurrentAsync(context, principal, db, applications).ConfigureAwait(false))
        {
            if (principal.Identity.AuthenticationType != IdentityConstants.ApplicationScheme)
            {
                // A bearer token that no longer stands for a valid account: refuse it outright.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The account changed or was disabled; sign in again.\"";
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = 401,
                        Title = "登录状态已失效",
                        Detail = "账号已停用、密码或角色已变更，原令牌不再有效，请重新登录。",
                        Extensions = { ["code"] = "auth.token_invalidated" },
                    },
                }).ConfigureAwait(false);
                return;
            }

            // A session cookie: drop it and carry on anonymously (pages send the browser to sign in).
            await context.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(context).ConfigureAwait(false);
    }

    private async Task<bool> IsCurrentAsync(HttpContext context, ClaimsPrincipal principal, PlatformDbContext db, IOpenIddictApplicationManager applications)
    {
        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value;
        if (!Guid.TryParse(subject, out var userId))
        {
            var clientId = principal.FindFirst(PlatformClaims.ClientId)?.Value ?? subject;
            return clientId is not null && await applications.FindByClientIdAsync(clientId, context.RequestAborted).ConfigureAwait(false) is not null;
        }

        if (principal.Identity!.AuthenticationType == IdentityConstants.ApplicationScheme
            && long.TryParse(principal.FindFirst(PlatformClaims.AuthenticatedAt)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var signedIn)
            && DateTimeOffset.FromUnixTimeSeconds(signedIn).AddHours(options.Value.SessionAbsoluteHours) < clock.GetUtcNow())
        {
            return false;
        }

        using var elevated = SystemScope.Enter();
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .FirstOrDefaultAsync(context.RequestAborted)
            .ConfigureAwait(false);
        return account is not null && !account.IsDisabled && account.SecurityStamp == principal.FindFirst(PlatformClaims.SecurityStamp)?.Value;
    }
}
