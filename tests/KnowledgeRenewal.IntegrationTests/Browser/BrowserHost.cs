using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The platform as a person meets it: the real host as a process on a copy of the run's demo city, and Debian's
/// Chromium driven by Microsoft.Playwright (no browser download). One host and one browser for all browser tests;
/// each test opens its own context (cookies, viewport) and page. A failing journey leaves a screenshot and a
/// Playwright trace under <c>artifacts/browser/</c> (CI keeps them).
/// </summary>
public sealed partial class BrowserHost : IAsyncLifetime
{
    /// <summary>Where Chromium is (Debian's package; <c>KR_CHROMIUM</c> overrides).</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("KR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The two widths every page must work at: a desktop and a 390-px phone.</summary>
    public static readonly int[] Widths = [1280, 390];

    private TestDatabase? database;
    private HostProcess? host;
    private IPlaywright? playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The database the host runs on (to set up a state no page can reach, e.g. a notice period that has ended).</summary>
    public TestDatabase Database => database ?? throw new InvalidOperationException("The browser host is not running.");

    /// <summary>The host's address.</summary>
    public Uri Address => host!.Address;

    /// <summary>Where failures leave their screenshot and trace.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeRenewal.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? Path.GetTempPath(), "artifacts", "browser");
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        database = await TestDatabase.CreateAsync();
        database.UseDemoTemplate();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Platform__DemoMode"] = "true";
        environment["Security__SignInPerIpPerMinute"] = "100000";
        environment["Security__SignInPerAccountPerMinute"] = "1000";

        // The host runs from its build output, where a publish would have copied wwwroot: serve the project's own.
        environment["ASPNETCORE_WEBROOT"] = Path.GetFullPath(Path.Combine(HostProcess.HostDirectory, "..", "..", "..", "wwwroot"));
        host = HostProcess.Start(environment);
        (await host.WaitUntilReadyAsync(TimeSpan.FromMinutes(3))).Dispose();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>
    /// Runs <paramref name="journey"/> in a fresh context at <paramref name="width"/> px (China time, Chinese); on failure
    /// saves a screenshot and a trace named after <paramref name="name"/> and rethrows.
    /// </summary>
    public async Task RunAsync(string name, int width, Func<IPage, Task> journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        try
        {
            await journey(page);
            await context.Tracing.StopAsync();
        }
        catch
        {
            Directory.CreateDirectory(ArtifactsDirectory);
            var file = Path.Combine(ArtifactsDirectory, $"{Safe(name)}-{width}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file + ".png", FullPage = true });
            await context.Tracing.StopAsync(new TracingStopOptions { Path = file + ".trace.zip" });
            throw;
        }
    }

    /// <summary>Signs in through the login page as a demo account (with its current two-factor code when it needs one).</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#login", userName);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("form.auth-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (page.Url.Contains("/account/login/code", StringComparison.Ordinal))
        {
            // Two factors: the second step asks for the code alone.
            await page.FillAsync("#Code", await UnusedCodeAsync(userName));
            await page.ClickAsync("form.auth-form button[type=submit]");
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    // The platform accepts a code once per account and 30-second step: journeys signing in as the same demo account in
    // one step would refuse each other, so a sign-in here waits for the next step when this one was already used.
    private static readonly Dictionary<string, long> LastStepUsed = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim StepLock = new(1, 1);

    /// <summary>
    /// A two-factor code of a demo account the platform has not accepted yet: this 30-second step's, or the next step's
    /// after waiting when a journey (a page's sign-in or an API token) already used this one. Every browser test takes
    /// its codes here, so journeys running one after another never refuse each other.
    /// </summary>
    public static async Task<string> UnusedCodeAsync(string userName)
    {
        await StepLock.WaitAsync();
        try
        {
            var step = AuthenticatorCode.StepOf(DateTimeOffset.UtcNow);
            if (LastStepUsed.TryGetValue(userName, out var last) && step <= last)
            {
                var next = DateTimeOffset.FromUnixTimeSeconds((last + 1) * AuthenticatorCode.StepSeconds);
                await Task.Delay(next - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
                step = AuthenticatorCode.StepOf(DateTimeOffset.UtcNow);
            }

            LastStepUsed[userName] = step;
            return AuthenticatorCode.ComputeForStep(DemoAccounts.AuthenticatorKeyFor(userName), step);
        }
        finally
        {
            StepLock.Release();
        }
    }

    /// <summary>An API client with a bearer token of a demo account (password grant, with an unused two-factor code when the account needs one).</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var code = account.AuthenticatorKey is null ? null : await UnusedCodeAsync(userName);
        using var grant = TestAccounts.PasswordGrant(userName, DemoAccounts.Password, code);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), grant);
        var token = await response.ReadAsAsync<TokenAnswer>(System.Net.HttpStatusCode.OK, $"token for {userName}");
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    /// <summary>Fails when axe finds a serious or critical violation on the page, listing them.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        AxeResult result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", bad.Select(v =>
            $"- {v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})")));
    }

    /// <summary>Fails when the page is wider than the viewport (a 390-px phone must not scroll sideways).</summary>
    public static async Task AssertFitsWidthAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide at a {widths[1]}-px viewport.");
    }

    private static string Safe(string name) => UnsafeCharacters().Replace(name, "-");

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex UnsafeCharacters();
}

/// <summary>The browser tests share one host and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserHost>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
