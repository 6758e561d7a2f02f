namespace KnowledgeRenewal.Kernel.Web;

/// <summary>Which requests are for programs (problem details, 401/403) and which for people (pages, redirects).</summary>
public static class RequestKinds
{
    /// <summary>API, feed, token, document and health requests: answered as problem details, never as a page.</summary>
    public static bool IsApi(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/odata") || request.Path.StartsWithSegments("/connect")
            || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/health");
    }
}
