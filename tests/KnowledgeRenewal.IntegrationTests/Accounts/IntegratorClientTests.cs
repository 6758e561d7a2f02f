using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Accounts;

/// <summary>Integrator clients registered through <c>/api/admin/clients</c>: client credentials, read-only feed scopes, deletion ends their tokens.</summary>
[Collection(AccountsPlatform.Name)]
public sealed class IntegratorClientTests(AccountsPlatformFixture platform)
{
    private static readonly string[] NotFeedScopes = ["offline_access", "feeds.write"];

    [Fact]
    public async Task A_client_created_through_the_api_reads_its_feeds_only_and_stops_working_once_deleted()
    {
        var clientId = "title-eval-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/clients", UriKind.Relative),
            new { clientId, displayName = "职称评审系统", scopes = new[] { FeedScopes.Catalog } });
        var body = await created.ReadAsAsync<IntegratorClientCreatedAnswer>(HttpStatusCode.Created, "create client");
        var secret = body.ClientSecret;

        Assert.Equal("no-store", created.Headers.CacheControl?.ToString());
        Assert.True(secret.Length >= 40);
        Assert.Equal([FeedScopes.Catalog], body.Client.Scopes);
        var list = await platform.SecurityAdmin.GetJsonAsync("/api/admin/clients");
        var listed = list.As<IntegratorClientAnswer[]>().Single(c => c.ClientId == clientId);
        Assert.Equal("职称评审系统", listed.DisplayName);
        Assert.DoesNotContain(secret, list.GetRawText(), StringComparison.Ordinal);

        var token = await ClientTokenAsync(clientId, secret, FeedScopes.Catalog);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        using var client = platform.WithToken(token.Tokens.AccessToken);

        var subjects = await client.GetAsAsync<ODataFeed<SubjectEntity>>("/odata/Subjects?$top=5", options: HttpJson.ODataAnswers);
        Assert.NotEmpty(subjects.Value);
        var me = await client.GetAsAsync<MeAnswer>("/api/me");
        Assert.Equal(clientId, me.ClientId);
        using (var admin = await client.GetAsync(new Uri("/api/admin/modules", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        }

        using (var accounts = await client.GetAsync(new Uri("/api/admin/accounts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, accounts.StatusCode);
        }

        using (var organizations = await client.GetAsync(new Uri("/odata/Organizations", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, organizations.StatusCode); // not granted feeds.organizations
        }

        var notGranted = await ClientTokenAsync(clientId, secret, FeedScopes.Organizations);
        Assert.Equal(HttpStatusCode.BadRequest, notGranted.Status);

        using var deleted = await platform.SecurityAdmin.DeleteAsync(new Uri($"/api/admin/clients/{clientId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using (var after = await client.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        var again = await ClientTokenAsync(clientId, secret, FeedScopes.Catalog);
        Assert.NotEqual(HttpStatusCode.OK, again.Status);
        Assert.Equal("invalid_client", again.Error.Error);
        using var missing = await platform.SecurityAdmin.DeleteAsync(new Uri($"/api/admin/clients/{clientId}", UriKind.Relative));
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.ClientChanged && r.EntityKey == clientId).Select(r => r.Details).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, d => Assert.DoesNotContain(secret, d ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_granted_the_organizations_feed_reads_the_whole_registry()
    {
        var clientId = "stats-" + Guid.NewGuid().ToString("N")[..8];
        var body = await CreateAsync(clientId, FeedScopes.Catalog, FeedScopes.Organizations);
        var token = await ClientTokenAsync(clientId, body.ClientSecret, $"{FeedScopes.Catalog} {FeedScopes.Organizations}");
        using var client = platform.WithToken(token.Tokens.AccessToken);

        var feed = await client.GetAsAsync<ODataFeed<OrganizationFeedEntity>>("/odata/Organizations?$count=true&$top=1", options: HttpJson.ODataAnswers);

        var all = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().CountAsync());
        Assert.Equal(all, feed.Count);
    }

    [Fact]
    public async Task Client_registration_checks_its_fields_and_refuses_a_taken_client_id()
    {
        var clientId = "dup-" + Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(clientId, FeedScopes.Catalog);

        using var duplicate = await platform.SecurityAdmin.PostAsJsonAsync(new Uri("/api/admin/clients", UriKind.Relative), new { clientId, displayName = "重复", scopes = new[] { FeedScopes.Catalog } });
        using var invalid = await platform.SecurityAdmin.PostAsJsonAsync(new Uri("/api/admin/clients", UriKind.Relative), new { clientId = "Bad Id", displayName = "", scopes = NotFeedScopes });

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "client.id_taken");
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var codes = problem.FieldErrors.Select(e => e.Code).ToList();
        Assert.Contains("invalid_client_id", codes);
        Assert.Contains("required", codes);
        Assert.Equal(2, codes.Count(c => c == "unknown_scope"));
    }

    private async Task<IntegratorClientCreatedAnswer> CreateAsync(string clientId, params string[] scopes)
    {
        using var response = await platform.SecurityAdmin.PostAsJsonAsync(new Uri("/api/admin/clients", UriKind.Relative), new { clientId, displayName = "测试客户端", scopes });
        return await response.ReadAsAsync<IntegratorClientCreatedAnswer>(HttpStatusCode.Created, "create client");
    }

    private Task<TokenReply> ClientTokenAsync(string clientId, string secret, string scope) =>
        platform.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });
}
