using System.Net;
using System.Net.Http.Headers;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>
/// A platform of its own for the paging and delta-sync tests: they add and change people, which the shared
/// platform's counting tests must not see.
/// </summary>
public sealed class ODataSyncPlatform : PlatformFixtureBase
{
    private readonly FixtureRegistry registry = new(2318);
    private int employers;

    /// <summary>No demo city: the sets hold only what the tests add, so a full read is a few pages.</summary>
    protected override bool DemoMode => false;

    /// <summary>Adds an employer in <paramref name="region"/> with <paramref name="people"/> professionals; returns it and their ids.</summary>
    public async Task<(FixtureEmployer Employer, IReadOnlyList<Guid> People)> AddStaffAsync(string region, int people)
    {
        var employer = await AddEmployerAsync(region);
        return (employer, await AddPeopleAsync(employer, people));
    }

    /// <summary>Adds an employer of the health sector in <paramref name="region"/>.</summary>
    public async Task<FixtureEmployer> AddEmployerAsync(string region)
    {
        FixtureEmployer employer = null!;
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            var bureaus = await FixtureRegistry.CountyBureausAsync(db);
            employer = registry.AddEmployer(db, $"同步测试单位{Interlocked.Increment(ref employers)}", region, "health", bureaus);
            await db.SaveChangesAsync();
        });
        return employer;
    }

    /// <summary>Adds <paramref name="count"/> professionals at <paramref name="employer"/> (one save).</summary>
    public async Task<IReadOnlyList<Guid>> AddPeopleAsync(FixtureEmployer employer, int count)
    {
        var ids = new List<Guid>();
        await InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PlatformDbContext>();
            for (var i = 0; i < count; i++)
            {
                var (professional, _) = FixtureRegistry.AddProfessional(services, db, employer, registry.NewIdNumber(region: employer.RegionCode), $"同步{i}");
                ids.Add(professional.Id);
            }

            await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>An integrator client (client credentials) granted <paramref name="scopes"/>.</summary>
    public async Task<HttpClient> FeedClientAsync(params string[] scopes)
    {
        var clientId = "sync-" + Guid.NewGuid().ToString("N")[..8];
        const string secret = "sync-feed-secret-0123456789abcdef";
        using (var scope = Factory.Services.CreateSystemScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                DisplayName = "同步测试集成方",
                Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var feed in scopes)
            {
                descriptor.Permissions.Add(OpenIddictConstants.Permissions.Prefixes.Scope + feed);
            }

            await applications.CreateAsync(descriptor);
        }

        using var anonymous = Factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = string.Join(' ', scopes),
        }));
        var token = await response.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, "client token");
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
