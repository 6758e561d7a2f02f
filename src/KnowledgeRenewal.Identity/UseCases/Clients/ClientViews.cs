using KnowledgeRenewal.Sdk;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeRenewal.Identity.UseCases.Clients;

/// <summary>An integrator client (OAuth 2.0 client credentials, read-only feed scopes).</summary>
/// <param name="ClientId">Client id.</param>
/// <param name="DisplayName">Shown name.</param>
/// <param name="Scopes">Feed scopes it may request (see <see cref="FeedScopes"/>).</param>
internal sealed record ClientView(string ClientId, string? DisplayName, IReadOnlyList<string> Scopes);

/// <summary>
/// Reads integrator clients: OpenIddict confidential applications allowed the token and revocation endpoints, the
/// client-credentials grant and their feed scopes.
/// </summary>
internal static class ClientViews
{
    /// <summary>The view of one OpenIddict application.</summary>
    public static async Task<ClientView> ReadAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken).ConfigureAwait(false);
        return new ClientView(
            await applications.GetClientIdAsync(application, cancellationToken).ConfigureAwait(false) ?? "",
            await applications.GetDisplayNameAsync(application, cancellationToken).ConfigureAwait(false),
            [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal)]);
    }
}
