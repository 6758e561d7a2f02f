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

    // A demo account's session, once it has signed in through the login page: later journeys of the same account start
    // from its cookies (and API clients from its token) instead of signing in again — a two-factor account could sign in
    // once per 30-second step only, and journeys waited for the clock. A session the platform no longer accepts (signed
    // out, account changed) is dropped and the journey signs in afresh.
    private static readonly Dictionary<string, IReadOnlyList<BrowserContextCookiesResult>> Sessions = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, (string Token, DateTimeOffset Until)> Tokens = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim SessionLock = new(1, 1);

    /// <summary>
    /// Signs in as a demo account and lands on its workbench: through the login page (with its current two-factor code
    /// when it needs one) the first time, afterwards with the session that sign-in opened.
    /// </summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        ArgumentNullException.ThrowIfNull(page);
        IReadOnlyList<BrowserContextCookiesResult>? cookies;
        await SessionLock.WaitAsync();
        try
        {
            Sessions.TryGetValue(userName, out cookies);
        }
        finally
        {
            SessionLock.Release();
        }

        if (cookies is not null)
        {
            await page.Context.AddCookiesAsync(cookies.Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
                HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }));
            await page.GotoAsync("/workbench");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
            {
                return;
            }

            await page.Context.ClearCookiesAsync();
        }

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
        Assert.False(page.Url.Contains("/account/login", StringComparison.Ordinal), $"{userName} could not sign in: {page.Url}");
        var opened = await page.Context.CookiesAsync();
        await SessionLock.WaitAsync();
        try
        {
            Sessions[userName] = opened;
        }
        finally
        {
            SessionLock.Release();
        }
    }

    /// <summary>Forgets a demo account's session and token (a journey that signs it out or changes it).</summary>
    public static async Task ForgetSessionAsync(string userName)
    {
        await SessionLock.WaitAsync();
        try
        {
            Sessions.Remove(userName);
            Tokens.Remove(userName);
        }
        finally
        {
            SessionLock.Release();
        }
    }

    // The platform accepts a code once per account and 30-second step (and the steps either side of now): a sign-in
    // takes this step's code, or the next step's when this one was used, and waits for the clock only when both were.
    private static readonly Dictionary<string, long> LastStepUsed = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim StepLock = new(1, 1);

    /// <summary>
    /// A two-factor code of a demo account the platform has not accepted yet. Every browser test takes its codes here,
    /// so journeys running one after another never refuse each other.
    /// </summary>
    public static async Task<string> UnusedCodeAsync(string userName)
    {
        await StepLock.WaitAsync();
        try
        {
            var now = AuthenticatorCode.StepOf(DateTimeOffset.UtcNow);
            var step = LastStepUsed.TryGetValue(userName, out var last) ? Math.Max(now, last + 1) : now;
            if (step > now + 1)
            {
                var next = DateTimeOffset.FromUnixTimeSeconds((step - 1) * AuthenticatorCode.StepSeconds);
                await Task.Delay(next - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));
            }

            LastStepUsed[userName] = step;
            return AuthenticatorCode.ComputeForStep(DemoAccounts.AuthenticatorKeyFor(userName), step);
        }
        finally
        {
            StepLock.Release();
        }
    }

    /// <summary>
    /// An API client with a bearer token of a demo account: the password grant (with an unused two-factor code when the
    /// account needs one) the first time, afterwards the same token until a minute before it expires.
    /// </summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };
        string? token = null;
        await SessionLock.WaitAsync();
        try
        {
            if (Tokens.TryGetValue(userName, out var held) && held.Until > DateTimeOffset.UtcNow)
            {
                token = held.Token;
            }
        }
        finally
        {
            SessionLock.Release();
        }

        if (token is null)
        {
            var account = DemoAccounts.All.Single(a => a.UserName == userName);
            var code = account.AuthenticatorKey is null ? null : await UnusedCodeAsync(userName);
            using var grant = TestAccounts.PasswordGrant(userName, DemoAccounts.Password, code);
            using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), grant);
            var answer = await response.ReadAsAsync<TokenAnswer>(System.Net.HttpStatusCode.OK, $"token for {userName}");
            token = answer.AccessToken;
            await SessionLock.WaitAsync();
            try
            {
                Tokens[userName] = (token, DateTimeOffset.UtcNow.AddSeconds(answer.ExpiresIn - 60));
            }
            finally
            {
                SessionLock.Release();
            }
        }

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    // Every rule runs; only violations carry all their nodes (passes and the rest one node each), which keeps the
    // answer that travels from the browser small.
    private static readonly AxeRunOptions AxeOptions = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Fails when axe finds a serious or critical violation on the page, listing them.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        AxeResult result = await page.RunAxe(AxeOptions);
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
