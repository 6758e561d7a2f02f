using System.Net.Http.Headers;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Registry;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The county bureau's and the line department's journeys in a real browser on the demo city: find a person of the
/// region, act on what waits for review, read the compliance — each outcome checked in the data through the API.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RegionJourneyTests(BrowserHost host)
{
    [BrowserFact]
    public async Task The_county_admin_finds_a_person_of_the_county_by_name_and_sees_the_ID_number_masked_as_the_API_does()
    {
        using var api = await ApiAsync("demo.county-admin");
        var listed = await api.GetAsAsync<PageAnswer<ProfessionalAnswer>>("/api/registry/professionals?pageSize=1&page=3");
        var wanted = Assert.Single(listed.Items);
        Assert.Equal("370811", wanted.RegionCode);

        foreach (var width in BrowserHost.Widths)
        {
            await host.RunAsync(nameof(The_county_admin_finds_a_person_of_the_county_by_name_and_sees_the_ID_number_masked_as_the_API_does), width, async page =>
            {
                await BrowserHost.SignInAsync(page, "demo.county-admin");
                if (width == 390)
                {
                    await page.ClickAsync(".site-menu > summary");
                }

                await page.ClickAsync(".site-nav a[href='/registry/professionals']");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                await page.FillAsync("#Name", wanted.Name);
                await page.ClickAsync("form.filters button[type=submit]");
                await page.WaitForURLAsync(url => url.Contains("Name=", StringComparison.Ordinal));
                await page.ClickAsync($"a[href='/registry/professionals/{wanted.Id}']");
                await page.WaitForURLAsync($"**/registry/professionals/{wanted.Id}");

                Assert.Equal(wanted.Name, await page.Locator("h1").InnerTextAsync());
                Assert.Equal(wanted.IdNumberMasked, (await page.Locator("[data-id-number]").InnerTextAsync()).Trim());
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);

                foreach (var address in new[] { "/registry/employers", "/registry/providers", "/registry/employers?sort=name&dir=desc" })
                {
                    await page.GotoAsync(address);
                    await BrowserHost.AssertAccessibleAsync(page);
                    await BrowserHost.AssertFitsWidthAsync(page);
                }

                await page.ClickAsync("tbody a[href^='/registry/employers/']");
                await BrowserHost.AssertAccessibleAsync(page);
                await BrowserHost.AssertFitsWidthAsync(page);
            });
        }
    }

    /// <summary>An API client with a bearer token of a demo account (its current two-factor code when it needs one).</summary>
    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = host.Address };
        var key = DemoAccounts.All.Single(a => a.UserName == userName).AuthenticatorKey;
        using var grant = TestAccounts.PasswordGrant(userName, DemoAccounts.Password, key is null ? null : AuthenticatorCode.Compute(key, DateTimeOffset.UtcNow));
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), grant);
        var token = await response.ReadAsAsync<TokenAnswer>(System.Net.HttpStatusCode.OK, $"token for {userName}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
