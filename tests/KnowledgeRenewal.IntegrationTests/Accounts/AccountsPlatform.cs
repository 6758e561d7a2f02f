using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Accounts;

/// <summary>
/// One running platform (demo data seeded) for the account, client and organization tests. Its sign-in rate limits
/// are raised: these tests sign in many times from one address. Tests create their own accounts with unique names.
/// </summary>
public sealed class AccountsPlatformFixture : PlatformFixtureBase
{
    /// <summary>A signed-in security administrator (two factors enrolled).</summary>
    public HttpClient SecurityAdmin { get; private set; } = null!;

    public TestAccount SecurityAdminAccount { get; private set; } = null!;

    /// <inheritdoc/>
    protected override bool ManySignIns => true;

    /// <inheritdoc/>
    protected override async Task SeedAsync()
    {
        SecurityAdminAccount = await Accounts.CreateAsync(UniqueName("sec"), [PlatformRoles.SecurityAdmin], ProgramOrganizations.ProgramOfficeCode);
        SecurityAdmin = await Accounts.SignedInClientAsync(SecurityAdminAccount);
    }

    /// <inheritdoc/>
    protected override ValueTask DisposeHostsAsync()
    {
        SecurityAdmin.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A fresh user name.</summary>
    public static string UniqueName(string prefix) => $"t.{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 19)];

    /// <summary>The first organization (by code) matching <paramref name="predicate"/>.</summary>
    public Task<Organization> OrganizationAsync(System.Linq.Expressions.Expression<Func<Organization, bool>> predicate) =>
        QueryAsync(db => db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(predicate).OrderBy(o => o.Code).FirstAsync());

    /// <summary>Posts a token request form; returns the reply, whatever its status.</summary>
    public Task<TokenReply> TokenAsync(IDictionary<string, string> form) => TokenAsync(new FormUrlEncodedContent(form));

    /// <summary>A password grant (with offline_access) for a test account: the token endpoint's reply.</summary>
    public Task<TokenReply> PasswordGrantAsync(string userName, string password, string? totp = null) =>
        TokenAsync(TestAccounts.PasswordGrant(userName, password, totp));

    private async Task<TokenReply> TokenAsync(FormUrlEncodedContent form)
    {
        using var client = Anonymous();
        using var content = form;
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return new TokenReply(response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>A client that sends <paramref name="accessToken"/>.</summary>
    public HttpClient WithToken(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Creates an account through the API (as the security administrator); asserts 201; returns the answer as sent.</summary>
    public async Task<JsonElement> CreateAccountAsync(object body)
    {
        using var response = await SecurityAdmin.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), body);
        return await response.ReadJsonAsync(HttpStatusCode.Created, "create account");
    }
}

[CollectionDefinition(Name)]
public sealed class AccountsPlatform : ICollectionFixture<AccountsPlatformFixture>
{
    public const string Name = "accounts";
}
