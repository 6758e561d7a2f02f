using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// <c>/odata/BaseScorecards</c> (the assessed scorecards per base and year, with the method version used) and
/// <c>/odata/ClassEvaluations</c> (per class: counts and rating sums — aggregates only, never who rated) and
/// <c>/odata/BaseExchanges</c> (exchanges and cooperation between bases; <c>$expand=Parties</c> for the bases involved).
/// </summary>
internal sealed class BasesEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 90;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var scorecard = builder.EntitySet<BaseAssessment>("BaseScorecards").EntityType;
        scorecard.HasKey(a => a.Id);
        scorecard.Ignore(a => a.AssessedByUserId);
        scorecard.Ignore(a => a.ConcurrencyStamp);
        builder.EntitySet<ClassEvaluationSummary>("ClassEvaluations").EntityType.HasKey(s => s.ClassId);
        var exchange = builder.EntitySet<BaseExchange>("BaseExchanges").EntityType;
        exchange.HasKey(e => e.Id);
        exchange.ContainsMany(e => e.Parties);
        builder.EntityType<BaseExchangeParty>().HasKey(p => new { p.ExchangeId, p.BaseId });
    }

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("BaseScorecards", "继续教育基地年度考核").Set("ClassEvaluations", "培训班评价汇总").Set("BaseExchanges", "基地交流合作")
            .Properties(
                ("MethodVersion", "考核办法版本"), ("BaseAssessment.Trainees", "培训人数"), ("Seminars", "承办研修次数"), ("PublicCourses", "开发公需课程数"),
                ("ProfessionalCourses", "开发专业课程数"), ("CompletionRate", "完成率"), ("SatisfactionRate", "满意率"), ("InspectionScore", "检查得分"),
                ("Inspections", "检查次数"), ("Score", "总分"), ("Passed", "是否合格"), ("ProposedExit", "是否建议退出"),
                ("AssessedByName", "考核人"), ("AssessedAt", "考核时间"), ("Evaluations", "评价份数"), ("Satisfied", "满意份数"),
                ("ContentTotal", "内容评分合计"), ("TeacherTotal", "师资评分合计"), ("OrganizationTotal", "组织评分合计"), ("UsefulnessTotal", "实用性评分合计"),
                ("HeldOn", "举办日期"), ("BaseExchange.Kind", "交流形式"), ("Topic", "主题"), ("Participants", "参加人数"), ("Parties", "参与基地"),
                ("ExchangeId", "交流合作标识"))
            .Enum<BaseExchangeKind>(BaseExchangeRules.Label)
            .Search("BaseExchanges", "Topic")
            .Computed("BaseAssessment.Score", "BaseAssessment.Passed", "BaseAssessment.ProposedExit", "BaseAssessment.CompletionRate", "BaseAssessment.SatisfactionRate");
    }
}
