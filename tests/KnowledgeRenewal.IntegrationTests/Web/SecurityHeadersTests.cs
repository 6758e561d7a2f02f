using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.IntegrationTests.Declarations;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// Security headers and cookies (issue 12, finding 6): every response — page, API, OData, static file, the API
/// documentation, redirect, 401, 404 and 500 — carries a strict Content-Security-Policy, nosniff, a Referrer-Policy,
/// X-Frame-Options DENY and a Permissions-Policy (HSTS where HTTPS is required); the pages need nothing inline to
/// render under that policy; every cookie is HttpOnly, SameSite=Strict and, where HTTPS is required, Secure.
/// </summary>
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.Platform platform) : IClassFixture<SecurityHeadersTests.Platform>
{
    private const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/modules", HttpStatusCode.OK)]
    [InlineData("/odata/Departments", HttpStatusCode.OK)]
    [InlineData("/odata/$metadata", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/declarations", HttpStatusCode.Redirect)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/css/no-such.css", HttpStatusCode.NotFound)]
    public async Task Every_kind_of_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var client = platform.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response, StrictPolicy, "strict-origin-when-cross-origin");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS without Security:RequireHttps");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/overview")]
    public async Task Server_errors_carry_the_security_headers_too(string url)
    {
        using var client = platform.Failing.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertSecurityHeaders(response, StrictPolicy, "strict-origin-when-cross-origin");
        if (url.StartsWith("/api", StringComparison.Ordinal))
        {
            await response.AssertProblemAsync(HttpStatusCode.InternalServerError, ProblemCodes.Unexpected);
        }
        else
        {
            // People get the error page in Chinese, never a stack trace or raw JSON.
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("抱歉，平台出现了问题", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_api_documentation_may_style_inline_but_runs_no_inline_script()
    {
        using var client = platform.Factory.CreateClient();

        using var page = await client.GetAsync(new Uri("/api-docs/index.html", UriKind.Relative));
        using var script = await client.GetAsync(new Uri("/api-docs/index.js", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var policy = string.Join("", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'unsafe-inline';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        AssertSecurityHeaders(page, policy, "strict-origin-when-cross-origin");
        Assert.Empty(InlineScript().Matches(html));
    }

    [Theory]
    [InlineData("/verify/ABCD-EFGH-JKMN-PQRS-TUVW")]
    [InlineData("/verify?code=ABCD-EFGH-JKMN-PQRS-TUVW")]
    [InlineData("/api/public/certificates/ABCD-EFGH-JKMN-PQRS-TUVW")]
    public async Task Addresses_that_carry_a_verification_code_send_no_referrer(string url)
    {
        using var client = platform.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        AssertSecurityHeaders(response, StrictPolicy, "no-referrer");
    }

    [Fact]
    public async Task The_pages_need_nothing_inline_to_render_under_the_policy()
    {
        using var anonymous = new WebBrowser(platform.Factory);
        using var person = await platform.SignInAsync("demo.professional");
        var certificate = await platform.CertificateOfAsync("demo.professional");
        var pages = new List<(string Url, WebPage Page)>();
        foreach (var url in new[] { "/", "/account/login", "/verify", "/notices", "/notices/bases", "/account/denied", "/integrators" })
        {
            pages.Add((url, await anonymous.GetAsync(url)));
        }

        foreach (var url in new[] { "/", "/declarations", "/declarations/new", "/account/password", "/account/two-factor", "/account/logout", $"/certificates/{certificate:D}" })
        {
            pages.Add((url, await person.GetAsync(url)));
        }

        Assert.Contains(pages, p => p.Url.StartsWith("/certificates/", StringComparison.Ordinal) && p.Page.Html.Contains("<svg", StringComparison.Ordinal));
        var violations = new List<string>();
        foreach (var (url, page) in pages)
        {
            Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{url}: {(int)page.Status}");
            foreach (Match inline in InlineContent().Matches(page.Html))
            {
                violations.Add($"{url}: {inline.Value}");
            }
        }

        Assert.True(violations.Count == 0, "Inline script or style the policy blocks:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task Without_required_https_every_cookie_is_http_only_and_strict_and_follows_the_request()
    {
        using var browser = new WebBrowser(platform.Factory);

        var login = await browser.GetAsync("/account/login");
        var signedIn = await browser.PostAsync("/account/login", new Dictionary<string, string?> { ["Input.Login"] = "demo.professional", ["Input.Password"] = DemoAccounts.Password });
        var form = await browser.GetAsync("/declarations/new");
        var declared = await DeclareOnThePageAsync(browser, WebBrowser.AntiforgeryToken(form.Html));

        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var cookies = new[] { Cookie(login, "kr.antiforgery"), Cookie(signedIn, "kr.session"), Cookie(declared, "kr.tempdata") };
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"(?i);\s*secure(;|$)", cookie);
        });
    }

    [Fact]
    public async Task With_required_https_every_cookie_is_secure_and_hsts_is_sent_over_https()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?> { ["Security:RequireHttps"] = "true" });
        using var browser = new WebBrowser(factory, new Uri("https://localhost"));
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var http = factory.CreateClient();

        var login = await browser.GetAsync("/account/login");
        var signedIn = await browser.PostAsync("/account/login", new Dictionary<string, string?> { ["Input.Login"] = "demo.professional", ["Input.Password"] = DemoAccounts.Password });
        var form = await browser.GetAsync("/declarations/new");
        var declared = await DeclareOnThePageAsync(browser, WebBrowser.AntiforgeryToken(form.Html));
        using var api = await https.GetAsync(new Uri("/api/modules", UriKind.Relative));
        using var plain = await http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        foreach (var cookie in new[] { Cookie(login, "kr.antiforgery"), Cookie(signedIn, "kr.session"), Cookie(declared, "kr.tempdata") })
        {
            Assert.Matches(@"(?i);\s*secure(;|$)", cookie);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("max-age=31536000", string.Join("", api.Headers.GetValues("Strict-Transport-Security")));
        AssertSecurityHeaders(api, StrictPolicy, "strict-origin-when-cross-origin");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");

        var tempData = factory.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie;
        Assert.Equal((SameSiteMode.Strict, CookieSecurePolicy.Always, true), (tempData.SameSite, tempData.SecurePolicy, tempData.HttpOnly));
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string policy, string referrerPolicy)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode}) has no {name}");

        Assert.Equal(policy, Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal(referrerPolicy, Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header("Permissions-Policy"), StringComparison.Ordinal);
    }

    private static string Cookie(WebPage page, string name) =>
        page.SetCookies.SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no {name} cookie set: {string.Join(" | ", page.SetCookies)}");

    // The declaration form posted as the page posts it (multipart, with the form's token and one PDF): the redirect
    // to the new declaration carries its notices in TempData.
    private static async Task<WebPage> DeclareOnThePageAsync(WebBrowser browser, string token)
    {
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in DeclarationRequests.Conference("安全响应头测试年会"))
        {
            form.Add(new StringContent(value, Encoding.UTF8), "Input." + char.ToUpperInvariant(key[0]) + key[1..]);
        }

        var file = new ByteArrayContent(DeclarationRequests.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Evidence", "证书.pdf");
        using var message = new HttpRequestMessage(HttpMethod.Post, "/declarations/new") { Content = form };
        using var response = await browser.SendAsync(message);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
        return new WebPage(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString, cookies);
    }

    // What a policy without 'unsafe-inline' blocks: style attributes and elements, scripts without src, event handlers, javascript: URLs.
    // A data block (<script type="application/json">, e.g. a chart's numbers) is not run, so the policy does not block it.
    [GeneratedRegex(@"\sstyle\s*=|<style[\s>]|<script(?![^>]*\ssrc=)(?![^>]*\stype=""application/json"")[^>]*>|\son[a-z]+\s*=|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineContent();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    /// <summary>A demo-mode platform, and a second host on it whose landing page and overview fail (an unexpected error).</summary>
    public sealed class Platform : PlatformFixtureBase
    {
        public WebApplicationFactory<Program> Failing { get; private set; } = null!;

        /// <inheritdoc/>
        protected override bool ManySignIns => true;

        /// <inheritdoc/>
        protected override Task SeedAsync()
        {
            _ = Factory.Server;
            // The overview's statistics fail (/api/overview) and so do the landing page's program figures (/).
            Failing = Factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services
                .AddScoped<IPlatformStatistic, FailingStatistic>()
                .AddTransient<MediatR.IRequestHandler<GetPublicDashboard, PublicDashboardView>, FailingPublicDashboard>()));
            return Task.CompletedTask;
        }

        /// <inheritdoc/>
        protected override async ValueTask DisposeHostsAsync() => await Failing.DisposeAsync();

        public Task<WebBrowser> SignInAsync(string userName) => Accounts.SignInAsync(DemoAccount(userName));

        /// <summary>The id of a certificate of the demo account's own record.</summary>
        public Task<Guid> CertificateOfAsync(string userName) => QueryAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return await db.CreditCertificates.Where(c => c.Professional!.UserId == user.Id).Select(c => c.Id).FirstAsync();
        });
    }

    private sealed class FailingPublicDashboard : MediatR.IRequestHandler<GetPublicDashboard, PublicDashboardView>
    {
        public Task<PublicDashboardView> Handle(GetPublicDashboard request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The program figures failed (test).");
    }

    private sealed class FailingStatistic : IPlatformStatistic
    {
        public string Label => "故障统计";

        public string Unit => "项";

        public int Order => 0;

        public Task<long> CountAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("A statistic failed (test).");
    }
}
