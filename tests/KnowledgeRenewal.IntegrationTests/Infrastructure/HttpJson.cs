using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// Reading JSON answers in assertions: as typed answer records (<see cref="ReadAsAsync{T}"/>, <see cref="GetAsAsync{T}"/>)
/// or, where a test looks at the raw document (a property that must be absent, an open-ended shape), as a
/// <see cref="JsonElement"/>.
/// </summary>
public static class HttpJson
{
    /// <summary>
    /// How answer records are read: camelCase names matched exactly, numbers only as numbers, and as strictly as
    /// <c>GetProperty</c> was — a record's constructor parameter without a default must be present, and a property not
    /// declared nullable must not be null.
    /// </summary>
    public static readonly JsonSerializerOptions Answers = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>As <see cref="Answers"/>, for OData entities: property names as the EDM has them (PascalCase).</summary>
    public static readonly JsonSerializerOptions ODataAnswers = new(Answers) { PropertyNamingPolicy = null };

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.ReadJsonAsync(expected, url);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected, string what = "")
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>GETs <paramref name="url"/>, asserts the status and reads the answer as <typeparamref name="T"/>.</summary>
    public static async Task<T> GetAsAsync<T>(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.ReadAsAsync<T>(expected, url, options);
    }

    /// <summary>Asserts the status and reads the answer as <typeparamref name="T"/> (strictly: see <see cref="Answers"/>).</summary>
    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response, HttpStatusCode expected, string what = "", JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        T answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync<T>(options ?? Answers) ?? throw new JsonException("the answer is null");
        }
        catch (JsonException exception)
        {
            throw new Xunit.Sdk.XunitException($"{what}: the answer is not a {typeof(T).Name}: {exception.Message}\n{body}");
        }

        if (answer is JsonAnswer whole)
        {
            using var document = JsonDocument.Parse(body);
            whole.Json = document.RootElement.Clone();
        }

        return answer;
    }

    /// <summary>Reads a JSON element as <typeparamref name="T"/> (strictly: see <see cref="Answers"/>).</summary>
    public static T As<T>(this JsonElement element, JsonSerializerOptions? options = null)
    {
        T answer;
        try
        {
            answer = element.Deserialize<T>(options ?? Answers) ?? throw new JsonException("the answer is null");
        }
        catch (JsonException exception)
        {
            throw new Xunit.Sdk.XunitException($"not a {typeof(T).Name}: {exception.Message}\n{element.GetRawText()}");
        }

        if (answer is JsonAnswer whole)
        {
            whole.Json = element.Clone();
        }

        return answer;
    }

    /// <summary>The string values of an array, or of one property of each of its objects.</summary>
    public static IEnumerable<string> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => (property.Length == 0 ? e : e.GetProperty(property)).GetString()!);

    /// <summary>Asserts a problem details body: status, stable code, Chinese title, and no stack trace.</summary>
    public static async Task<ProblemAnswer> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("StackTrace", body, StringComparison.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.As<ProblemAnswer>();
        Assert.Equal(code, problem.Code);
        Assert.Equal((int)status, problem.Status);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Title);
        return problem;
    }
}
