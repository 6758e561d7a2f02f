using KnowledgeRenewal.Sdk;
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

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Departments", "行业主管部门").Set("Regions", "区县")
            .Properties(("Department.Code", "部门代码"), ("Sector", "行业"), ("Region.Code", "行政区划代码"), ("GbCode", "国标行政区划代码"), ("ParentCode", "上级区划代码"))
            .Enum<RegionKind>(RegionLabels.Kind)
            .Search("Departments", "Name", "NameEn").Search("Regions", "Name");
    }
}
