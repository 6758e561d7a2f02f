using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>Server-driven keyset paging: opaque <c>$skiptoken</c>s, stable under inserts, read with a key predicate (ADR 0023).</summary>
public sealed class KeysetPagingTests(ODataSyncPlatform platform) : IClassFixture<ODataSyncPlatform>
{
    [Fact]
    public async Task Paging_through_a_set_while_rows_are_inserted_repeats_and_loses_nothing_and_reads_by_key()
    {
        var (employer, original) = await platform.AddStaffAsync(PlatformFixtureBase.CountyA, 12);
        var client = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        var seen = new List<Guid>();
        var url = $"/odata/Professionals?$select=Id&$filter=EmployerId eq {employer.Id}";
        var page = 0;
        IReadOnlyList<string> sqlOfPage3 = [];
        while (url is not null)
        {
            JsonElement body = default;
            var sql = await platform.Sql.CaptureAsync(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("Prefer", "odata.maxpagesize=5");
                using var response = await client.SendAsync(request);
                body = await response.ReadJsonAsync(HttpStatusCode.OK, url);
                Assert.Equal("odata.maxpagesize=5", Assert.Single(response.Headers.GetValues("Preference-Applied")));
            });
            page++;
            if (page == 3)
            {
                sqlOfPage3 = sql;
            }

            seen.AddRange(body.GetProperty("value").EnumerateArray().Select(p => p.GetProperty("Id").GetGuid()));
            if (page <= 2)
            {
                await platform.AddPeopleAsync(employer, 4); // new keys land before and after the cursor
            }

            url = body.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!).PathAndQuery : null;
            if (url is not null)
            {
                Assert.Contains("$skiptoken=", url, StringComparison.Ordinal);
                Assert.DoesNotContain("$skip=", url, StringComparison.Ordinal);
            }
        }

        Assert.True(page >= 3, $"expected at least three pages, got {page}");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(original.Except(seen));
        var read = Assert.Single(sqlOfPage3, c => c.Contains("FROM \"Professionals\"", StringComparison.Ordinal));
        Assert.Matches("\"Id\" > ", read);
        Assert.DoesNotContain("OFFSET", read, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Paging_under_a_client_order_encodes_the_order_values_and_the_key()
    {
        var (employer, people) = await platform.AddStaffAsync(PlatformFixtureBase.CountyB, 7);
        var client = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        var names = new List<string>();
        var ids = new List<Guid>();
        var url = $"/odata/Professionals?$select=Id,Name&$orderby=Name desc&$filter=EmployerId eq {employer.Id}";
        while (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Prefer", "odata.maxpagesize=2");
            using var response = await client.SendAsync(request);
            var body = await response.ReadJsonAsync(HttpStatusCode.OK, url);
            foreach (var row in body.GetProperty("value").EnumerateArray())
            {
                names.Add(row.GetProperty("Name").GetString()!);
                ids.Add(row.GetProperty("Id").GetGuid());
            }

            url = body.TryGetProperty("@odata.nextLink", out var next) ? new Uri(next.GetString()!).PathAndQuery : null;
        }

        Assert.Equal(people.Order(), ids.Order());
        Assert.Equal(names.OrderDescending(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task A_skiptoken_that_is_malformed_or_from_another_set_or_order_is_a_400()
    {
        await platform.AddEmployerAsync(PlatformFixtureBase.CountyA);
        await platform.AddEmployerAsync(PlatformFixtureBase.CountyB);
        var client = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Employers?$select=Id");
        request.Headers.Add("Prefer", "odata.maxpagesize=1");
        using var employers = await client.SendAsync(request);
        var next = new Uri((await employers.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("@odata.nextLink").GetString()!);
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(next.Query)["$skiptoken"].ToString();

        foreach (var url in new[]
        {
            "/odata/Professionals?$skiptoken=Id-5",
            "/odata/Professionals?$skiptoken=%E4%BD%A0",
            $"/odata/Professionals?$skiptoken={Uri.EscapeDataString(token)}",
            $"/odata/Employers?$orderby=Name&$skiptoken={Uri.EscapeDataString(token)}",
        })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataSkipTokenInvalid);
        }

        using var same = await client.GetAsync(new Uri($"/odata/Employers?$select=Id&$skiptoken={Uri.EscapeDataString(token)}", UriKind.Relative));
        Assert.NotEqual(0, (await same.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("value").GetArrayLength());
    }
}
