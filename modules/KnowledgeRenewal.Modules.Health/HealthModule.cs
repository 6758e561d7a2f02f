using KnowledgeRenewal.Modules.Health.CmeProjects;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Routing;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Modules.Health;

/// <summary>卫生健康 — the health department's module: continuing medical education (继续医学教育) in credits of class I and II.</summary>
public sealed class HealthModule : DepartmentModule
{
    /// <inheritdoc />
    public override ModuleManifest Manifest { get; } = new()
    {
        Key = "health",
        NameZh = "卫生健康",
        NameEn = "Health",
        DepartmentCode = Departments.Health,
        Version = new Version(1, 0, 0),
        RequiresSdk = new Version(1, 2),
        Description = "面向济宁市医疗卫生机构医师、护士、药师、技师和公共卫生人员的继续医学教育专业科目目录与Ⅰ类、Ⅱ类学分规则。",
    };

    /// <inheritdoc />
    public override IReadOnlyList<SubjectDefinition> Catalog => HealthCatalog.Subjects;

    /// <inheritdoc />
    public override IReadOnlyList<CreditClassDefinition> CreditClasses => HealthCreditRules.Classes;

    /// <inheritdoc />
    public override IReadOnlyList<CreditRuleSet> RuleSets => HealthCreditRules.RuleSets;

    /// <summary>The module keeps its own table of CME projects.</summary>
    public override void ConfigureServices(ModuleBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDbContext<HealthDbContext>();
        builder.AddMenuItem("继续医学教育项目", "/modules/health/cme-projects");
    }

    /// <summary><c>/api/health/cme-projects</c>.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => CmeProjectEndpoints.Map(endpoints);

    /// <summary><c>/odata/health/CmeProjects</c>.</summary>
    public override void BuildODataModel(ODataConventionModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.EntitySet<CmeProject>("CmeProjects");
    }

    /// <inheritdoc />
    public override void DescribeODataModel(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("CmeProjects", "继续医学教育项目")
            .Properties(
                ("Id", "标识"), ("ProjectNumber", "项目编号"), ("Title", "项目名称"), ("Level", "项目级别"), ("Year", "年度"),
                ("SubjectCode", "科目代码"), ("HostOrganization", "举办单位"), ("StartDate", "开始日期"), ("EndDate", "结束日期"),
                ("Credits", "Ⅰ类学分"), ("Capacity", "计划人数"), ("RegisteredAt", "登记时间"))
            .Enum<CmeLevel>(CmeLevels.Name)
            .Search("CmeProjects", "Title", "ProjectNumber", "HostOrganization");
    }
}
