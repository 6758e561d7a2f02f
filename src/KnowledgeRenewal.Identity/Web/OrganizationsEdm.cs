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
}
