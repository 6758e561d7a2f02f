using KnowledgeRenewal.Core.Catalog;
using KnowledgeRenewal.Core.Modules;
using KnowledgeRenewal.Core.Organizations;
using KnowledgeRenewal.Core.ReferenceData;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Host.OData;

/// <summary>The entity data model of the platform's feeds at <c>/odata</c>.</summary>
public static class PlatformEdmModel
{
    /// <summary>Namespace of every platform type in <c>$metadata</c>.</summary>
    public const string Namespace = "KnowledgeRenewal";

    /// <summary>Builds the model.</summary>
    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "Platform" };
        builder.EntitySet<Department>("Departments").EntityType.HasKey(d => d.Code);
        builder.EntitySet<Region>("Regions").EntityType.HasKey(r => r.Code);
        var module = builder.EntitySet<InstalledModule>("Modules").EntityType;
        module.Name = "Module";
        module.HasKey(m => m.Key);
        builder.EntitySet<Subject>("Subjects").EntityType.HasKey(s => s.Id);
        var organization = builder.EntitySet<Organization>("Organizations").EntityType;
        organization.HasKey(o => o.Id);

        // A parent outside the caller's scope is not even named; $expand=Parent shows a visible one.
        organization.Ignore(o => o.ParentId);
        return Finish(builder);
    }

    /// <summary>Puts every type of <paramref name="builder"/> into one namespace and returns the model.</summary>
    public static IEdmModel Finish(ODataModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var type in builder.StructuralTypes)
        {
            type.Namespace = builder.Namespace;
        }

        foreach (var type in builder.EnumTypes)
        {
            type.Namespace = builder.Namespace;
        }

        return builder.GetEdmModel();
    }
}
