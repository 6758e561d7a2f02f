using KnowledgeRenewal.Kernel.Web;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>What the sign-in machinery asks of a request: is it for the API, does it carry a bearer token.</summary>
internal static class ApiRequests
{
    /// <summary>Whether the request presents a bearer token (then the token, never the session cookie, signs it in).</summary>
    public static bool HasBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>API, feed and token requests (the kernel's <see cref="RequestKinds"/>) get 401/403, never a redirect to the login page.</summary>
    public static bool IsApi(HttpRequest request) => RequestKinds.IsApi(request);
}
