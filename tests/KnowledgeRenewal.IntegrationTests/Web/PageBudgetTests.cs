using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// Every page a demo account's workbench links to runs a bounded number of SQL commands, whatever the data: the
/// count comes from the page's own <c>Server-Timing</c> header (exact per request, unlike a shared log). The pages'
/// times are measured by <c>build/measure-pages.sh</c>, not here.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class PageBudgetTests(PlatformFixture platform)
{
    /// <summary>The most SQL commands one page may run (a page that loops over its rows would exceed it).</summary>
    private const int MaxCommandsPerPage = 20;

    /// <summary>
    /// The workbench sums one card per area feature that applies to the role (six areas' cards for the program office):
    /// its own, higher bound (ADR 0009). A card that loops over its rows still exceeds it.
    /// </summary>
    private const int MaxCommandsOnWorkbench = 30;

    public static TheoryData<string> DemoUserNames => [.. DemoAccounts.All.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoUserNames))]
    public async Task Every_page_of_a_demo_workbench_runs_a_bounded_number_of_sql_commands(string userName)
    {
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount(userName));
        var (workbench, html) = await LoadAsync(browser, "/workbench");
        Assert.Equal(HttpStatusCode.OK, workbench.Status);

        var measured = new List<(string Path, int Commands)> { ("/workbench", workbench.Commands) };
        var shapes = new HashSet<string>(StringComparer.Ordinal) { "/workbench" };
        foreach (var path in Links(html).Where(p => shapes.Add(Shape(p))))
        {
            var (page, pageHtml) = await LoadAsync(browser, path);
            if (page.Status == HttpStatusCode.OK && page.IsHtml)
            {
                measured.Add((path, page.Commands));

                // A page that loads its sections afterwards (htmx, hx-get on load): each section is a request of its
                // own and keeps the same budget — a frame that moved its loops into sections would pass otherwise.
                foreach (var section in Sections(pageHtml).Where(s => shapes.Add(s)))
                {
                    var (part, _) = await LoadAsync(browser, section);
                    Assert.True(part.Status == HttpStatusCode.OK, $"{userName}: section {section} of {path} answered {part.Status}");
                    measured.Add((section, part.Commands));
                }
            }
        }

        Assert.True(measured.Count >= 3, $"{userName}: only {measured.Count} pages reachable from the workbench");
        var over = measured.Where(m => m.Commands > (m.Path == "/workbench" ? MaxCommandsOnWorkbench : MaxCommandsPerPage)).Select(m => $"{m.Path}: {m.Commands}").ToList();
        Assert.True(over.Count == 0, $"{userName}: pages over {MaxCommandsPerPage} SQL commands (the workbench {MaxCommandsOnWorkbench}) — {string.Join("; ", over)}");
    }

    [Fact]
    public async Task The_header_counts_the_commands_of_the_request_itself()
    {
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.professional"));
        var (first, _) = await LoadAsync(browser, "/my/profile");
        var (second, _) = await LoadAsync(browser, "/my/profile");
        Assert.True(first.Commands > 0, "a page that reads the registry ran no SQL command?");
        Assert.Equal(first.Commands, second.Commands);
        using var anonymous = new WebBrowser(platform.Factory);
        var (login, _) = await LoadAsync(anonymous, "/account/login");
        Assert.True(login.Commands < first.Commands, $"the anonymous sign-in page counted {login.Commands} commands");
    }

    private static async Task<(PageLoad Load, string Html)> LoadAsync(WebBrowser browser, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        using var response = await browser.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var commands = RequestCost.SqlCommands(response);
        return (new PageLoad(response.StatusCode, response.Content.Headers.ContentType?.MediaType == "text/html", commands), html);
    }

    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(href => !NotAPage().IsMatch(href))
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> Sections(string html) =>
        HxGet().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal);

    // One address per page shape: ids and codes become placeholders, the query string is ignored.
    private static string Shape(string href) => Id().Replace(href.Split('?')[0], "/{id}");

    [GeneratedRegex("href=\"(/[^\"#]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("hx-get=\"(/[^\"#]*)\"")]
    private static partial Regex HxGet();

    [GeneratedRegex(@"^/(api|odata|openapi|api-docs|health|lib|css|js|favicon|account/logout)\b|handler=|\.(xlsx|pdf|jwt|json|png|svg|ico)\b|/(transcript|template)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotAPage();

    [GeneratedRegex(@"/([0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[0-9][0-9A-Za-z-]*|[0-9A-Z]{16,})(?=/|$)")]
    private static partial Regex Id();

    private sealed record PageLoad(HttpStatusCode Status, bool IsHtml, int Commands);
}
