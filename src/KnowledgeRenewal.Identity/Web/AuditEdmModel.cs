using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>The entity data model of the audit feed at <c>/odata/audit</c> (audit administrators only).</summary>
internal static class AuditEdmModel
{
    /// <summary>The route prefix of the audit feed.</summary>
    public const string RoutePrefix = "odata/audit";

    /// <summary>The audit feed's descriptive table (ADR 0028).</summary>
    private static EdmDescriptions Descriptions { get; } = new EdmDescriptions()
        .Set("AuditRecords", "审计日志")
        .Properties(
            ("Sequence", "序号"), ("OccurredAt", "发生时间"), ("UserId", "账号标识"), ("UserName", "账号"), ("Roles", "角色"),
            ("OrganizationId", "所属机构标识"), ("ClientId", "对接客户端"), ("Action", "操作"), ("EntityType", "对象类型"),
            ("EntityKey", "对象标识"), ("Outcome", "结果"), ("SourceIp", "来源地址"), ("CorrelationId", "关联标识"),
            ("Details", "详情"), ("PreviousHash", "前一条记录的哈希"), ("Hash", "本条记录的哈希"))
        .Enum<AuditOutcome>(AuditLabels.Outcome)
        .Search("AuditRecords", "UserName", "Action")
        .Computed("AuditRecord.PreviousHash", "AuditRecord.Hash");

    /// <summary>Builds the model: one entity set, <c>AuditRecords</c>, keyed by <c>Sequence</c>.</summary>
    public static IEdmModel BuildAuditEdmModel()
    {
        var builder = new ODataConventionModelBuilder { Namespace = $"{EdmNames.Namespace}.Audit", ContainerName = "Audit" };
        builder.EntitySet<AuditRecord>("AuditRecords").EntityType.HasKey(r => r.Sequence);
        return EdmNames.Finish(builder, _ => Descriptions);
    }
}
