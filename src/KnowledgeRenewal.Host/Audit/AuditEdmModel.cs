using KnowledgeRenewal.Core.Audit;
using KnowledgeRenewal.Host.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Host.Audit;

/// <summary>The entity data model of the audit feed at <c>/odata/audit</c> (audit administrators only).</summary>
public static class AuditEdmModel
{
    /// <summary>The route prefix of the audit feed.</summary>
    public const string RoutePrefix = "odata/audit";

    /// <summary>Builds the model: one entity set, <c>AuditRecords</c>, keyed by <c>Sequence</c>.</summary>
    public static IEdmModel BuildAuditEdmModel()
    {
        var builder = new ODataConventionModelBuilder { Namespace = $"{PlatformEdmModel.Namespace}.Audit", ContainerName = "Audit" };
        builder.EntitySet<AuditRecord>("AuditRecords").EntityType.HasKey(r => r.Sequence);
        return PlatformEdmModel.Finish(builder);
    }
}
