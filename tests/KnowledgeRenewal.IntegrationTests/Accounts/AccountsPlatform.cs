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
public sealed class AccountsPlatformFixture : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Security:SignInPerIpPerMinute"] = "100000",
        ["Security:SignInPerAccountPerMinute"] = "1000",
    };

    public TestDatabase Database { get; private set; } = null!;

    public PlatformFactory Factory { get; private set; } = null!;

    public TestAccounts Accounts { get; private set; } = null!;

    /// <summary>A signed-in security administrator (two factors enrolled).</summary>
    public HttpClient SecurityAdmin { get; private set; } = null!;

    public TestAccount SecurityAdminAccount { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new PlatformFactory(Database, Settings);
        Accounts = new TestAccounts(Factory);
        SecurityAdminAccount = await Accounts.CreateAsync(UniqueName("sec"), [PlatformRoles.SecurityAdmin], ProgramOrganizations.ProgramOfficeCode);
        SecurityAdmin = await Accounts.SignedInClientAsync(SecurityAdminAccount);
    }

    public async Task DisposeAsync()
    {
        SecurityAdmin.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>A fresh user name.</summary>
    public static string UniqueName(string prefix) => $"t.{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 19)];

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>Runs <paramref name="query"/> against the database as the platform itself (no caller scope).</summary>
    public async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var scope = Factory.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>The first organization (by code) matching <paramref name="predicate"/>.</summary>
    public Task<Organization> OrganizationAsync(System.Linq.Expressions.Expression<Func<Organization, bool>> predicate) =>
        QueryAsync(db => db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(predicate).OrderBy(o => o.Code).FirstAsync());

    /// <summary>Posts a token request form; returns status and body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(IDictionary<string, string> form)
    {
        using var client = Anonymous();
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>A password grant (with offline_access) for a test account: the token endpoint's answer.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> PasswordGrantAsync(string userName, string password, string? totp = null) =>
        TokenAsync(new Dictionary<string, string>(
            totp is null
                ? [new("grant_type", "password"), new("username", userName), new("password", password), new("scope", "offline_access")]
                : [new("grant_type", "password"), new("username", userName), new("password", password), new("scope", "offline_access"), new("totp_code", totp)]));

    /// <summary>A client that sends <paramref name="accessToken"/>.</summary>
    public HttpClient WithToken(string accessToken)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Creates an account through the API (as the security administrator); asserts 201.</summary>
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
