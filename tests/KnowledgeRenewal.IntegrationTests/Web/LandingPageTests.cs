using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Web;

[Collection(SharedPlatform.Name)]
public sealed partial class LandingPageTests(PlatformFixture platform)
{
    [Fact]
    public async Task Landing_page_is_Chinese_and_shows_platform_modules_program_figures_and_links()
    {
        using var response = await platform.Client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("济宁市专业技术人员继续教育管理服务平台", html, StringComparison.Ordinal);
        foreach (var module in new[] { "教育", "卫生健康", "交通运输" })
        {
            Assert.Contains($"<td>{module}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/odata/$metadata\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api-docs\"", html, StringComparison.Ordinal);
        Assert.Contains("行业主管部门", html, StringComparison.Ordinal);

        // People read Chinese: no English module names, no role keys (the demo accounts are named by their role's Chinese name).
        Assert.DoesNotContain(" Health<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">county-admin<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">professional<", html, StringComparison.Ordinal);

        // The public part of the dashboard replaced the plain counts (issue 15): the phase, the totals, this year's targets.
        Assert.Matches(@"data-phase>(启动实施|逐步落实|全面实施|总结评估|已结束)</strong>", html);
        Assert.Matches(@"data-figure=""person-times"">[\d,]+</span><span class=""stat-unit"">人次</span>", html);
        Assert.Matches(@"stat-value"">[\d,]+</span><span class=""stat-unit"">份</span><span class=""stat-label"">有效学时证明", html);
        Assert.Contains("<table class=\"table\" data-dashboard-table=\"public-targets\">", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">\s*高级研修项目\s*</th>", html);
        Assert.Contains("<script type=\"application/json\" id=\"chart-public-years\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_load_nothing_from_other_hosts()
    {
        var html = await platform.Client.GetStringAsync(new Uri("/", UriKind.Relative));

        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToArray();
        Assert.NotEmpty(assets);
        Assert.All(assets, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("//", string.Concat(assets.Select(a => a.Split('?')[0].TrimStart('/'))), StringComparison.Ordinal);

        using var css = await platform.Client.GetAsync(new Uri(assets.First(a => a.Contains(".css", StringComparison.Ordinal)), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [GeneratedRegex(@"<(?:link|script|img)[^>]+(?:href|src)=""(?<url>[^""]+)""")]
    private static partial Regex AssetReference();
}
