using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Pages.Office;

/// <summary>What the program office's project pages share: who opens them and the steps of its review queue.</summary>
internal abstract class OfficePageModel : PlatformPageModel
{
    /// <summary>The program office (the party of the workflow's review steps; <c>POST /api/projects/{id}/objections/…/resolve</c>'s role).</summary>
    public const string OfficeRoles = PlatformRoles.ProgramOfficeAdmin;

    /// <summary>The steps of the program office's queue, in workflow order, with what waits at each.</summary>
    public static IReadOnlyList<(ProjectStatus Status, string Label, string ToDo)> QueueSteps { get; } =
    [
        (ProjectStatus.Recommended, "待受理", "已推荐，待项目办组织评审或退回"),
        (ProjectStatus.UnderReview, "评审中", "录入专家评分，作出评审结论"),
        (ProjectStatus.ForwardedUpstream, "已上报待批", "登记上级批复结果"),
        (ProjectStatus.Approved, "待公示", "已批准，待开始公示"),
        (ProjectStatus.PublicNotice, "公示中", "处理异议，公示期满后发布"),
        (ProjectStatus.Completed, "已结项", "待归档"),
        (ProjectStatus.Rejected, "未通过", "待归档"),
    ];

    /// <summary>The queue step of <paramref name="status"/>, if it is one.</summary>
    public static (ProjectStatus Status, string Label, string ToDo)? StepOf(ProjectStatus status) =>
        QueueSteps.Any(s => s.Status == status) ? QueueSteps.First(s => s.Status == status) : null;

    /// <summary>「3 个工作日」.</summary>
    public static string WorkingDays(int days) => $"{days} 个工作日";
}
