using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// Every 429 the platform sends says when to try again (issue 12, finding 9): the sign-in page and the token endpoint
/// (per address and per account name), public certificate verification (API and page) and public objections (API and
/// page).
/// </summary>
public sealed class RetryAfterTests
{
    [Fact]
    public async Task Too_many_sign_ins_for_one_account_name_say_when_to_retry_on_the_page_and_the_token_endpoint()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Security:SignInPerIpPerMinute"] = "1000",
            ["Security:SignInPerAccountPerMinute"] = "1",
        });
        using var client = factory.CreateClient();
        using var browser = new WebBrowser(factory);

        using var firstToken = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant("retry.token", "x"));
        using var limitedToken = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant("retry.token", "x"));
        var firstPage = await browser.SubmitAsync("/account/login", Login("retry.page"));
        using var limitedPage = await browser.SendAsync(LoginPost(browser, "retry.page"));

        Assert.Equal(HttpStatusCode.BadRequest, firstToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstPage.Status);
        AssertRetryAfter(limitedToken, "token endpoint, per account");
        AssertRetryAfter(limitedPage, "sign-in page, per account");
    }

    [Fact]
    public async Task Every_address_limit_says_when_to_retry()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Platform:DemoMode"] = "false",
            ["Security:SignInPerIpPerMinute"] = "1",
            ["Security:SignInPerAccountPerMinute"] = "1000",
            ["Certificates:VerificationsPerMinute"] = "1",
            ["Projects:ObjectionsPerMinute"] = "1",
        });
        using var client = factory.CreateClient();
        using var browser = new WebBrowser(factory);
        const string code = "ABCD-EFGH-JKMN-PQRS-TUVW";
        var objection = new { reason = "测试", contactName = "测试", contactPhone = "13700001111" };

        await browser.GetAsync("/account/login");
        using var firstToken = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant("retry.ip1", "x"));
        using var limitedToken = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant("retry.ip2", "x"));
        using var limitedPage = await browser.SendAsync(LoginPost(browser, "retry.ip3"));
        using var firstVerification = await client.GetAsync(new Uri($"/api/public/certificates/{code}", UriKind.Relative));
        using var limitedVerification = await client.GetAsync(new Uri($"/api/public/certificates/{code}", UriKind.Relative));
        using var limitedVerificationPage = await client.GetAsync(new Uri($"/verify/{code}", UriKind.Relative));
        using var firstObjection = await client.PostAsJsonAsync(new Uri($"/api/notices/{Guid.NewGuid()}/objections", UriKind.Relative), objection);
        using var limitedObjection = await client.PostAsJsonAsync(new Uri($"/api/notices/{Guid.NewGuid()}/objections", UriKind.Relative), objection);
        using var limitedObjectionPage = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/notices")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebBrowser.AntiforgeryToken(browser.LastHtml),
                ["ProjectId"] = Guid.NewGuid().ToString(),
                ["Reason"] = "测试",
                ["ContactName"] = "测试",
                ["ContactPhone"] = "13700001111",
            }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, firstToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, firstVerification.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, firstObjection.StatusCode);
        AssertRetryAfter(limitedToken, "token endpoint, per address");
        AssertRetryAfter(limitedPage, "sign-in page, per address");
        AssertRetryAfter(limitedVerification, "verification API");
        AssertRetryAfter(limitedVerificationPage, "verification page");
        AssertRetryAfter(limitedObjection, "objection API");
        AssertRetryAfter(limitedObjectionPage, "objection page");
    }

    private static void AssertRetryAfter(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{what}: expected 429, got {(int)response.StatusCode}");
        var delay = response.Headers.RetryAfter?.Delta;
        Assert.True(delay is { } seconds && seconds > TimeSpan.Zero && seconds <= TimeSpan.FromMinutes(1), $"{what}: Retry-After is '{response.Headers.RetryAfter}'");
    }

    private static Dictionary<string, string?> Login(string userName) =>
        new() { ["Input.Login"] = userName, ["Input.Password"] = "Wrong-Password-1" };

    private static HttpRequestMessage LoginPost(WebBrowser browser, string userName)
    {
        var fields = Login(userName).ToDictionary(f => f.Key, f => f.Value!);
        fields["__RequestVerificationToken"] = WebBrowser.AntiforgeryToken(browser.LastHtml);
        return new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) };
    }
}
