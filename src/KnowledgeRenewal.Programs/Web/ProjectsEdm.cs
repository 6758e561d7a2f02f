using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Programs.Web;

/// <summary>
/// The program projects (read-only) and their workflow history (Applications history). Expert reviews and public
/// objections are not in the feeds (objections carry private contacts); account links and concurrency stamps are
/// left out. Money is integer fen, so <c>$apply</c> sums are exact on every provider.
/// </summary>
internal sealed class ProjectsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 60;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var project = builder.EntitySet<Project>("Projects").EntityType;
        project.HasKey(p => p.Id);
        project.Ignore(p => p.ConcurrencyStamp);
        project.Ignore(p => p.CreatedByUserId);
        project.Ignore(p => p.Reviews);
        project.Ignore(p => p.Objections);
        project.Property(p => p.BudgetTotalFen);
        var transition = builder.EntitySet<ProjectTransition>("ProjectTransitions").EntityType;
        transition.HasKey(t => t.Id);
        transition.Ignore(t => t.ActorUserId);
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("Projects", "项目").Set("ProjectTransitions", "项目流转记录")
            .Properties(
                ("Project.Number", "项目编号"), ("Project.Title", "项目名称"), ("Project.Type", "项目类型"), ("Project.Level", "项目级别"),
                ("Project.Status", "项目状态"), ("Project.Field", "重点领域"), ("ApplicantOrganizationId", "申报单位标识"),
                ("RecommenderOrganizationId", "推荐单位标识"), ("Project.ProviderId", "承办施教机构标识"), ("Project.Description", "项目简介"),
                ("BudgetTotalFen", "经费预算合计（分）"), ("CentralFundingFen", "中央财政经费（分）"), ("ProvincialFundingFen", "省级财政经费（分）"),
                ("MunicipalFundingFen", "市级财政经费（分）"), ("SelfRaisedFundingFen", "自筹经费（分）"), ("EmployerFundingFen", "用人单位经费（分）"),
                ("IndividualFundingFen", "个人缴费（分）"), ("TargetTitleLevel", "培训对象职称等级"), ("SubjectCategory", "科目类别（公需/专业）"),
                ("DigitalFieldCode", "数字技术领域代码"), ("EducationBaseId", "继续教育基地标识"), ("UpstreamReference", "上级批复文号"),
                ("NoticeStart", "公示开始日期"), ("NoticeEnd", "公示结束日期"), ("Project.Summary", "项目总结"), ("Transitions", "流转记录"),
                ("Sequence", "序号"), ("FromStatus", "原状态"), ("ToStatus", "新状态"), ("ProjectTransition.Action", "操作"), ("ActorName", "操作人"),
                ("ActorRole", "操作人角色"), ("ActorOrganizationId", "操作人所在机构标识"), ("At", "操作时间"), ("Comment", "意见"),
                ("ExpertName", "评审专家"), ("ExpertScore", "专家评分"), ("ReferenceNumber", "文号"))
            .Enum<ProjectType>(ProjectLabels.Type).Enum<ProjectLevel>(ProjectLabels.Level).Enum<ProjectStatus>(ProjectLabels.Status)
            .Enum<ProjectField>(ProjectLabels.Field).Enum<ProjectAction>(ProjectLabels.Action)
            .Search("Projects", "Title", "Number")
            .Computed("Project.Number", "Project.Status", "ProjectTransition.Sequence");
    }
}
