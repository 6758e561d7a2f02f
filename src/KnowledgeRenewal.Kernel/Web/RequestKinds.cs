using Microsoft.AspNetCore.Diagnostics;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>Which requests are for programs (problem details, 401/403) and which for people (pages, redirects).</summary>
public static class RequestKinds
{
    /// <summary>API, feed, token, document and health requests: answered as problem details, never as a page.</summary>
    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsApi(request.Path);
    }

    /// <summary>Whether <paramref name="path"/> is an API, feed, token, document, health or metrics (scrape) address.</summary>
    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/odata") || path.StartsWithSegments("/connect")
            || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    /// <summary>
    /// The address the client asked for: while the exception handler runs, <see cref="HttpRequest.Path"/> is already
    /// the error page's, and the original is in <see cref="IExceptionHandlerFeature"/>.
    /// </summary>
    public static PathString RequestedPath(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<IExceptionHandlerFeature>()?.Path is { Length: > 0 } original ? new PathString(original) : context.Request.Path;
    }
}
