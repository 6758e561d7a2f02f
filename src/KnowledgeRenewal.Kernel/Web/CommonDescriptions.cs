using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Kernel.Web;

/// <summary>
/// The labels of properties that mean the same on every set (keys, codes, the scope columns, timestamps) and of the
/// navigation properties: each area's table (its <see cref="IEdmModelPart.Describe"/>) adds its own and wins over
/// these (ADR 0028).
/// </summary>
public static class CommonDescriptions
{
    /// <summary>The common table.</summary>
    public static EdmDescriptions Table { get; } = new EdmDescriptions().Properties(
        ("Id", "标识"),
        ("Code", "代码"),
        ("Name", "名称"),
        ("NameEn", "英文名称"),
        ("Number", "编号"),
        ("Title", "名称"),
        ("Description", "说明"),
        ("Summary", "摘要"),
        ("Note", "备注"),
        ("Status", "状态"),
        ("Kind", "类别"),
        ("Level", "级别"),
        ("Year", "年度"),
        ("CreditYear", "学时年度"),
        ("SortOrder", "排序"),
        ("RegionCode", "区县代码"),
        ("DepartmentCode", "行业主管部门代码"),
        ("ModuleKey", "行业模块标识"),
        ("OrganizationId", "机构标识"),
        ("ProfessionalId", "专业技术人员标识"),
        ("EmployerId", "用人单位标识"),
        ("ProviderId", "施教机构标识"),
        ("ProjectId", "项目标识"),
        ("ClassId", "培训班标识"),
        ("BaseId", "继续教育基地标识"),
        ("PlanId", "年度计划标识"),
        ("SubjectCode", "科目代码"),
        ("SubjectName", "科目名称"),
        ("Category", "科目类别（公需/专业）"),
        ("Activity", "学习形式"),
        ("CreditClass", "学分类别"),
        ("Hours", "学时"),
        ("Mode", "授课方式"),
        ("Capacity", "计划人数"),
        ("StartDate", "开始日期"),
        ("EndDate", "结束日期"),
        ("CreatedAt", "创建时间"),
        ("UpdatedAt", "最后修改时间"),
        ("RecordedAt", "记录时间"),
        ("RecordedByName", "记录人"),
        ("StatusChangedAt", "状态变更时间"),
        ("IssuedAt", "签发时间"),
        ("IssuedByName", "签发人"),
        ("RevokedByName", "作废人"),
        ("RevokedAt", "作废时间"),
        ("RevocationReason", "作废原因"),
        ("DecidedAt", "决定时间"),
        ("SubmittedAt", "报送时间"),
        ("Field", "领域"),

        // Navigation properties.
        ("Parent", "上级"),
        ("Region", "区县"),
        ("Department", "行业主管部门"),
        ("Module", "行业模块"),
        ("Subjects", "科目"),
        ("Organization", "机构"),
        ("Professional", "专业技术人员"),
        ("Employments", "任职经历"),
        ("Employer", "用人单位"),
        ("Class", "培训班"),
        ("Project", "项目"));
}
