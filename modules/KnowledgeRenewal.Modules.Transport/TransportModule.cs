using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Modules.Transport;

/// <summary>交通运输 — the transport department's module: highway, bridge, Grand Canal waterway, port and logistics subjects.</summary>
public sealed class TransportModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        Key = "transport",
        NameZh = "交通运输",
        NameEn = "Transport",
        DepartmentCode = Departments.Transport,
        Version = new Version(1, 0, 0),
        RequiresSdk = new Version(1, 1),
        Description = "面向济宁市公路、桥梁、京杭运河航道与港口、道路运输和物流领域专业技术人员的专业科目目录与继续教育学时规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => TransportCatalog.Subjects;

    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets => TransportCreditRules.RuleSets;
}
