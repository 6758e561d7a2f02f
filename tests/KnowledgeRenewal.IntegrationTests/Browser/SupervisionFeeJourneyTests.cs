using System.Text.Json;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// Fee standards in a real browser on the demo city: the demo provider's staff (its organization is an active base)
/// declare a fee standard — a fee above the cost per trainee is refused with the message next to the fee — then
/// declare it within the cost; the program office approves it after a confirmation; anyone sees it on /fees without
/// signing in (also on a 390-px phone), and the public API lists it. Every page passes axe.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SupervisionFeeJourneyTests(BrowserHost host)
{
    private const string Office = "demo.program-office";
    private const string Base = "demo.provider-staff";
    private const int Year = 2032;

    [BrowserFact]
    public async Task A_base_declares_a_fee_standard_the_office_approves_it_and_anyone_sees_it_on_the_public_page()
    {
        string url = "";
        await host.RunAsync("fees-base", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Base);
            await page.GotoAsync("/supervision/funding/fees");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("[data-declare]");
            await page.WaitForURLAsync("**/supervision/funding/fees/declare");
            await BrowserHost.AssertAccessibleAsync(page);

            await page.FillAsync("#Year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.SelectOptionAsync("#Kind", "CapacityBuilding");
            await page.FillAsync("#TeachingYuan", "600");
            await page.FillAsync("#MaterialsYuan", "150");
            await page.FillAsync("#VenueYuan", "200");
            await page.FillAsync("#AccommodationYuan", "200");
            await page.FillAsync("#OrganizationYuan", "80");
            await page.FillAsync("#OtherYuan", "20");

            // 1,300 元 > 1,250 元: refused next to the fee.
            await page.FillAsync("#FeeYuan", "1300");
            await page.ClickAsync("[data-submit-fee]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Contains("以支定收", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            await page.FillAsync("#FeeYuan", "1250");
            await page.ClickAsync("[data-submit-fee]");
            await page.WaitForURLAsync("**/supervision/funding/fees/*-*");
            url = new Uri(page.Url).AbsolutePath;
            Assert.Equal("待审核", await page.Locator("[data-fee-status]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
        });

        await host.RunAsync("fees-office", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, Office);
            await page.GotoAsync(url);
            await BrowserHost.AssertAccessibleAsync(page);
            await page.CheckAsync("#Decision");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForSelectorAsync("[data-confirm-decision]");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.ClickAsync("[data-confirm-decision]");
            await page.WaitForURLAsync("**/supervision/funding/fees?year=*");
            await BrowserHost.AssertAccessibleAsync(page);
        });

        await host.RunAsync("fees-public", 390, async page =>
        {
            await page.GotoAsync($"/fees?Year={Year}");
            Assert.Equal("继续教育基地收费标准公示", await page.Locator("h1").InnerTextAsync());
            var row = page.Locator("tr[data-public-fee]").First;
            Assert.Equal("1,250.00", await row.Locator("[data-public-fee-amount]").InnerTextAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
        });

        using var api = await host.ApiAsync(Office);
        using var response = await api.GetAsync(new Uri($"/api/public/fee-standards?year={Year}", UriKind.Relative));
        var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var standard = Assert.Single(list.EnumerateArray());
        Assert.Equal(125_000, standard.GetProperty("feeFen").GetInt64());
        Assert.Equal(125_000, standard.GetProperty("costFen").GetInt64());
    }
}
