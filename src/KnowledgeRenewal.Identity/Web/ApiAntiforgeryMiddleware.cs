using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// The cross-site request gate of the API. A write — POST, PUT, PATCH or DELETE — to <c>/api</c>, <c>/odata</c>
/// (<c>$batch</c> included) or <c>/connect</c> that a web session cookie signs in must carry the antiforgery token of
/// a platform page in the <c>RequestVerificationToken</c> header (validated by <see cref="IAntiforgery"/>, so pages
/// can call the API with the token they render) and, when the browser names its <c>Origin</c>, come from the
/// platform's own host. Anything else is refused with 403 <see cref="Code"/> before routing: no handler runs.
/// Bearer-token requests and requests without a session are not affected — a browser attaches neither a token nor
/// a session on its own to another site's request.
/// </summary>
internal sealed class ApiAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    /// <summary>The problem code of a refused request.</summary>
    public const string Code = "antiforgery.invalid";

    /// <summary>The request header that carries the antiforgery token.</summary>
    public const string HeaderName = "RequestVerificationToken";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || !ApiRequests.IsApi(request)
            || ApiRequests.HasBearerToken(request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
        if (!session.Succeeded)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var refusal = await RefusalAsync(context, session.Principal).ConfigureAwait(false);
        if (refusal is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "请求来源校验未通过", Detail = refusal };
        problem.Extensions["code"] = Code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false);
    }

    // Why the request is refused, in Chinese; null when it may go on.
    private async Task<string?> RefusalAsync(HttpContext context, System.Security.Claims.ClaimsPrincipal principal)
    {
        var request = context.Request;
        if (request.Headers.Origin is { Count: > 0 } origin && !IsSameHost(request, origin.ToString()))
        {
            return "该请求来自其他网站，已拒绝：使用网页登录状态的写操作只能由本平台的页面发出。";
        }

        if (string.IsNullOrEmpty(request.Headers[HeaderName]))
        {
            return $"使用网页登录状态调用接口的写操作须在请求头 {HeaderName} 中附带本平台页面的防伪令牌；接口客户端请使用 Bearer 令牌（POST /connect/token）。";
        }

        // The token is bound to the signed-in account: validate it against the session's principal.
        context.User = principal;
        try
        {
            if (await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
            {
                return null;
            }
        }
        catch (InvalidOperationException)
        {
            // The antiforgery cookie is HTTPS-only (Security:RequireHttps) and this request came over plain HTTP.
        }

        return "防伪令牌无效或已过期，请刷新页面后重试。";
    }

    // The Origin a browser sends names the page's scheme, host and port. The host and port must be this request's
    // (the scheme may differ where TLS ends at a proxy in front of the platform); "null" and anything unreadable fail.
    private static bool IsSameHost(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/"
        && request.Host.HasValue
        && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && (request.Host.Port is { } port ? uri.Port == port : uri.IsDefaultPort);
}
