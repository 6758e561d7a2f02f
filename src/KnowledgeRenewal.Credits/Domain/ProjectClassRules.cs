using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>What a class (培训班次) needs to know of the program project it is a session of.</summary>
/// <param name="Title">项目名称.</param>
/// <param name="Status">Where the project stands.</param>
/// <param name="HostId">Who runs it: its host provider, else its applicant.</param>
/// <param name="StartDate">First day of the project.</param>
/// <param name="EndDate">Last day of the project.</param>
public sealed record ProjectForClass(string Title, ProjectStatus Status, Guid HostId, DateOnly StartDate, DateOnly EndDate);

/// <summary>
/// The link of a class to its program project: a project runs its classes once it is published (or under way),
/// through its host provider (the applicant when it names none), within its dates. The roster of such a class
/// becomes credit records of source "project roster" when the class has finished.
/// </summary>
public static class ProjectClassRules
{
    /// <summary>States in which a project takes classes.</summary>
    public static IReadOnlyList<ProjectStatus> OpenStatuses { get; } = [ProjectStatus.Published, ProjectStatus.InProgress];

    /// <summary>
    /// The problems of linking a class of <paramref name="providerId"/> from <paramref name="start"/> to
    /// <paramref name="end"/> to <paramref name="project"/> (null: not found); empty when fine.
    /// </summary>
    public static IReadOnlyList<FieldError> Check(ProjectForClass? project, Guid providerId, DateOnly start, DateOnly end)
    {
        if (project is null)
        {
            return [new FieldError("projectId", "project.not_found", "未找到该项目，请核对项目编号（projectId）。")];
        }

        if (project.HostId != providerId)
        {
            return [new FieldError("projectId", "project.other_provider", $"项目“{project.Title}”由其他施教机构承办：班次只能开设在本机构承办的项目下。")];
        }

        if (!OpenStatuses.Contains(project.Status))
        {
            return [new FieldError("projectId", "project.not_open", $"项目“{project.Title}”尚未发布或已结项：只有已发布或实施中的项目可以开设班次。")];
        }

        return start < project.StartDate || end > project.EndDate
            ? [new FieldError("startDate", "project.dates", $"班次日期应在项目实施期（{project.StartDate:yyyy-MM-dd} 至 {project.EndDate:yyyy-MM-dd}）内。")]
            : [];
    }
}
