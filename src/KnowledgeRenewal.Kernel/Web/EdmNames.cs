using KnowledgeRenewal.Sdk;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>Names in the platform's OData models.</summary>
public static class EdmNames
{
    /// <summary>Namespace of every platform type in <c>$metadata</c> (the audit feed and modules use sub-namespaces of it).</summary>
    public const string Namespace = "KnowledgeRenewal";

    /// <summary>
    /// Puts every type of <paramref name="builder"/> into one namespace and returns the model, annotated from the
    /// descriptive tables (<paramref name="tableOf"/> by CLR type, over <see cref="CommonDescriptions"/>; ADR 0028).
    /// </summary>
    public static IEdmModel Finish(ODataModelBuilder builder, Func<Type, EdmDescriptions?> tableOf)
    {
        ArgumentNullException.ThrowIfNull(tableOf);
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var type in builder.StructuralTypes)
        {
            type.Namespace = builder.Namespace;
        }

        foreach (var type in builder.EnumTypes)
        {
            type.Namespace = builder.Namespace;
        }

        return EdmAnnotations.Apply(builder.GetEdmModel(), tableOf, CommonDescriptions.Table);
    }
}
