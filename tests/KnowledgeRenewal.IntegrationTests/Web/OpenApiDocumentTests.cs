using System.Text;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// The OpenAPI document tells the truth about request bodies: for every endpoint that binds a JSON body, the
/// document's request schema has exactly the fields of the type the handler binds (the probe found the declaration
/// review described as <c>{reason}</c> — the ledger's body of the same type name — while it takes
/// <c>{decision, comment}</c>), and enums list their names.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class OpenApiDocumentTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_declaration_review_is_described_with_decision_and_comment()
    {
        var document = await platform.Client.GetJsonAsync("/openapi/v1.json");

        foreach (var step in new[] { "employer-review", "department-review" })
        {
            var schema = RequestSchema(document, $"/api/declarations/{{id}}/{step}", "post");
            Assert.Equal(["comment", "decision"], Properties(document, schema!.Value).Order(StringComparer.Ordinal));
        }

        Assert.Equal(["reason"], Properties(document, RequestSchema(document, "/api/credit-records/{id}/approve", "post")!.Value));
    }

    [Fact]
    public async Task Every_JSON_body_is_described_with_the_fields_of_the_type_the_endpoint_binds()
    {
        var document = await platform.Client.GetJsonAsync("/openapi/v1.json");
        var options = platform.Factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var endpoints = platform.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>()))
            .Where(e => e.Accepts?.RequestType is not null && e.Accepts.ContentTypes.Contains("application/json"))
            .ToArray();
        Assert.True(endpoints.Length > 30, $"only {endpoints.Length} JSON-body endpoints found");

        var mismatches = new List<string>();
        foreach (var (endpoint, accepts) in endpoints)
        {
            var path = OpenApiPath(endpoint.RoutePattern);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var schema = RequestSchema(document, path, method.ToLowerInvariant());
                var expected = options.GetTypeInfo(accepts!.RequestType!).Properties.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
                var described = schema is null ? [] : Properties(document, schema.Value).Order(StringComparer.Ordinal).ToArray();
                if (!expected.SequenceEqual(described))
                {
                    mismatches.Add($"{method} {path}: binds {accepts.RequestType!.Name} {{{string.Join(", ", expected)}}}, documented {{{string.Join(", ", described)}}}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task Enum_schemas_list_their_names()
    {
        var document = await platform.Client.GetJsonAsync("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        Assert.Equal(["Public", "Professional"], schemas.GetProperty("CreditCategory").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("Patent", schemas.GetProperty("ActivityType").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_document_says_how_to_authorize_and_which_operations_need_it()
    {
        var document = await platform.Client.GetJsonAsync("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        var flows = scheme.GetProperty("flows");
        Assert.Equal("/connect/token", flows.GetProperty("password").GetProperty("tokenUrl").GetString());
        Assert.Equal("/connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Equal(FeedScopes.All.Order(StringComparer.Ordinal), flows.GetProperty("clientCredentials").GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        // Every documented operation: a requirement of the scheme exactly when its endpoint is not anonymous.
        var endpoints = platform.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .ToArray();
        var checkedOperations = 0;
        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = OpenApiPath(endpoint.RoutePattern);
            if (!document.GetProperty("paths").TryGetProperty(path, out var item))
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                if (!item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    continue;
                }

                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var required = operation.TryGetProperty("security", out var security)
                    && security.EnumerateArray().Any(r => r.TryGetProperty("oauth2", out _));
                if (required == anonymous)
                {
                    wrong.Add($"{method} {path}: anonymous {anonymous}, documented with security {required}");
                }

                checkedOperations++;
            }
        }

        Assert.True(checkedOperations > 100, $"only {checkedOperations} operations checked");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.False(document.GetProperty("paths").GetProperty("/api/public/certificates/{code}").GetProperty("get").TryGetProperty("security", out _));
        Assert.True(document.GetProperty("paths").GetProperty("/api/me").GetProperty("get").TryGetProperty("security", out _));
    }

    private static string OpenApiPath(RoutePattern pattern)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    private static JsonElement? RequestSchema(JsonElement document, string path, string method) =>
        document.GetProperty("paths").TryGetProperty(path, out var item) && item.TryGetProperty(method, out var operation)
            && operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    // The property names of a schema, through $ref and a nullable oneOf.
    private static IEnumerable<string> Properties(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Properties(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (schema.TryGetProperty("oneOf", out var options))
        {
            return options.EnumerateArray().Where(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                .SelectMany(o => Properties(document, o));
        }

        return schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name) : [];
    }
}
