using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.IntegrationTests.Declarations;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Identity;

/// <summary>
/// Cross-site request forgery against the REST API and the feeds (issue 12, finding 3): a write that rides on the web
/// session cookie needs the antiforgery token of a platform page in the <c>RequestVerificationToken</c> header and,
/// when the browser names it, the platform's own Origin; otherwise 403 <c>antiforgery.invalid</c> before any handler
/// runs. Bearer-token requests are not affected. The matrix covers every unsafe endpoint of the running host, read
/// from its endpoint data source; the pages keep their own form tokens.
/// </summary>
public sealed partial class CrossSiteRequestTests(CrossSiteRequestTests.Platform platform) : IClassFixture<CrossSiteRequestTests.Platform>
{
    private const string Code = "antiforgery.invalid";
    private const string SameOrigin = "http://localhost";
    private const string ForeignOrigin = "http://evil.example";

    [Fact]
    public async Task A_session_write_to_the_api_without_the_token_is_refused_and_nothing_is_declared()
    {
        using var browser = await platform.SignInAsync("demo.professional");
        var before = await platform.DeclarationCountAsync();

        using var response = await browser.SendAsync(Declaration(token: null, origin: null));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, Code);
        Assert.Equal(before, await platform.DeclarationCountAsync());
    }

    [Fact]
    public async Task A_session_write_with_the_pages_token_from_the_same_origin_goes_through()
    {
        using var browser = await platform.SignInAsync("demo.professional");
        var token = WebBrowser.AntiforgeryToken(browser.LastHtml);
        var before = await platform.DeclarationCountAsync();

        using var withoutOrigin = await browser.SendAsync(Declaration(token, origin: null));
        using var sameOrigin = await browser.SendAsync(Declaration(token, SameOrigin));

        await withoutOrigin.ReadJsonAsync(HttpStatusCode.Created, "declare with the token");
        await sameOrigin.ReadJsonAsync(HttpStatusCode.Created, "declare with the token from the same origin");
        Assert.Equal(before + 2, await platform.DeclarationCountAsync());
    }

    [Theory]
    [InlineData(ForeignOrigin)]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost:8080")]
    [InlineData("null")]
    public async Task A_session_write_from_another_origin_is_refused_even_with_the_token(string origin)
    {
        using var browser = await platform.SignInAsync("demo.professional");
        var token = WebBrowser.AntiforgeryToken(browser.LastHtml);
        var before = await platform.DeclarationCountAsync();

        using var response = await browser.SendAsync(Declaration(token, origin));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, Code);
        Assert.Equal(before, await platform.DeclarationCountAsync());
    }

    [Fact]
    public async Task A_token_is_bound_to_its_session_another_sessions_or_an_anonymous_pages_token_does_not_count()
    {
        using var professional = await platform.SignInAsync("demo.professional");
        using var other = await platform.SignInAsync("demo.employer-hr");
        using var anonymous = new WebBrowser(platform.Factory);
        await anonymous.GetAsync("/account/login");

        using var otherToken = await professional.SendAsync(Declaration(WebBrowser.AntiforgeryToken(other.LastHtml), SameOrigin));
        using var anonymousToken = await professional.SendAsync(Declaration(WebBrowser.AntiforgeryToken(anonymous.LastHtml), SameOrigin));
        using var garbage = await professional.SendAsync(Declaration("not-a-token", SameOrigin));

        await otherToken.AssertProblemAsync(HttpStatusCode.Forbidden, Code);
        await anonymousToken.AssertProblemAsync(HttpStatusCode.Forbidden, Code);
        await garbage.AssertProblemAsync(HttpStatusCode.Forbidden, Code);
    }

    [Fact]
    public async Task Bearer_token_requests_need_no_antiforgery_token_whatever_their_origin()
    {
        using var client = await platform.BearerClientAsync("demo.professional");
        var before = await platform.DeclarationCountAsync();

        using var response = await client.SendAsync(Declaration(token: null, ForeignOrigin));

        await response.ReadJsonAsync(HttpStatusCode.Created, "declare with a bearer token");
        Assert.Equal(before + 1, await platform.DeclarationCountAsync());
    }

    [Fact]
    public async Task An_odata_batch_on_the_session_needs_the_token_too()
    {
        using var browser = await platform.SignInAsync("demo.professional");
        var token = WebBrowser.AntiforgeryToken(browser.LastHtml);

        using var refused = await browser.SendAsync(Batch(token: null));
        using var allowed = await browser.SendAsync(Batch(token));

        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, Code);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("\"responses\"", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_api_on_the_session_needs_no_token()
    {
        using var browser = await platform.SignInAsync("demo.professional");

        using var me = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/me"));
        using var declarations = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/declarations"));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declarations.StatusCode);
    }

    [Fact]
    public async Task Every_unsafe_api_feed_and_token_endpoint_refuses_a_session_write_without_the_token_before_any_handler_runs()
    {
        var requests = UnsafeEndpoints().ToArray();
        Assert.Contains(requests, r => r.Url.StartsWith("/api/declarations", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/api/professionals/", StringComparison.Ordinal) && r.Url.Contains("/certificates/", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/api/admin/accounts/", StringComparison.Ordinal) && r.Url.EndsWith("/disable", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/api/compliance/recompute", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url.StartsWith("/api/health/", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Url == "/odata/$batch");
        Assert.Contains(requests, r => r.Url == "/connect/token");

        // No write can hide outside the gate: every unsafe endpoint that is not a page is an API, feed or token endpoint.
        var outside = requests.Where(r => !(r.Url.StartsWith("/api/", StringComparison.Ordinal) || r.Url.StartsWith("/odata/", StringComparison.Ordinal) || r.Url.StartsWith("/connect/", StringComparison.Ordinal)));
        Assert.Empty(outside);

        // Sessions of the roles the probe used (and the broadest one), signed in before anything is recorded.
        var sessions = new List<(string UserName, WebBrowser Browser, string Token)>();
        foreach (var userName in new[] { "demo.program-office", "demo.provider-staff", "demo.professional" })
        {
            var browser = await platform.SignInAsync(userName);
            sessions.Add((userName, browser, WebBrowser.AntiforgeryToken(browser.LastHtml)));
        }

        var violations = new List<string>();
        var sql = await platform.Factory.Sql.CaptureAsync(async () =>
        {
            foreach (var (userName, browser, token) in sessions)
            {
                foreach (var request in requests)
                {
                    foreach (var (what, message) in new[] { ("no token", request.ToMessage(null, null)), ("foreign origin", request.ToMessage(token, ForeignOrigin)) })
                    {
                        using (message)
                        {
                            using var response = await browser.SendAsync(message);
                            var body = await response.Content.ReadAsStringAsync();
                            if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains($"\"code\":\"{Code}\"", StringComparison.Ordinal))
                            {
                                violations.Add($"{userName}, {what}: {request} → {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                            }
                        }
                    }
                }
            }
        });
        sessions.ForEach(s => s.Browser.Dispose());

        Assert.True(violations.Count == 0, $"Session writes without the token or from another origin that were not refused ({violations.Count}):\n" + string.Join("\n", violations));
        var writes = sql.Where(s => WriteStatement().IsMatch(s)).ToArray();
        Assert.True(writes.Length == 0, "The refused requests wrote:\n" + string.Join("\n", writes));
    }

    [Fact]
    public async Task Every_page_refuses_a_session_post_without_its_form_token_and_every_post_form_carries_one()
    {
        var pages = platform.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => Fill(e.RoutePattern))
            .Distinct()
            .ToArray();
        Assert.Contains("/declarations/new", pages);
        Assert.Contains("/notices", pages);
        Assert.Contains("/account/login", pages);

        using var browser = await platform.SignInAsync("demo.employer-hr");
        var violations = new List<string>();
        foreach (var page in pages)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, page) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve" }) };
            using var response = await browser.SendAsync(message);

            // Refused for the missing token (400), or before that by the page's own authorization (to the denied page).
            var deniedFirst = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location is { } location
                && new Uri(new Uri("http://localhost"), location).AbsolutePath == "/account/denied";
            if (response.StatusCode != HttpStatusCode.BadRequest && !deniedFirst)
            {
                violations.Add($"POST {page} without a token → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        foreach (var page in new[] { "/", "/declarations", "/declarations/new", "/notices", "/account/password", "/account/two-factor", "/account/logout" })
        {
            var html = (await browser.GetAsync(page)).Html;
            foreach (Match form in PostForm().Matches(html))
            {
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    violations.Add($"a form on {page} has no antiforgery token: {form.Value[..Math.Min(form.Value.Length, 120)]}");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    // The declaration the probe made: multipart fields and one PDF.
    private static HttpRequestMessage Declaration(string? token, string? origin)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in DeclarationRequests.Conference("跨站请求测试年会"))
        {
            form.Add(new StringContent(value, Encoding.UTF8), key);
        }

        var file = new ByteArrayContent(DeclarationRequests.Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "evidence", "会议证书.pdf");
        return WithHeaders(new HttpRequestMessage(HttpMethod.Post, "/api/declarations") { Content = form }, token, origin);
    }

    private static HttpRequestMessage Batch(string? token) =>
        WithHeaders(new HttpRequestMessage(HttpMethod.Post, "/odata/$batch")
        {
            Content = JsonContent.Create(new { requests = new[] { new { id = "1", method = "GET", url = "Departments" } } }),
        }, token, SameOrigin);

    private static HttpRequestMessage WithHeaders(HttpRequestMessage message, string? token, string? origin)
    {
        if (token is not null)
        {
            message.Headers.TryAddWithoutValidation("RequestVerificationToken", token);
        }

        if (origin is not null)
        {
            message.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return message;
    }

    // Every POST, PUT, PATCH and DELETE endpoint of the host (pages excepted), and the two a data source does not list:
    // OData's $batch (a middleware) and token revocation (OpenIddict's own).
    private IEnumerable<ProbeRequest> UnsafeEndpoints()
    {
        foreach (var endpoint in platform.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                yield return new ProbeRequest(new HttpMethod(method), Fill(endpoint.RoutePattern));
            }
        }

        yield return new ProbeRequest(HttpMethod.Post, "/odata/$batch");
        yield return new ProbeRequest(HttpMethod.Post, "/connect/revoke");
    }

    // A concrete address of a route pattern: ids for guid constraints, a year for int ones, a word otherwise.
    private static string Fill(RoutePattern pattern)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsOptional: true } => "",
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "2025",
                    RoutePatternParameterPart parameter when parameter.Name == "action" => "submit",
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Select(p => FirstAlternative().Match(p.Content ?? "")).FirstOrDefault(m => m.Success) is { } choice => choice.Groups[1].Value,
                    _ => "x",
                });
            }
        }

        var text = url.ToString().TrimEnd('/');
        return text.Length == 0 ? "/" : text;
    }

    // The first word a regex constraint such as regex(^(regions|departments)$) accepts.
    [GeneratedRegex(@"^regex\(\^\(([^|)]+)")]
    private static partial Regex FirstAlternative();

    [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex WriteStatement();

    [GeneratedRegex(@"<form[^>]*method=""post""[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();

    private sealed record ProbeRequest(HttpMethod Method, string Url)
    {
        public HttpRequestMessage ToMessage(string? token, string? origin) =>
            WithHeaders(new HttpRequestMessage(Method, Url) { Content = new StringContent("{}", Encoding.UTF8, "application/json") }, token, origin);

        public override string ToString() => $"{Method} {Url}";
    }

    /// <summary>A demo-mode platform (the demo accounts of every role) with sign-in limits high enough for many sign-ins.</summary>
    public sealed class Platform : PlatformFixtureBase
    {
        /// <inheritdoc/>
        protected override bool ManySignIns => true;

        /// <summary>A browser signed in as a demo account on the login page, last on a page of the session (whose forms carry its token).</summary>
        public async Task<WebBrowser> SignInAsync(string userName)
        {
            var browser = await Accounts.SignInAsync(DemoAccount(userName));
            var home = await browser.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.Status);
            return browser;
        }

        /// <summary>A client with a bearer token of a demo account (no cookies).</summary>
        public Task<HttpClient> BearerClientAsync(string userName) => Accounts.SignedInClientAsync(DemoAccount(userName), handleCookies: false);

        public Task<int> DeclarationCountAsync() => QueryAsync(db => db.ActivityDeclarations.CountAsync());
    }
}
