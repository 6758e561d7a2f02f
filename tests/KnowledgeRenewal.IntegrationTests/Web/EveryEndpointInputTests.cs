using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OData.Edm;
using Xunit.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// Bad input against every endpoint of the running host — read from its endpoint data source and OData models, so
/// new endpoints, bodies, fields and entity sets are covered without touching this test — sent by every role and
/// an anonymous caller: an enum field or parameter with a number outside its set, a string field with NUL or a
/// bidirectional override, an OData <c>$filter</c> with numbers beyond a property's range, an OData query naming
/// what does not exist. No caller may get a 2xx or a 5xx; a caller allowed to reach the endpoint gets a 400 naming
/// the field; OData errors are Chinese problems without .NET type names.
/// </summary>
public sealed class EveryEndpointInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] NumericEdmTypes = ["Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Decimal", "Edm.Double", "Edm.Single", "Edm.Byte"];

    private static readonly string[] TechnicalText = ["KnowledgeRenewal", "System.", "Microsoft.", "Edm.", "=>", "DbSet", "LINQ", "   at "];

    // A fresh platform per test (xUnit makes one instance per test); the public objection endpoint is rate-limited
    // per address: all probes come from one.
    private readonly TestPlatform platform = new(new Dictionary<string, string?> { ["Projects:ObjectionsPerMinute"] = "1000", ["Complaints:PublicRequestsPerMinute"] = "1000", ["Supervision:Inspections:PublicReadsPerMinute"] = "1000" });
    private PlatformFactory factory = null!;
    private readonly List<(string Name, HttpClient Client)> callers = [];

    public async Task InitializeAsync()
    {
        await platform.InitializeAsync();
        factory = platform.Factory;
        callers.Add(("anonymous", factory.CreateClient()));
        foreach (var role in PlatformRoles.All)
        {
            callers.Add((role, await platform.ClientAsync(role)));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (_, client) in callers)
        {
            client.Dispose();
        }

        await platform.DisposeAsync();
    }

    [Fact]
    public async Task Every_enum_field_of_every_JSON_body_refuses_a_number_outside_its_set()
    {
        var probes = (from endpoint in JsonBodyEndpoints()
                      from field in Fields(endpoint.BodyType).Where(f => f.Kind == FieldKind.Enum)
                      select (endpoint, field)).ToArray();
        Assert.Contains(probes, p => p.endpoint.Url == "/api/credit-records" && p.field.Path == "category");
        Assert.Contains(probes, p => p.endpoint.Url.StartsWith("/api/health/", StringComparison.Ordinal));
        output.WriteLine($"{probes.Length} enum fields");

        var failures = new List<string>();
        foreach (var (endpoint, field) in probes)
        {
            var value = JsonValue.Create(UndefinedNumber(field.Type));
            await ProbeAsync(endpoint.Method, endpoint.Url, Body(field, value), field.Path, "invalid_enum", failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_string_field_of_every_JSON_body_refuses_NUL_and_bidirectional_overrides()
    {
        var probes = (from endpoint in JsonBodyEndpoints()
                      from field in Fields(endpoint.BodyType).Where(f => f.Kind == FieldKind.Text)
                      select (endpoint, field)).ToArray();
        Assert.Contains(probes, p => p.endpoint.Url == "/api/credit-records" && p.field.Path == "title");
        Assert.Contains(probes, p => p.endpoint.Url.EndsWith("/objections", StringComparison.Ordinal) && p.field.Path == "reason");
        output.WriteLine($"{probes.Length} string fields");

        var failures = new List<string>();
        foreach (var (endpoint, field) in probes)
        {
            foreach (var text in new[] { "probe\u0000text", "probe\u202Etxt.exe" })
            {
                await ProbeAsync(endpoint.Method, endpoint.Url, Body(field, JsonValue.Create(text)), field.Path, "invalid_character", failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_enum_parameter_of_a_route_or_query_refuses_a_number_outside_its_set()
    {
        var probes = (from endpoint in RouteEndpoints()
                      let method = endpoint.Metadata.GetMetadata<MethodInfo>()
                      where method is not null
                      from parameter in method.GetParameters()
                      let type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType
                      where type.IsEnum && parameter.GetCustomAttribute<FromBodyAttribute>() is null
                      from verb in Verbs(endpoint)
                      select (Verb: verb, Url: Fill(endpoint.RoutePattern), Name: parameter.Name!, Type: type)).ToArray();
        Assert.Contains(probes, p => p.Url == "/api/credit-records" && p.Name == "status");
        Assert.Contains(probes, p => p.Url.StartsWith("/api/health/", StringComparison.Ordinal));

        var failures = new List<string>();
        foreach (var probe in probes)
        {
            var url = $"{probe.Url}?{probe.Name}={UndefinedNumber(probe.Type).ToString(CultureInfo.InvariantCulture)}";
            await ProbeAsync(probe.Verb, url, probe.Verb == "GET" ? null : new JsonObject(), probe.Name, "invalid_enum", failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_numeric_property_of_every_OData_set_answers_numbers_beyond_its_range_with_a_400()
    {
        var failures = new List<string>();
        var probed = 0;
        foreach (var (prefix, set, caller) in EntitySets())
        {
            foreach (var property in set.EntityType.StructuralProperties().Where(p => NumericEdmTypes.Contains(p.Type.FullName())))
            {
                foreach (var literal in new[] { "1e29", "1e400", "-1e400", "INF", "-INF", "NaN", "99999999999999999999999999999999", "79228162514264337593543950336M" })
                {
                    var url = $"/{prefix}/{set.Name}?$filter={Uri.EscapeDataString($"{property.Name} gt {literal}")}&$top=1";
                    using var response = await caller.GetAsync(new Uri(url, UriKind.Relative));
                    var body = await response.Content.ReadAsStringAsync();
                    probed++;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        // A double property compares with any double: fine, as long as the decimal's overflow is refused.
                        if (property.Type.FullName() == "Edm.Decimal")
                        {
                            failures.Add($"{url} → 200 (a decimal cannot hold {literal})");
                        }

                        continue;
                    }

                    if (response.StatusCode != HttpStatusCode.BadRequest || !IsProblem(response, body, out var code) || code is not (ProblemCodes.ODataValueOutOfRange or ProblemCodes.ODataInvalidQuery))
                    {
                        failures.Add($"{url} → {(int)response.StatusCode} {Cut(body)}");
                    }
                    else if (Technical(body) is { } leak)
                    {
                        failures.Add($"{url} → 400 quoting “{leak}”: {Cut(body)}");
                    }
                }
            }
        }

        output.WriteLine($"{probed} filters");
        Assert.True(probed > 100, $"only {probed} filters");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_OData_set_answers_bad_queries_with_a_Chinese_problem_without_dotnet_names()
    {
        var failures = new List<string>();
        foreach (var (prefix, set, caller) in EntitySets())
        {
            var key = set.EntityType.Key().First().Name;
            var text = set.EntityType.StructuralProperties().FirstOrDefault(p => p.Type.IsString())?.Name;
            var queries = new List<string>
            {
                "$filter=NoSuchProperty eq 1",
                "$orderby=NoSuchProperty",
                "$select=NoSuchProperty",
                "$expand=NoSuchNavigation",
                "$apply=groupby((NoSuchProperty))",
                $"$filter=no_such_function({key})",
                $"$filter={key} eq",
                "$top=abc",
            };
            if (text is not null)
            {
                queries.Add($"$filter={text} eq 1");
            }

            foreach (var query in queries)
            {
                var url = $"/{prefix}/{set.Name}?{query}";
                using var response = await caller.GetAsync(new Uri(url, UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !IsProblem(response, body, out _))
                {
                    failures.Add($"{url} → {(int)response.StatusCode} {Cut(body)}");
                    continue;
                }

                using var problem = JsonDocument.Parse(body);
                var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
                if (!HasChinese(problem.RootElement.GetProperty("title").GetString()) || !HasChinese(detail))
                {
                    failures.Add($"{url} → 400 without a Chinese title and detail: {Cut(body)}");
                }
                else if (Technical(body) is { } leak)
                {
                    failures.Add($"{url} → 400 quoting “{leak}”: {Cut(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // Sends the probe as every caller: nobody gets 2xx or 5xx; someone allowed to reach the endpoint gets 400 naming the field.
    private async Task ProbeAsync(string method, string url, JsonNode? body, string field, string fieldCode, List<string> failures)
    {
        var named = false;
        var seen = new List<string>();
        foreach (var (name, client) in callers)
        {
            using var message = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            seen.Add($"{name} {status}");
            if (status is < 300 or >= 500)
            {
                failures.Add($"{method} {url} {field}: {name} → {status} {Cut(text)}");
                return;
            }

            named |= status == 400 && NamesField(text, field, fieldCode);
        }

        if (!named)
        {
            failures.Add($"{method} {url} {field}: no caller got a 400 naming the field ({string.Join(", ", seen)})");
        }
    }

    private static bool NamesField(string body, string field, string code)
    {
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            && errors.EnumerateArray().Any(e => e.GetProperty("field").GetString() == field && e.GetProperty("code").GetString() == code && HasChinese(e.GetProperty("message").GetString()));
    }

    private static bool IsProblem(HttpResponseMessage response, string body, out string? code)
    {
        code = null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        using var problem = JsonDocument.Parse(body);
        code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        return code is not null && HasChinese(problem.RootElement.GetProperty("title").GetString());
    }

    private static string? Technical(string body) => TechnicalText.FirstOrDefault(t => body.Contains(t, StringComparison.Ordinal));

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static string Cut(string text) => text.Length > 400 ? text[..400] + "…" : text;

    // Every set of every OData route component, with a caller that may read it.
    private IEnumerable<(string Prefix, IEdmEntitySet Set, HttpClient Caller)> EntitySets()
    {
        var office = callers.Single(c => c.Name == PlatformRoles.ProgramOfficeAdmin).Client;
        var audit = callers.Single(c => c.Name == PlatformRoles.AuditAdmin).Client;
        foreach (var (prefix, (model, _)) in factory.Services.GetRequiredService<IOptions<ODataOptions>>().Value.RouteComponents)
        {
            foreach (var set in model.EntityContainer.EntitySets())
            {
                yield return (prefix, set, prefix == "odata/audit" ? audit : office);
            }
        }
    }

    private IEnumerable<RouteEndpoint> RouteEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !(e.RoutePattern.RawText ?? "").Contains("{**", StringComparison.Ordinal));

    private static IEnumerable<string> Verbs(RouteEndpoint endpoint) =>
        (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE");

    // Every endpoint that binds a JSON body, with its route filled in (the body is read before any handler looks at ids).
    private IEnumerable<(string Method, string Url, Type BodyType)> JsonBodyEndpoints() =>
        from endpoint in RouteEndpoints()
        let accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()
        where accepts?.RequestType is not null && accepts.ContentTypes.Contains("application/json")
        from verb in Verbs(endpoint)
        select (verb, Fill(endpoint.RoutePattern), accepts.RequestType!);

    private static string Fill(RoutePattern pattern)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "guid") => Guid.NewGuid().ToString(),
                    RoutePatternParameterPart parameter when parameter.ParameterPolicies.Any(p => p.Content == "int") => "2025",
                    RoutePatternParameterPart parameter when parameter.Name == "scope" => "health",
                    RoutePatternParameterPart => "probe",
                    _ => "",
                });
            }
        }

        return url.ToString();
    }

    private enum FieldKind
    {
        Text,
        Enum,
    }

    private sealed record Field(string Path, FieldKind Kind, Type Type, IReadOnlyList<string> Segments);

    // The string and enum fields of a body type as the API's JSON options name them, down its objects and lists.
    private IEnumerable<Field> Fields(Type bodyType)
    {
        var options = factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return Walk(options, bodyType, [], depth: 0);
    }

    private static IEnumerable<Field> Walk(JsonSerializerOptions options, Type type, IReadOnlyList<string> segments, int depth)
    {
        var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        if (info.Kind != JsonTypeInfoKind.Object || depth > 4)
        {
            yield break;
        }

        foreach (var property in info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var path = segments.Append(property.Name).ToArray();
            if (propertyType == typeof(string))
            {
                yield return new Field(PathOf(path), FieldKind.Text, propertyType, path);
            }
            else if (propertyType.IsEnum)
            {
                yield return new Field(PathOf(path), FieldKind.Enum, propertyType, path);
            }
            else if (options.GetTypeInfo(propertyType) is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element })
            {
                var item = Nullable.GetUnderlyingType(element) ?? element;
                var itemPath = path.Append("[0]").ToArray();
                if (item == typeof(string))
                {
                    yield return new Field(PathOf(itemPath), FieldKind.Text, item, itemPath);
                }
                else if (item.IsEnum)
                {
                    yield return new Field(PathOf(itemPath), FieldKind.Enum, item, itemPath);
                }
                else
                {
                    foreach (var field in Walk(options, item, itemPath, depth + 1))
                    {
                        yield return field;
                    }
                }
            }
            else if (propertyType.Namespace?.StartsWith("KnowledgeRenewal", StringComparison.Ordinal) == true)
            {
                foreach (var field in Walk(options, propertyType, path, depth + 1))
                {
                    yield return field;
                }
            }
        }
    }

    private static string PathOf(IEnumerable<string> segments) => string.Join('.', segments).Replace(".[", "[", StringComparison.Ordinal);

    // A JSON body with only the probed field set, nested as its path says.
    private static JsonNode Body(Field field, JsonNode value)
    {
        JsonNode current = value;
        for (var i = field.Segments.Count - 1; i >= 0; i--)
        {
            current = field.Segments[i] == "[0]" ? new JsonArray(current) : new JsonObject { [field.Segments[i]] = current };
        }

        return current;
    }

    private static long UndefinedNumber(Type enumType)
    {
        var values = Enum.GetValues(enumType).Cast<object>().Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToHashSet();
        if (enumType.IsDefined(typeof(FlagsAttribute)))
        {
            var mask = values.Aggregate(0L, (all, v) => all | v);
            return Enumerable.Range(0, 30).Select(bit => 1L << bit).First(bit => (mask & bit) == 0);
        }

        var number = 999L;
        while (values.Contains(number))
        {
            number++;
        }

        return number;
    }
}
