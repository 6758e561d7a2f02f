using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// One running platform on a real database of its own — the base of every fixture of this project. It owns the
/// database (a copy of the run's seeded demo city, or an empty platform without demo data), the host with its
/// settings and test services, the fixture's own seed data (seeded once, as the platform, after the host started),
/// test accounts and clients signed in as them (bearer token, or a browser with the session cookie), direct database
/// access as the platform (<see cref="SystemScope"/>), and disposal. A fixture derives from it, says what its host
/// needs by overriding <see cref="DemoMode"/>, <see cref="ManySignIns"/>, <see cref="Settings"/> and
/// <see cref="ConfigureServices"/>, and adds only its own data in <see cref="SeedAsync"/>. Share one through
/// <c>IClassFixture</c> or a collection fixture: a host starts once for all tests of the class or collection.
/// </summary>
public abstract class PlatformFixtureBase : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>任城区: the fixtures' first county.</summary>
    public const string CountyA = "370811";

    /// <summary>邹城市: the fixtures' second county.</summary>
    public const string CountyB = "370883";

    private static readonly IReadOnlyDictionary<string, string?> NoSettings = new Dictionary<string, string?>();

    private readonly ConcurrentDictionary<string, TestAccount> demoAccounts = new(StringComparer.Ordinal);
    private readonly RenewedClients demoClients = new();
    private bool disposed;

    /// <summary>The fixture's database.</summary>
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The running host.</summary>
    public PlatformFactory Factory { get; private set; } = null!;

    /// <summary>Test accounts and clients signed in as them.</summary>
    public TestAccounts Accounts { get; private set; } = null!;

    /// <summary>Every SQL command the platform context ran.</summary>
    public SqlLog Sql => Factory.Sql;

    /// <summary>
    /// Whether the host runs in demo mode: the demo city and its demo accounts, copied from the run's seeded template
    /// (default). Without it the platform holds only what every deployment seeds (the organization tree, roles,
    /// reference data), and the fixture adds its own data.
    /// </summary>
    protected virtual bool DemoMode => true;

    /// <summary>Whether the sign-in rate limits are raised: for tests that sign in many times from one address.</summary>
    protected virtual bool ManySignIns => false;

    /// <summary>Further settings of this fixture's host (they win over the defaults).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => NoSettings;

    /// <summary>Changes the host's services after the platform registered its own (e.g. adds a recording handler).</summary>
    /// <param name="services">The host's services.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>
    /// Seeds the fixture's own data, once, when the fixture is initialized: through <see cref="SeedDataAsync"/> (as the
    /// platform, saved at the end), <see cref="Accounts"/> or the API — the first use of the host starts it (the database
    /// migrated, the demo city in place in demo mode). Without data of its own a fixture starts the host here.
    /// </summary>
    protected virtual Task SeedAsync()
    {
        _ = Factory.Server;
        return Task.CompletedTask;
    }

    /// <summary>Creates the database and the host, and seeds the fixture's data.</summary>
    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new PlatformFactory(Database, HostSettings(), ConfigureServices);
        Accounts = new TestAccounts(Factory);
        await SeedAsync();
    }

    /// <summary>Stops the host and drops the database.</summary>
    public async Task DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await DisposeHostsAsync();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <inheritdoc cref="DisposeAsync()"/>
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes what a derived fixture started besides the host (e.g. a second host on the database).</summary>
    protected virtual ValueTask DisposeHostsAsync() => ValueTask.CompletedTask;

    /// <summary>A client without sign-in (the caller disposes it).</summary>
    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client signed in (bearer token) as a test account holding <paramref name="role"/> in the organization (one per role and organization).</summary>
    public Task<HttpClient> ClientAsync(string role, string? organizationCode = null) => Accounts.ClientAsync(role, organizationCode);

    /// <summary>
    /// A client signed in as a fresh account holding <paramref name="role"/> in the organization and the permission
    /// <see cref="KnowledgeRenewal.Identity.Domain.PlatformPermissions.UnmaskPersonalData"/> (granted by a security administrator before the sign-in).
    /// </summary>
    public async Task<HttpClient> PermittedClientAsync(string role, string organizationCode) =>
        await Accounts.SignedInClientAsync(await PermittedAccountAsync(role, organizationCode));

    /// <summary>A fresh account holding <paramref name="role"/> in the organization and the unmask permission, granted by a security administrator.</summary>
    public async Task<TestAccount> PermittedAccountAsync(string role, string organizationCode)
    {
        var security = await ClientAsync(KnowledgeRenewal.Sdk.PlatformRoles.SecurityAdmin);
        var account = await Accounts.CreateAsync($"t.unm.{Guid.NewGuid():N}"[..30], [role], organizationCode);
        using var granted = await SendAsync(security, HttpMethod.Put, $"/api/admin/accounts/{account.Id}/permissions",
            new { permissions = new[] { KnowledgeRenewal.Identity.Domain.PlatformPermissions.UnmaskPersonalData } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return account;
    }

    /// <summary>A browser (cookies, no redirects followed) on this platform.</summary>
    public WebBrowser Browser() => new(Factory);

    /// <summary>The demo account <paramref name="userName"/> (demo mode), with its password and authenticator key.</summary>
    public TestAccount DemoAccount(string userName) => demoAccounts.GetOrAdd(userName, name =>
    {
        var account = DemoAccounts.All.Single(a => a.UserName == name);
        return new TestAccount(Guid.Empty, name, account.AuthenticatorKey, DemoAccounts.Password);
    });

    /// <summary>A client signed in (bearer token) as the demo account of <paramref name="role"/> (one per role).</summary>
    public Task<HttpClient> DemoClientAsync(string role) =>
        demoClients.GetAsync(role, () => Accounts.SignedInClientAsync(DemoAccount(DemoAccounts.All.Single(a => a.Role == role).UserName)));

    /// <summary>Runs <paramref name="query"/> against the database as the platform itself (no caller scope).</summary>
    public async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Factory.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> with the platform's services as the platform itself (no caller scope).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Factory.Services.CreateSystemScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs <paramref name="work"/> with the platform's services as the platform itself (no caller scope).</summary>
    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Factory.Services.CreateSystemScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Adds data as the platform itself (services and context of one scope) and saves it.</summary>
    protected async Task SeedDataAsync(Func<IServiceProvider, PlatformDbContext, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using var scope = Factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await seed(scope.ServiceProvider, db);
        await db.SaveChangesAsync();
    }

    /// <summary>Sends a request with an optional JSON body (a string is sent as it is) and If-Match header.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var message = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            message.Content = body is string text ? new StringContent(text, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(message);
    }

    /// <summary>The settings of this fixture's host: demo mode, sign-in limits, then <see cref="Settings"/>.</summary>
    private Dictionary<string, string?> HostSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Platform:DemoMode"] = DemoMode ? "true" : "false",
        };
        if (ManySignIns)
        {
            settings["Security:SignInPerIpPerMinute"] = "100000";
            settings["Security:SignInPerAccountPerMinute"] = "10000";
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return settings;
    }
}

