using KnowledgeRenewal.Sdk;
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

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Modules", "行业模块").Set("Subjects", "科目")
            .Properties(
                ("Key", "模块标识"), ("NameZh", "中文名称"), ("InstalledModule.Description", "模块说明"), ("Version", "版本"),
                ("RequiresSdk", "所需 SDK 版本"), ("SubjectCount", "科目数"), ("FirstStartedAt", "首次启用时间"), ("LastStartedAt", "最近启动时间"),
                ("Subject.Id", "科目标识（目录:代码）"), ("Subject.Code", "科目代码"), ("Subject.Name", "科目名称"), ("Discipline", "学科"),
                ("DefaultCreditHours", "默认学时"), ("Subject.Status", "使用状态"), ("Subject.Description", "科目说明"))
            .Enum<SubjectStatus>(SubjectLabels.Status).Enum<CreditCategory>(ComplianceLabels.Category)
            .Search("Modules", "NameZh", "NameEn", "Key")
            .Search("Subjects", "Name", "Code");
    }
}
