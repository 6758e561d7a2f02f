using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Chinese names used in explanations.</summary>
public static class ComplianceLabels
{
    /// <summary>The Chinese name of a category.</summary>
    public static string Category(CreditCategory category) => category switch
    {
        CreditCategory.Public => "公需科目",
        CreditCategory.Professional => "专业科目",
        _ => category.ToString(),
    };

    /// <summary>达标 / 未达标 / 进行中 / 无适用规则.</summary>
    public static string Status(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "达标",
        ComplianceStatus.NotMet => "未达标",
        ComplianceStatus.InProgress => "进行中",
        ComplianceStatus.NoRules => "无适用规则",
        _ => status.ToString(),
    };

    /// <summary>计入 / 部分计入 / 不计入.</summary>
    public static string Outcome(EntryOutcome outcome) => outcome switch
    {
        EntryOutcome.Counted => "计入",
        EntryOutcome.Capped => "部分计入",
        EntryOutcome.Excluded => "不计入",
        _ => outcome.ToString(),
    };

    /// <summary>学时 or 学分.</summary>
    public static string Unit(CreditUnit unit) => unit == CreditUnit.Credit ? "学分" : "学时";

    /// <summary>The Chinese name of an activity type.</summary>
    public static string Activity(ActivityType activity) => activity switch
    {
        ActivityType.ClassroomTraining => "面授培训",
        ActivityType.OnlineLearning => "网络学习",
        ActivityType.AdvancedSeminar => "高级研修",
        ActivityType.AcademicConference => "学术会议",
        ActivityType.AcademicPaper => "学术论文",
        ActivityType.Monograph => "著作教材",
        ActivityType.FurtherStudy => "进修访学",
        ActivityType.DegreeEducation => "学历学位教育",
        ActivityType.ResearchProject => "科研课题",
        ActivityType.Patent => "专利",
        ActivityType.Lecturing => "授课讲学",
        ActivityType.TechnicalStandard => "标准规范编制",
        _ => activity.ToString(),
    };
}
