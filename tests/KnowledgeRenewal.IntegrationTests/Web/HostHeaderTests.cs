using System.Net;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// No request header becomes a redirect target or a link (issue 12, finding 9): the login and access-denied redirects
/// are relative whatever Host a client sends, <c>AllowedHosts</c> refuses unknown hosts where it is configured,
/// certificate links come from configuration or a vetted host, and forwarded headers count only from the configured
/// reverse proxies (loopback when none is configured), never from any client.
/// </summary>
public sealed class HostHeaderTests
{
    private const string Evil = "evil.example";

    [Theory]
    [InlineData("/declarations")]
    [InlineData("/declarations/new")]
    [InlineData("/account/password")]
    public async Task A_foreign_host_header_never_becomes_the_login_redirect(string page)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?> { ["Platform:DemoMode"] = "false" });
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.SendAsync(WithHost(HttpMethod.Get, page, Evil));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?ReturnUrl=", location, StringComparison.Ordinal);
        Assert.DoesNotContain(Evil, location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_host_header_never_becomes_the_access_denied_redirect_nor_a_certificate_link()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database);
        using var hr = await SignInAsync(factory, "demo.employer-hr");
        using var person = await SignInAsync(factory, "demo.professional");
        var certificate = await CertificateOfAsync(factory, "demo.professional");

        using var denied = await hr.SendAsync(WithHost(HttpMethod.Get, "/declarations/new", Evil));
        using var view = await person.SendAsync(WithHost(HttpMethod.Get, $"/api/certificates/{certificate:D}", Evil));
        using var page = await person.SendAsync(WithHost(HttpMethod.Get, $"/certificates/{certificate:D}", Evil));

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var links = await view.ReadJsonAsync(HttpStatusCode.OK, "certificate");
        Assert.StartsWith("http://localhost:5080/verify/", links.GetProperty("verifyUrl").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Evil, links.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(Evil, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_allowed_hosts_a_foreign_host_is_refused_and_the_allowed_one_makes_the_links()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?> { ["AllowedHosts"] = "localhost" });
        using var person = await SignInAsync(factory, "demo.professional");
        var certificate = await CertificateOfAsync(factory, "demo.professional");

        using var foreign = await person.SendAsync(WithHost(HttpMethod.Get, "/declarations", Evil));
        using var own = await person.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/certificates/{certificate:D}"));

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var links = await own.ReadJsonAsync(HttpStatusCode.OK, "certificate");
        Assert.StartsWith("http://localhost/verify/", links.GetProperty("verifyUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_headers_switched_on_by_the_environment_trust_only_a_local_proxy_unless_proxies_are_configured()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var local = new PlatformFactory(database, new Dictionary<string, string?> { ["Platform:DemoMode"] = "false", ["FORWARDEDHEADERS_ENABLED"] = "true" });
        await using var configured = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["FORWARDEDHEADERS_ENABLED"] = "true",
            ["Security:KnownProxies:0"] = "10.0.0.5",
            ["Security:KnownNetworks:0"] = "192.168.10.0/24",
        });

        var loopback = local.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        var proxies = configured.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal([IPAddress.IPv6Loopback], loopback.KnownProxies);
        Assert.Equal(["127.0.0.0/8"], loopback.KnownIPNetworks.Select(n => n.ToString()));
        Assert.Equal([IPAddress.Parse("10.0.0.5")], proxies.KnownProxies);
        Assert.Equal(["192.168.10.0/24"], proxies.KnownIPNetworks.Select(n => n.ToString()));
        Assert.All(new[] { loopback, proxies }, options =>
        {
            Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
            Assert.Equal(1, options.ForwardLimit);
        });
    }

    [Fact]
    public async Task A_configured_proxy_is_believed_about_https_and_any_other_client_is_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Security:RequireHttps"] = "true",
            ["Security:KnownProxies:0"] = "10.0.0.5",
        });
        await using var factory = platform.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddTransient<IStartupFilter, RemoteAddressFromTestHeader>()));
        using var client = factory.CreateClient();

        // HSTS goes out only over HTTPS: it shows whether the platform believed X-Forwarded-Proto.
        using var fromProxy = await client.SendAsync(Forwarded("10.0.0.5"));
        using var fromClient = await client.SendAsync(Forwarded("203.0.113.9"));

        Assert.True(fromProxy.Headers.Contains("Strict-Transport-Security"), "the configured proxy's X-Forwarded-Proto: https was not honoured");
        Assert.False(fromClient.Headers.Contains("Strict-Transport-Security"), "a client's own X-Forwarded-Proto: https was honoured");
    }

    private static HttpRequestMessage Forwarded(string remoteAddress)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        message.Headers.TryAddWithoutValidation(RemoteAddressFromTestHeader.Header, remoteAddress);
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        message.Headers.TryAddWithoutValidation("X-Forwarded-For", "198.51.100.7");
        return message;
    }

    private static HttpRequestMessage WithHost(HttpMethod method, string url, string host)
    {
        var message = new HttpRequestMessage(method, url);
        message.Headers.Host = host;
        return message;
    }

    private static async Task<WebBrowser> SignInAsync(PlatformFactory factory, string userName)
    {
        var browser = new WebBrowser(factory);
        var signedIn = await browser.SubmitAsync("/account/login", new Dictionary<string, string?> { ["Input.Login"] = userName, ["Input.Password"] = DemoAccounts.Password });
        Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"sign-in of {userName}: {(int)signedIn.Status}");
        return browser;
    }

    private static async Task<Guid> CertificateOfAsync(PlatformFactory factory, string userName)
    {
        using var scope = factory.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return await db.CreditCertificates.Where(c => c.Professional!.UserId == user.Id).Select(c => c.Id).FirstAsync();
    }

    // The test server has no socket: the connection's address comes from a test header, set before the platform's pipeline.
    private sealed class RemoteAddressFromTestHeader : IStartupFilter
    {
        public const string Header = "X-Test-Remote-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
