using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.OpenApi;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// Keeps the OpenAPI document true to what the endpoints bind:
/// <list type="bullet">
/// <item>By default a schema is named after its type's simple name, so two types of one name in different areas
/// (the ledger's and the declarations' <c>ReviewBody</c>) share one schema and one endpoint is described with the
/// other's body. A simple name the platform's (or an enabled module's) types use more than once is prefixed with its
/// namespace's last part: <c>LedgerReviewBody</c>, <c>DeclarationsReviewBody</c>.</item>
/// <item>Enums are read and written by name (<see cref="MemberEnumConverterFactory"/>): their schemas list the names.</item>
/// </list>
/// </summary>
public static class OpenApiDocumentRules
{
    /// <summary>Applies the rules to the document's options; <paramref name="apiAssemblies"/> hold the API's bodies and answers.</summary>
    public static void Apply(OpenApiOptions options, IReadOnlyCollection<Assembly> apiAssemblies)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ambiguous = new Lazy<HashSet<string>>(() => AmbiguousNames(apiAssemblies));
        options.CreateSchemaReferenceId = typeInfo => SchemaId(typeInfo, ambiguous.Value);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum && schema.Enum is not { Count: > 0 })
            {
                schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name))];
            }

            return Task.CompletedTask;
        });
    }

    private static string? SchemaId(JsonTypeInfo typeInfo, HashSet<string> ambiguous)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        var type = typeInfo.Type;
        return id is not null && !type.IsGenericType && id == type.Name && ambiguous.Contains(type.Name)
            ? (type.Namespace?.Split('.')[^1] ?? "") + id
            : id;
    }

    // Type names that occur more than once among the assemblies whose types make up the API.
    private static HashSet<string> AmbiguousNames(IReadOnlyCollection<Assembly> apiAssemblies) =>
        [.. apiAssemblies
            .Append(typeof(PlatformException).Assembly)
            .Distinct()
            .SelectMany(TypesOf)
            .Where(t => !t.IsGenericType && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)];

    private static IEnumerable<Type> TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }
}