/// <summary>
/// A platform with given settings and no data of its own: for a test class whose tests each need a fresh host
/// (<c>await using var platform = await TestPlatform.StartAsync(…)</c>, or created in the class's own
/// <see cref="IAsyncLifetime"/>), or a class fixture whose tests need nothing but the settings.
/// </summary>
/// <param name="settings">Further settings of the host.</param>
/// <param name="demoMode">Whether the host runs in demo mode (see <see cref="PlatformFixtureBase.DemoMode"/>).</param>
/// <param name="manySignIns">Whether the sign-in rate limits are raised.</param>
/// <param name="testServices">Changes to the host's services.</param>
public sealed class TestPlatform(IReadOnlyDictionary<string, string?>? settings = null, bool demoMode = true, bool manySignIns = false, Action<IServiceCollection>? testServices = null) : PlatformFixtureBase
{
    /// <inheritdoc/>
    protected override bool DemoMode => demoMode;

    /// <inheritdoc/>
    protected override bool ManySignIns => manySignIns;

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?> Settings => settings ?? base.Settings;

    /// <summary>Starts a platform (see <see cref="TestPlatform"/>); the caller disposes it.</summary>
    public static async Task<TestPlatform> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool demoMode = true, bool manySignIns = false, Action<IServiceCollection>? testServices = null)
    {
        var platform = new TestPlatform(settings, demoMode, manySignIns, testServices);
        await platform.InitializeAsync();
        return platform;
    }

    /// <inheritdoc/>
    protected override void ConfigureServices(IServiceCollection services) => testServices?.Invoke(services);

    /// <summary>Nothing of its own to seed: the host starts on first use (as a test that never uses it needs none).</summary>
    protected override Task SeedAsync() => Task.CompletedTask;
}
