using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Workbench;

/// <summary>
/// The demo city gives every demo role something waiting on its workbench (工作台): signed in through the login
/// page, each of the six business accounts finds at least one to-do or shortfall (a card line marked 待办 or 需关注)
/// with a figure above zero — reviews waiting, flagged roster records, a declaration for HR, a shortfall.
/// </summary>
/// <remarks>
/// On a demo city of its own: the shared platform's tests review declarations, records and projects, which would empty
/// the very to-dos this test looks for.
/// </remarks>
[Collection(DemoWorkbenchPlatform.Name)]
public sealed partial class DemoWorkbenchTests(DemoWorkbenchFixture platform, ITestOutputHelper output)
{
    [Theory]
    [InlineData("demo.professional")]
    [InlineData("demo.employer-hr")]
    [InlineData("demo.provider-staff")]
    [InlineData("demo.county-admin")]
    [InlineData("demo.department-admin")]
    [InlineData("demo.program-office")]
    public async Task Every_demo_role_finds_something_waiting_on_its_workbench(string userName)
    {
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount(userName));
        var page = await browser.GetAsync("/workbench");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var items = ItemPattern().Matches(page.Html)
            .Select(m => (Tone: m.Groups["tone"].Value, Text: WebUtility.HtmlDecode(TagPattern().Replace(m.Groups["body"].Value, " ")).Trim()))
            .ToList();
        foreach (var item in items)
        {
            output.WriteLine($"{userName}: [{item.Tone}] {Regex.Replace(item.Text, @"\s+", " ")}");
        }

        var waiting = items.Where(i => i.Tone is "todo" or "warning" && NonZero().IsMatch(i.Text)).ToList();
        Assert.True(waiting.Count > 0, $"{userName}'s workbench has nothing waiting: {string.Join(" | ", items.Select(i => $"[{i.Tone}] {i.Text}"))}");
    }

    [GeneratedRegex("<li class=\"card-item tone-(?<tone>[a-z]+)\">(?<body>.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ItemPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<![\d.])[1-9][\d,]*(?:\.\d+)?\s*(?:个|条|人|次|/|学时|学分|行)")]
    private static partial Regex NonZero();
}

/// <summary>An untouched copy of the demo city, read only by <see cref="DemoWorkbenchTests"/>.</summary>
public sealed class DemoWorkbenchFixture : PlatformFixtureBase;

[CollectionDefinition(Name)]
public sealed class DemoWorkbenchPlatform : ICollectionFixture<DemoWorkbenchFixture>
{
    public const string Name = "demo-workbench";
}
