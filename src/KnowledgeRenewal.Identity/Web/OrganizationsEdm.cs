using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Web;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>The organization tree (<c>Organizations</c>); a parent outside the caller's scope is not even named, <c>$expand=Parent</c> shows a visible one.</summary>
internal sealed class OrganizationsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var organization = builder.EntitySet<Organization>("Organizations").EntityType;
        organization.HasKey(o => o.Id);
        organization.Ignore(o => o.ParentId);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Organizations", "机构")
            .Properties(("Organization.Code", "统一社会信用代码或机构代码"), ("Organization.Name", "机构名称"), ("Organization.Type", "机构类型"), ("IsActive", "是否有效"), ("Parent", "上级机构"))
            .Enum<OrganizationType>(RoleCatalog.OrganizationTypeName)
            .Search("Organizations", "Name", "Code");
    }
}
