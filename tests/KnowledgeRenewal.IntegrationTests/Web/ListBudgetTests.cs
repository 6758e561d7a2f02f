using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OData.Edm;
using Xunit.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// No N+1, no unbounded reads (issue 17, ADR 0031): every list the host answers — each REST <c>GET</c> endpoint that
/// returns a collection (read from the host's endpoint data source, as the authorization matrix does) and each entity
/// set of every OData route (<c>/odata</c>, the modules' feeds, <c>/odata/audit</c>) — sends at most
/// <see cref="MaxCommandsPerList"/> SQL commands, and as many for a page of <see cref="LargePage"/> rows as for a page
/// of <see cref="SmallPage"/>. The count is the request's own (<see cref="RequestCost"/>, the <c>Server-Timing</c>
/// header). A new endpoint or set is covered without touching this test; one left out is named in
/// <see cref="Excluded"/> with its reason.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class ListBudgetTests(PlatformFixture platform, ITestOutputHelper output)
{
    /// <summary>The most SQL commands one list request may send (sign-in, scope, count, page, lookups — never one per row).</summary>
    private const int MaxCommandsPerList = 12;

    /// <summary>
    /// Lookups a list may skip when no row on the page needs them (the credit records' provider names: a page whose
    /// rows have no provider sends none). Which rows a small page holds depends on what other tests wrote, so two
    /// requests of the same shape may differ by this much — never by one command per row.
    /// </summary>
    private const int OptionalLookups = 1;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<HttpClient>> signedIn = new(StringComparer.Ordinal);

    private const int SmallPage = 2;

    /// <summary>The large page: <see cref="Paging.MaxPageSize"/> for REST lists.</summary>
    private const int LargePage = Paging.MaxPageSize;

    /// <summary>The large OData page: the feeds' page size (<see cref="ODataLimits.PageSize"/>).</summary>
    private const int LargeTop = 200;

    /// <summary>
    /// REST lists left out, by route pattern, with the reason. The test fails when one names an endpoint that no
    /// longer exists (or is no longer a list), so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<string, string> Excluded = new(StringComparer.Ordinal)
    {
        // (/api/annual-plans, once excluded for a facts read per plan, is fixed: every year's facts are read together.)
        // The shared platform holds no event subscription, so this list has no id to read: creating one here would make
        // every event-raising save of the collection's other tests write outbox rows (ADR 0035) and move their budgets.
        // The query is one filtered, paged read of EventDeliveries (ListEventDeliveries); EventPushTests exercises it.
        ["/api/admin/event-subscriptions/{id:guid}/deliveries"] = "no subscription in the shared platform (one would change every other test's writes); exercised by EventPushTests",
    };

    /// <summary>
    /// Who measures an endpoint: the first of these demo accounts whose answer is a list with more rows on the large
    /// page than on the small one (else the first that may read it at all). Broadest scope first.
    /// </summary>
    private static readonly string[] Callers =
    [
        PlatformRoles.ProgramOfficeAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin, PlatformRoles.ProviderStaff,
        PlatformRoles.EmployerHr, PlatformRoles.Professional, PlatformRoles.AuditAdmin, PlatformRoles.SecurityAdmin, PlatformRoles.SystemAdmin,
    ];

    // Where the ids of a route come from, when not from the route's own parent list (its path up to the parameter).
    private static readonly Dictionary<string, string> IdSources = new(StringComparer.Ordinal)
    {
        ["/api/professionals"] = "/api/registry/professionals",
        ["/api/employers"] = "/api/registry/employers",
        ["classId"] = "/api/classes",
    };

    // Route values that are neither ids nor years, by parameter name.
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["indicator"] = "trainees",
    };

    private readonly Dictionary<(string Role, string Url), RequestCost.Cost> sources = [];

    [Fact]
    public async Task Every_REST_list_sends_a_bounded_number_of_commands_whatever_the_page_size()
    {
        var lists = RestLists().Where(e => !Excluded.ContainsKey(e.Pattern)).ToArray();
        Assert.Contains(lists, l => l.Pattern == "/api/credit-records/");
        Assert.Contains(lists, l => l.Pattern.StartsWith("/api/health/", StringComparison.Ordinal));

        var failures = new List<string>();
        var measured = new List<Measurement>();
        foreach (var list in lists)
        {
            var measurement = await MeasureAsync(list.Pattern, list.Paged, (url, size) => list.Paged ? With(url, $"pageSize={size}") : url, failures);
            if (measurement is not null)
            {
                measured.Add(measurement);
            }
        }

        Report(measured);
        Check(measured, failures);
        Assert.Contains(measured, m => m.Pattern == "/api/credit-records/" && m.Exercised);
        Assert.Contains(measured, m => m.Pattern == "/api/registry/professionals/" && m.Exercised);
        Assert.Contains(measured, m => m.Pattern == "/api/compliance/people" && m.Exercised);
        Assert.True(failures.Count == 0, "REST lists over budget or growing with the page size:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_OData_set_sends_a_bounded_number_of_commands_whatever_the_top()
    {
        var routes = platform.Factory.Services.GetRequiredService<IOptions<ODataOptions>>().Value.RouteComponents;
        var sets = (from route in routes
                    from set in route.Value.EdmModel.EntityContainer.EntitySets()
                    select $"/{route.Key}/{set.Name}").ToArray();
        Assert.Contains("/odata/CreditRecords", sets);
        Assert.Contains("/odata/audit/AuditRecords", sets);
        Assert.Contains(sets, s => s.StartsWith("/odata/health/", StringComparison.Ordinal));

        var failures = new List<string>();
        var measured = new List<Measurement>();
        foreach (var set in sets)
        {
            // $expand=* too: an expansion is part of the same query (or one per level), never one per row.
            var measurement = await MeasureAsync(set, paged: true, (url, top) => $"{url}?$top={top}&$expand=*&$count=true", failures);
            if (measurement is not null)
            {
                measured.Add(measurement);
            }
        }

        Report(measured);
        Check(measured, failures);
        Assert.Contains(measured, m => m.Pattern == "/odata/CreditRecords" && m.Exercised);
        Assert.Contains(measured, m => m.Pattern == "/odata/Professionals" && m.Exercised);
        Assert.True(failures.Count == 0, "OData sets over budget or growing with $top:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/api/credit-records?pageSize=100", "professionalId", 0)]
    [InlineData("/api/registry/professionals?pageSize=100", "employerId", 0)]
    [InlineData("/api/compliance/people?pageSize=100", "employerId", 1)] // the filter checks once that the caller may see the employer (404 otherwise)
    [InlineData("/odata/CreditRecords?$top=200&$count=true", null, 0)]
    [InlineData("/odata/Professionals?$top=200&$count=true", null, 0)]
    [InlineData("/odata/Compliance?$top=200&$count=true", null, 0)]
    public async Task The_largest_lists_send_as_many_commands_for_a_small_scope_as_for_the_whole_city(string url, string? narrowBy, int filterCost)
    {
        // Data volume: the whole city (the program office), one county (its administrator) and — same caller, same
        // scope — a filter down to a few rows send the same commands. A query per row or per organization would not.
        var city = await DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var county = await DemoClientAsync(PlatformRoles.CountyAdmin);
        await RequestCost.MeasureAsync(city, url);
        await RequestCost.MeasureAsync(county, url);
        var whole = await RequestCost.MeasureAsync(city, url);
        var part = await RequestCost.MeasureAsync(county, url);
        Assert.True(whole.Status == HttpStatusCode.OK && part.Status == HttpStatusCode.OK, $"{url}: {whole.Status}, {part.Status}");
        var (wholeRows, wholeTotal) = Rows(whole.Body);
        var (partRows, partTotal) = Rows(part.Body);
        output.WriteLine($"{url}: city {wholeRows}/{wholeTotal} rows {whole.Commands} commands; county {partRows}/{partTotal} rows {part.Commands} commands");
        Assert.True(wholeTotal > partTotal || wholeRows > partRows, $"{url}: the city ({wholeTotal}) should hold more rows than one county ({partTotal})");
        Assert.True(part.Commands <= MaxCommandsPerList && SameShape(Math.Min(part.Commands, whole.Commands), Math.Max(part.Commands, whole.Commands), wholeRows), $"{url}: the county's {part.Commands} commands, the city's {whole.Commands}");

        if (narrowBy is not null)
        {
            var id = FirstValue(whole.Body, narrowBy);
            Assert.False(string.IsNullOrEmpty(id), $"{url}: no {narrowBy} in the answer");
            var narrow = await RequestCost.MeasureAsync(city, With(url, $"{narrowBy}={id}"));
            var (narrowRows, _) = Rows(narrow.Body);
            output.WriteLine($"{url} by {narrowBy}: {narrowRows} rows {narrow.Commands} commands");
            Assert.True(narrow.Status == HttpStatusCode.OK && narrowRows < wholeRows, $"{narrow.Url}: {narrow.Status}, {narrowRows} rows");
            Assert.True(SameShape(narrow.Commands - filterCost, whole.Commands, wholeRows - narrowRows), $"{url}: {narrowRows} rows sent {narrow.Commands} commands, {wholeRows} rows {whole.Commands} (+{filterCost} for the filter)");
        }
    }

    /// <summary>
    /// This test's own client per demo role, signed in when first needed: a client cached by the shared fixture may
    /// hold a token that another test of the collection has since invalidated (a password or account change revokes
    /// the account's tokens), and that would read as a refusal here.
    /// </summary>
    private Task<HttpClient> DemoClientAsync(string role) =>
        signedIn.GetOrAdd(role, r => platform.Accounts.SignedInClientAsync(platform.DemoAccount(DemoAccounts.All.Single(a => a.Role == r).UserName)));

    [Fact]
    public void Every_exclusion_names_a_REST_list_of_the_host()
    {
        var lists = RestLists().Select(l => l.Pattern).ToHashSet(StringComparer.Ordinal);
        var stale = Excluded.Keys.Where(k => !lists.Contains(k)).ToArray();
        Assert.True(stale.Length == 0, "Excluded, but no such list endpoint: " + string.Join(", ", stale));
        Assert.All(Excluded, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{e.Key}: no reason given"));
    }

    // Measures one list: finds its caller and route values, then a large page and a small one (both again if they differ).
    private async Task<Measurement?> MeasureAsync(string pattern, bool paged, Func<string, int, string> page, List<string> failures)
    {
        Measurement? fallback = null;
        var refused = new List<string>();
        foreach (var role in Callers)
        {
            var client = await DemoClientAsync(role);
            var url = await FillAsync(pattern, role, client);
            if (url is null)
            {
                refused.Add($"{role}: no route values");
                continue;
            }

            var large = await RequestCost.MeasureAsync(client, page(url, LargePageFor(url)));
            if (large.Status != HttpStatusCode.OK || !large.IsJson)
            {
                refused.Add($"{role}: {(int)large.Status}");
                continue;
            }

            var small = await RequestCost.MeasureAsync(client, page(url, SmallPage));
            var most = large.Commands;
            if (paged && small.Commands != large.Commands)
            {
                // The caller's first request may warm what stays cached (its account, the module list): measure both again.
                large = await RequestCost.MeasureAsync(client, page(url, LargePageFor(url)));
                small = await RequestCost.MeasureAsync(client, page(url, SmallPage));
                most = large.Commands;
            }

            var measurement = new Measurement(pattern, role, paged, small, large, Rows(small.Body).Rows, Rows(large.Body).Rows, most);
            if (measurement.Exercised || !paged)
            {
                return measurement;
            }

            fallback ??= measurement;
        }

        if (fallback is null)
        {
            failures.Add($"{pattern}: no demo account could read it ({string.Join("; ", refused)}) — fill its route values or exclude it with a reason");
        }

        return fallback;
    }

    private static int LargePageFor(string url) => url.StartsWith("/odata", StringComparison.Ordinal) ? LargeTop : LargePage;

    private static void Check(List<Measurement> measured, List<string> failures)
    {
        foreach (var m in measured)
        {
            if (m.Most > MaxCommandsPerList || m.Small.Commands > MaxCommandsPerList)
            {
                failures.Add($"{m.Pattern} ({m.Role}): {Math.Max(m.Most, m.Small.Commands)} SQL commands, over {MaxCommandsPerList}");
            }

            // The same request shape sends the same commands, give or take a lookup no row on the small page needed; one
            // per row would add LargeRows − SmallRows, so the allowance stays below that.
            if (m.Paged && !SameShape(m.Small.Commands, m.Large.Commands, m.LargeRows - m.SmallRows))
            {
                failures.Add($"{m.Pattern} ({m.Role}): {m.SmallRows} rows sent {m.Small.Commands} SQL commands, {m.LargeRows} rows {m.Large.Commands}");
            }
        }
    }

    // Whether two requests of one shape sent the same commands: equal, or apart by at most OptionalLookups and by less
    // than the difference in rows (so a query per row always shows).
    private static bool SameShape(int fewer, int more, int rowDifference) =>
        fewer == more || (fewer < more && more - fewer <= Math.Min(OptionalLookups, rowDifference - 1));

    private void Report(List<Measurement> measured)
    {
        foreach (var m in measured.OrderBy(m => m.Pattern, StringComparer.Ordinal))
        {
            output.WriteLine($"{m.Pattern,-60} {m.Role,-20} {m.SmallRows,4} rows {m.Small.Commands,3} | {m.LargeRows,4} rows {m.Large.Commands,3}{(m.Paged && !m.Exercised ? "  (demo data too small to compare)" : "")}");
        }
    }

    // Every REST GET endpoint that answers a collection: a paged list (a pageSize parameter, a Paged<T> answer) or
    // an array. Pages, OData controllers and files are not REST lists.
    private IEnumerable<RestList> RestLists()
    {
        foreach (var endpoint in platform.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal) || !methods.Contains("GET"))
            {
                continue;
            }

            var method = endpoint.Metadata.GetMetadata<MethodInfo>();
            var paged = method?.GetParameters().Any(p => p.Name == "pageSize") == true;
            var answers = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode == StatusCodes.Status200OK && p.Type is not null).Select(p => p.Type!);
            if (method is not null)
            {
                answers = answers.Append(Unwrapped(method.ReturnType));
            }

            if (paged || answers.Any(IsCollection))
            {
                yield return new RestList(pattern, paged || answers.Any(IsPaged));
            }
        }
    }

    private static Type Unwrapped(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)) ? type.GetGenericArguments()[0] : type;

    private static bool IsPaged(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Paged<>);

    private static bool IsCollection(Type type) =>
        IsPaged(type) || (type != typeof(string) && type != typeof(byte[]) && !typeof(IResult).IsAssignableFrom(type) && typeof(IEnumerable).IsAssignableFrom(type));

    // The route with its values: ids from the caller's own view of the parent list, years from the program's years.
    private async Task<string?> FillAsync(string pattern, string role, HttpClient client)
    {
        var parsed = RoutePatternFactory.Parse(pattern);
        var url = new StringBuilder();
        foreach (var segment in parsed.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        url.Append(literal.Content);
                        break;
                    case RoutePatternSeparatorPart separator:
                        url.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter:
                        var value = await ValueAsync(url.ToString().TrimEnd('/'), parameter, role, client);
                        if (value is null)
                        {
                            return null;
                        }

                        url.Append(Uri.EscapeDataString(value));
                        break;
                }
            }
        }

        return url.ToString();
    }

    private async Task<string?> ValueAsync(string parent, RoutePatternParameterPart parameter, string role, HttpClient client)
    {
        if (parameter.ParameterPolicies.Any(p => p.Content == "int") && parameter.Name.Contains("year", StringComparison.OrdinalIgnoreCase))
        {
            return DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
        }

        if (Values.TryGetValue(parameter.Name, out var value))
        {
            return value;
        }

        var source = IdSources.GetValueOrDefault(parameter.Name) ?? IdSources.GetValueOrDefault(parent) ?? parent;
        if (!sources.TryGetValue((role, source), out var list))
        {
            list = await RequestCost.MeasureAsync(client, With(source, $"pageSize={LargePage}"));
            sources[(role, source)] = list;
        }

        return list.Status == HttpStatusCode.OK && list.IsJson ? FirstValue(list.Body, "id") : null;
    }

    private static string With(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    // The rows of a list answer: an array, a page ("items", "total") or an OData feed ("value", "@odata.count").
    private static (int Rows, int Total) Rows(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return (root.GetArrayLength(), root.GetArrayLength());
        }

        foreach (var name in new[] { "items", "value" })
        {
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                var total = (root.TryGetProperty("total", out var t) || root.TryGetProperty("@odata.count", out t)) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : items.GetArrayLength();
                return (items.GetArrayLength(), total);
            }
        }

        return (0, 0);
    }

    // The first row's value of a property (camelCase or PascalCase) in a list answer.
    private static string? FirstValue(string body, string property)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var rows = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("items", out var items) ? items
            : root.TryGetProperty("value", out var value) ? value
            : default;
        if (rows.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var row in rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object))
        {
            foreach (var field in row.EnumerateObject().Where(f => string.Equals(f.Name, property, StringComparison.OrdinalIgnoreCase)))
            {
                if (field.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                {
                    return field.Value.ToString();
                }
            }
        }

        return null;
    }

    private sealed record RestList(string Pattern, bool Paged);

    private sealed record Measurement(string Pattern, string Role, bool Paged, RequestCost.Cost Small, RequestCost.Cost Large, int SmallRows, int LargeRows, int Most)
    {
        /// <summary>Whether the large page held more rows than the small one: only then can the comparison see a query per row.</summary>
        public bool Exercised => LargeRows > SmallRows;
    }
}
