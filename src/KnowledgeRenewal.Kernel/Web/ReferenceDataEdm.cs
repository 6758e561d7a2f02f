using KnowledgeRenewal.Kernel.ReferenceData;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>The reference data feeds: <c>Departments</c> and <c>Regions</c> (public).</summary>
internal sealed class ReferenceDataEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 0;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        builder.EntitySet<Department>("Departments").EntityType.HasKey(d => d.Code);
        builder.EntitySet<Region>("Regions").EntityType.HasKey(r => r.Code);
    }
}
