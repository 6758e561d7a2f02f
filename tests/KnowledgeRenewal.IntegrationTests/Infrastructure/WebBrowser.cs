using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// A browser for the Razor pages: keeps cookies, does not follow redirects (tests look at each step), and posts
/// forms with the antiforgery token of the page it last loaded — as a person filling in the form would.
/// </summary>
public sealed partial class WebBrowser : IDisposable
{
    private readonly HttpClient client;

    public WebBrowser(WebApplicationFactory<Program> factory)
        : this(factory, new Uri("http://localhost"))
    {
    }

    /// <summary>A browser on <paramref name="baseAddress"/> (e.g. <c>https://localhost</c> for a platform that requires HTTPS).</summary>
    public WebBrowser(WebApplicationFactory<Program> factory, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(factory);
        client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = baseAddress });
    }

    /// <summary>The last HTML page loaded (the source of the next form's antiforgery token); API answers do not count.</summary>
    public string LastHtml { get; private set; } = "";

    /// <summary>Loads a page.</summary>
    public async Task<WebPage> GetAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>Posts a form with the antiforgery token of <paramref name="tokenFrom"/> (default: the last page loaded).</summary>
    public async Task<WebPage> PostAsync(string url, IReadOnlyDictionary<string, string?> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!);
        form["__RequestVerificationToken"] = AntiforgeryToken(tokenFrom ?? LastHtml);
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>Posts a form whose fields may repeat (check boxes), with the antiforgery token of the last page loaded.</summary>
    public async Task<WebPage> PostFieldsAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = fields.Append(new("__RequestVerificationToken", AntiforgeryToken(LastHtml))).ToList();
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>Loads <paramref name="url"/> and submits its form with <paramref name="fields"/>.</summary>
    public async Task<WebPage> SubmitAsync(string url, IReadOnlyDictionary<string, string?> fields)
    {
        var page = await GetAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url}: expected 200, got {(int)page.Status} {page.Location}");
        return await PostAsync(url, fields);
    }

    /// <summary>Sends a request with the browser's cookies, as a script on one of its pages would (API answers do not change <see cref="LastHtml"/>).</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => client.SendAsync(request);

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html ?? "");
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    /// <summary>The page without its antiforgery tokens (which differ on every render).</summary>
    public static string WithoutAntiforgeryTokens(string html) => TokenInput().Replace(html ?? "", "<input name=\"__RequestVerificationToken\" />");

    public void Dispose() => client.Dispose();

    private async Task<WebPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType == "text/html" && html.Length > 0)
        {
            LastHtml = html;
        }

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToArray() : [];
        return new WebPage(response.StatusCode, html, response.Headers.Location?.OriginalString, cookies);
    }

    [GeneratedRegex(@"<input[^>]*name=""__RequestVerificationToken""[^>]*value=""(?<token>[^""]*)""[^>]*>")]
    private static partial Regex TokenInput();
}

/// <summary>A response as the browser saw it.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Html">The body.</param>
/// <param name="Location">Where a redirect points.</param>
/// <param name="SetCookies">The Set-Cookie headers.</param>
public sealed record WebPage(HttpStatusCode Status, string Html, string? Location, IReadOnlyList<string> SetCookies)
{
    /// <summary>Whether the response sets (not deletes) the cookie <paramref name="name"/>.</summary>
    public bool Sets(string name) => SetCookies.Any(c => c.StartsWith(name + "=", StringComparison.Ordinal) && !c.StartsWith(name + "=;", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the response deletes the cookie <paramref name="name"/>.</summary>
    public bool Deletes(string name) => SetCookies.Any(c => c.StartsWith(name + "=", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    /// <summary>The redirect target's path (without the query).</summary>
    public string? LocationPath => Location?.Split('?')[0];

    /// <summary>How many error summaries (「出现问题」) the page shows; a refused form shows exactly one, the layout's.</summary>
    public int ErrorSummaries => Html.Split("id=\"error-summary-title\"", StringSplitOptions.None).Length - 1;
}
