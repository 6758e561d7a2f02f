using KnowledgeRenewal.Sdk;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// An area's share of the platform's feeds at <c>/odata</c>: the entity sets it publishes and what of each entity
/// stays out of <c>$metadata</c>. Parts are applied in <see cref="Order"/>, which is also the order of the sets in the
/// service document. Each part's feed controllers live beside it in the area's <c>Web</c> folder.
/// </summary>
public interface IEdmModelPart
{
    /// <summary>Position among the parts.</summary>
    int Order { get; }

    /// <summary>Adds the part's sets and types.</summary>
    void Build(ODataConventionModelBuilder builder);

    /// <summary>
    /// The part's descriptive table (ADR 0028): the Chinese label of each of its sets and of each property of the types
    /// it declares, its enums' member labels (the pages' labels), and where <c>$search</c> looks.
    /// </summary>
    void Describe(EdmDescriptions descriptions);
}

/// <summary>Builds the platform's entity data model from the areas' parts.</summary>
public static class PlatformEdm
{
    /// <summary>Adds an area's part of the model (read when the host builds the model, before the container exists).</summary>
    public static IServiceCollection AddEdmModelPart<TPart>(this IServiceCollection services)
        where TPart : class, IEdmModelPart, new() =>
        services.AddSingleton<IEdmModelPart>(new TPart());

    /// <summary>The model of <c>/odata</c>: every registered part, in order, in the platform's namespace.</summary>
    public static IEdmModel Build(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new ODataConventionModelBuilder { Namespace = EdmNames.Namespace, ContainerName = "Platform" };
        var tables = new Dictionary<Type, EdmDescriptions>();
        foreach (var part in services.Select(d => d.ImplementationInstance).OfType<IEdmModelPart>().OrderBy(p => p.Order))
        {
            var before = builder.StructuralTypes.Select(t => t.ClrType).Concat(builder.EnumTypes.Select(t => t.ClrType)).ToHashSet();
            part.Build(builder);
            var table = new EdmDescriptions();
            part.Describe(table);
            foreach (var type in builder.StructuralTypes.Select(t => t.ClrType).Concat(builder.EnumTypes.Select(t => t.ClrType)).Where(t => !before.Contains(t)))
            {
                tables[type] = table;
            }
        }

        // The change number serves delta links (ADR 0023); it stays out of the model (it would tell the platform's write volume).
        foreach (var type in builder.StructuralTypes.Where(t => typeof(Changes.IChangeTracked).IsAssignableFrom(t.ClrType)).ToList())
        {
            type.RemoveProperty(type.ClrType.GetProperty(nameof(Changes.IChangeTracked.ChangeVersion))!);
        }

        // Enums (one may be used by several areas) and types the convention builder discovers only while building are
        // described by all the parts' tables together; a type declared by a part by that part's own.
        var all = tables.Values.Distinct().Aggregate(new EdmDescriptions(), (merged, table) => table.With(merged));
        return EdmNames.Finish(builder, type => type.IsEnum ? all : tables.GetValueOrDefault(type) ?? all);
    }
}
