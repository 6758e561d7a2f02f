using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// The integrator guide (/integrators, issue 18): public, Chinese, and true to the running platform — every entity set
/// the service document lists is in its table with the scope a client needs, and the token lifetime and page size are
/// the configured ones.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class IntegratorGuideTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_guide_lists_every_entity_set_with_the_scope_a_client_needs()
    {
        using var anonymous = platform.Factory.CreateClient();
        using var response = await anonymous.GetAsync(new Uri("/integrators", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>系统对接指南</h1>", html, StringComparison.Ordinal);

        var rows = FeedRow().Matches(html).ToDictionary(m => m.Groups["address"].Value, m => m.Groups["scope"].Value.Trim());
        var metadata = XDocument.Parse(await anonymous.GetStringAsync(new Uri("/odata/$metadata", UriKind.Relative)));
        var sets = metadata.Descendants().Where(e => e.Name.LocalName == "EntitySet").Select(e => (string)e.Attribute("Name")!).ToArray();
        Assert.NotEmpty(sets);
        foreach (var set in sets)
        {
            Assert.True(rows.ContainsKey($"/odata/{set}"), $"/odata/{set} is missing from the guide");
        }

        Assert.Equal("<code>feeds.credits</code>", rows["/odata/CreditRecords"]);
        Assert.Equal("<code>feeds.registry</code>", rows["/odata/Professionals"]);
        Assert.Equal("<code>feeds.organizations</code>", rows["/odata/Employers"]);
        Assert.Equal("--", rows["/odata/Subjects"]);
        Assert.Contains(rows.Keys, a => a.StartsWith("/odata/health/", StringComparison.Ordinal));

        Assert.Contains("<strong>10 分钟</strong>", html, StringComparison.Ordinal);
        Assert.Contains("每页最多 200 条", html, StringComparison.Ordinal);
        Assert.Contains("增量链接保留 <strong>30 天</strong>", html, StringComparison.Ordinal);
        Assert.Contains("POST /api/public/title-records/verify", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<tr>\s*<td><code>(?<address>/odata/[^<]+)</code></td>\s*<td>[^<]+</td>\s*<td>(?<scope>.*?)</td>\s*</tr>", RegexOptions.Singleline)]
    private static partial Regex FeedRow();
}
