using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Web;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>The catalog feeds: the enabled <c>Modules</c> and their <c>Subjects</c> (public).</summary>
internal sealed class CatalogEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 10;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var module = builder.EntitySet<InstalledModule>("Modules").EntityType;
        module.Name = "Module";
        module.HasKey(m => m.Key);
        builder.EntitySet<Subject>("Subjects").EntityType.HasKey(s => s.Id);
    }
}
