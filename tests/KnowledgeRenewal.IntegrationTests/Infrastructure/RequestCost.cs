using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Kernel.Diagnostics;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// The SQL commands ONE request sent, read from its own <c>Server-Timing</c> header (ADR 0009: the host counts per
/// request, so the count is exact while other requests or background work run). Needs a host with
/// <c>Platform:ServerTiming</c> on (<see cref="PlatformFixture"/>). Every answer carries it: pages, REST, OData.
/// </summary>
public static partial class RequestCost
{
    /// <summary>The SQL commands counted in <paramref name="response"/>'s <c>Server-Timing</c> header; fails without one.</summary>
    public static int SqlCommands(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(
            response.Headers.TryGetValues(ServerTiming.Header, out var timing),
            $"{response.RequestMessage?.RequestUri}: no {ServerTiming.Header} header (is Platform:ServerTiming on?)");
        var match = SqlCount().Match(string.Join(",", timing));
        Assert.True(match.Success, $"{response.RequestMessage?.RequestUri}: no sql entry in {ServerTiming.Header}: {string.Join(",", timing)}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Sends GET <paramref name="url"/> and returns its status, body and SQL commands. Fails when a command of the
    /// request ran after its header was sent (a streamed answer reading on): the header would undercount it.
    /// </summary>
    public static async Task<Cost> MeasureAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var uncounted = ServerTiming.UncountedCommands;
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var commands = SqlCommands(response);
        var late = ServerTiming.UncountedCommands - uncounted;
        Assert.True(late == 0, $"{url}: {late} SQL commands ran after the answer had started, uncounted by its {ServerTiming.Header} header");
        return new Cost(url, response.StatusCode, response.Content.Headers.ContentType?.MediaType, commands, body);
    }

    [GeneratedRegex("sql;dur=[0-9.]+;desc=\"([0-9]+)\"")]
    private static partial Regex SqlCount();

    /// <summary>What one request cost.</summary>
    /// <param name="Url">The address.</param>
    /// <param name="Status">Its status.</param>
    /// <param name="MediaType">The answer's media type.</param>
    /// <param name="Commands">SQL commands it sent.</param>
    /// <param name="Body">The answer.</param>
    public sealed record Cost(string Url, HttpStatusCode Status, string? MediaType, int Commands, string Body)
    {
        /// <summary>Whether the answer is JSON (REST or OData).</summary>
        public bool IsJson => MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
    }
}
