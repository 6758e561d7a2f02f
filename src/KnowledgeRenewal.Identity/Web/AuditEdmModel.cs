using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Web;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>The entity data model of the audit feed at <c>/odata/audit</c> (audit administrators only).</summary>
internal static class AuditEdmModel
{
    /// <summary>The route prefix of the audit feed.</summary>
    public const string RoutePrefix = "odata/audit";

    /// <summary>Builds the model: one entity set, <c>AuditRecords</c>, keyed by <c>Sequence</c>.</summary>
    public static IEdmModel BuildAuditEdmModel()
    {
        var builder = new ODataConventionModelBuilder { Namespace = $"{EdmNames.Namespace}.Audit", ContainerName = "Audit" };
        builder.EntitySet<AuditRecord>("AuditRecords").EntityType.HasKey(r => r.Sequence);
        return EdmNames.Finish(builder);
    }
}
