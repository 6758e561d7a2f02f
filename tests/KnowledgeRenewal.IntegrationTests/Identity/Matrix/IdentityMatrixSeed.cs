using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Identity.Matrix;

/// <summary>
/// Identity's part of the matrix, after the other areas': the markers of the county bureaus and line departments the
/// fixture data hangs under, one account per role at its home organization (the professional account's own record is
/// the MX-E1 person), another person's account and a spare one (targets of account reads and writes), and the
/// integrator clients (catalog, registry and credits feeds, and a spare one).
/// </summary>
internal sealed class IdentityMatrixSeed : IMatrixSeed
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> PersonMarkers { get; } = [];

    /// <inheritdoc/>
    public IReadOnlyCollection<string> RecordMarkers { get; } = [];

    /// <summary>The secret of an integrator client.</summary>
    public static string Secret(string clientId) => clientId + "-secret-0123456789";

    /// <inheritdoc/>
    public async Task SeedAsync(MatrixPlatform matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        foreach (var code in new[] { "CB-" + MatrixPlatform.CountyA, "CB-" + MatrixPlatform.CountyB, "LD-health", "LD-education" })
        {
            matrix.Markers["org " + code] = matrix.Organizations[code].ToString();
        }

        foreach (var role in PlatformRoles.All)
        {
            matrix.RoleAccounts[role] = await matrix.Accounts.CreateAsync($"mx.{role}", [role], MatrixPlatform.Homes.GetValueOrDefault(role, ProgramOrganizations.ProgramOfficeCode));
        }

        var own = Guid.Parse(matrix.Markers["person-id MX-E1"]);
        await matrix.LinkAsync(own, matrix.RoleAccounts[PlatformRoles.Professional].Id);

        // Targets for account reads (another person's account) and writes (a spare account nobody needs).
        matrix.OtherAccountId = (await matrix.Accounts.CreateAsync(MatrixPlatform.OtherAccount, [PlatformRoles.Professional], "MX-E2")).Id;
        matrix.SpareAccountId = (await matrix.Accounts.CreateAsync("mx.spare", [PlatformRoles.Professional], "MX-E2")).Id;
        await matrix.InScopeAsync(async services =>
        {
            var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var (id, secret, feed) in new[] { ("mx-integrator", Secret("mx-integrator"), FeedScopes.Catalog), ("mx-registry", Secret("mx-registry"), FeedScopes.Registry), ("mx-credits", Secret("mx-credits"), FeedScopes.Credits), (matrix.SpareClientId, "mx-spare-secret-0123456789", FeedScopes.Catalog) })
            {
                await applications.CreateAsync(new OpenIddictApplicationDescriptor
                {
                    ClientId = id,
                    ClientSecret = secret,
                    ClientType = OpenIddictConstants.ClientTypes.Confidential,
                    DisplayName = "矩阵测试集成方",
                    Permissions =
                    {
                        OpenIddictConstants.Permissions.Endpoints.Token,
                        OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                        OpenIddictConstants.Permissions.Prefixes.Scope + feed,
                    },
                });
            }
        });
    }
}
