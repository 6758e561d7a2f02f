using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The shared layout in a real browser: public pages pass axe and fit a 390-px phone; an unknown address is a page in
/// Chinese, not JSON; after sign-in each person lands on their own workbench, with a menu of only what their role may do.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class LayoutTests(BrowserHost host)
{
    public static TheoryData<string> PublicPages() => ["/", "/verify", "/notices", "/notices/bases", "/account/login", "/integrators", "/no-such-page"];

    [BrowserFact]
    public async Task Public_pages_pass_axe_and_fit_a_phone()
    {
        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(Public_pages_pass_axe_and_fit_a_phone), width, async page =>
            {
                foreach (var address in PublicPages())
                {
                    await page.GotoAsync(address);
                    await BrowserHost.AssertAccessibleAsync(page);
                    await BrowserHost.AssertFitsWidthAsync(page);
                }
            });
        }
    }

    [BrowserFact]
    public async Task An_unknown_address_is_a_page_in_Chinese()
    {
        await host.RunAsync(nameof(An_unknown_address_is_a_page_in_Chinese), 1280, async page =>
        {
            var response = await page.GotoAsync("/no-such-page");

            Assert.Equal(404, response!.Status);
            Assert.Equal("找不到该页面", await page.Locator("h1").InnerTextAsync());
            Assert.Contains("text/html", response.Headers["content-type"], StringComparison.Ordinal);
        });
    }

    [BrowserFact]
    public async Task After_sign_in_each_role_lands_on_its_workbench_with_only_its_menu()
    {
        await host.RunAsync(nameof(After_sign_in_each_role_lands_on_its_workbench_with_only_its_menu), 390, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.professional");

            Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
            Assert.Equal("工作台", await page.Locator("h1").InnerTextAsync());
            await page.ClickAsync(".site-menu > summary");
            Assert.Equal(1, await page.Locator(".site-nav a[href='/declarations']").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
        });

        await host.RunAsync(nameof(After_sign_in_each_role_lands_on_its_workbench_with_only_its_menu) + "-provider", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.provider-staff");

            Assert.EndsWith("/workbench", page.Url, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator(".site-nav a[href='/declarations']").CountAsync());
            await BrowserHost.AssertAccessibleAsync(page);
        });
    }
}
