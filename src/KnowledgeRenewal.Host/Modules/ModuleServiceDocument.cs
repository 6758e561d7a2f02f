using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeRenewal.Kernel.Modules;

namespace KnowledgeRenewal.Host.Modules;

/// <summary>
/// Makes the other OData services discoverable from the platform's service document (<c>GET /odata</c>, ADR 0028):
/// each enabled module with sets of its own (<c>/odata/{module}</c>) and the audit feed (<c>/odata/audit</c>) is listed
/// after the entity sets as an element of kind <c>ServiceDocument</c> (OData JSON Format 4.01 §5), its <c>url</c>
/// relative to the service root and its Chinese <c>title</c>. Everything else passes through untouched.
/// </summary>
internal static class ModuleServiceDocument
{
    /// <summary>Adds the entries to the answers of <c>GET /odata</c>.</summary>
    public static IApplicationBuilder UseModuleServiceDocument(this IApplicationBuilder app, ModuleRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var services = registry.Enabled
            .Where(m => HasSets(m.Module))
            .Select(m => (Name: m.Key, Title: $"{m.Manifest.NameZh}模块数据集"))
            .Append((Name: "audit", Title: "审计日志（仅审计管理员）"))
            .ToList();

        return app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.Value?.TrimEnd('/') is not "/odata")
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = original;
            }

            buffer.Position = 0;
            if (context.Response.StatusCode != StatusCodes.Status200OK
                || context.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true
                || JsonNode.Parse(buffer) is not JsonObject { } document
                || document["value"] is not JsonArray value)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            foreach (var (name, title) in services)
            {
                value.Add(new JsonObject { ["name"] = name, ["kind"] = "ServiceDocument", ["url"] = name, ["title"] = title });
            }

            context.Response.ContentLength = null;
            await using var writer = new Utf8JsonWriter(original);
            document.WriteTo(writer);
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        });
    }

    private static bool HasSets(Sdk.DepartmentModule module)
    {
        var builder = new Microsoft.OData.ModelBuilder.ODataConventionModelBuilder();
        module.BuildODataModel(builder);
        return builder.NavigationSources.Any();
    }
}
