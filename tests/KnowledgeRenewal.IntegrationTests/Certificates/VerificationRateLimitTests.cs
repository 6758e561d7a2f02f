using System.Net;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>
/// Public verification — a code looked up or a signed title-evaluation record checked — is rate-limited per client
/// address (its own host: a limit of three a minute).
/// </summary>
public sealed class VerificationRateLimitTests : IAsyncLifetime
{
    // A fresh platform per test (xUnit makes one instance per test).
    private readonly TestPlatform platform = new(new Dictionary<string, string?> { ["Certificates:VerificationsPerMinute"] = "3" }, demoMode: false);
    private PlatformFactory factory = null!;

    public async Task InitializeAsync()
    {
        await platform.InitializeAsync();
        factory = platform.Factory;
    }

    public Task DisposeAsync() => platform.DisposeAsync();

    [Fact]
    public async Task Beyond_the_limit_verification_answers_429_on_the_api_and_the_page_but_the_empty_form_stays_open()
    {
        using var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync(new Uri($"/api/public/certificates/{VerificationCodes.Generate()}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        // A signed title-evaluation record's check shares the budget: the third check of the minute …
        using (var checkedRecord = await PostRecordAsync(client, "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, checkedRecord.StatusCode);
        }

        // … and beyond it the record check is refused like a code lookup.
        using (var refusedRecord = await PostRecordAsync(client, "{}"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refusedRecord.StatusCode);
        }

        using var limited = await client.GetAsync(new Uri($"/api/public/certificates/{VerificationCodes.Generate()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null, "Retry-After");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        using var page = await client.GetAsync(new Uri($"/verify/{VerificationCodes.Generate()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);

        using var form = await client.GetAsync(new Uri("/verify", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostRecordAsync(HttpClient client, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(TitleRecordRules.VerifyPath, UriKind.Relative), content);
    }
}
