using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// The link of a class (培训班次) to its program project: a project runs its classes once it is published (or under
/// way), through its host provider (the applicant when it names none), within its dates. The roster of such a
/// class becomes credit records of source "project roster" when the class has finished.
/// </summary>
public static class ProjectClasses
{
    /// <summary>States in which a project takes classes.</summary>
    public static IReadOnlyList<ProjectStatus> OpenStatuses { get; } = [ProjectStatus.Published, ProjectStatus.InProgress];

    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>The problems of linking a class of <paramref name="providerId"/> from <paramref name="start"/> to <paramref name="end"/> to <paramref name="projectId"/> (empty when fine).</summary>
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(PlatformDbContext db, Guid projectId, Guid providerId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);

        // The host provider may not see a project another organization applied for, so the look-up is the system's;
        // nothing of the project but these checks reaches the caller.
        var project = await db.Projects.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Id == projectId)
            .Select(p => new { p.Title, p.Status, Host = p.ProviderId ?? p.ApplicantOrganizationId, p.StartDate, p.EndDate })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (project is null)
        {
            return [new FieldError("projectId", "project.not_found", "未找到该项目，请核对项目编号（projectId）。")];
        }

        var errors = new List<FieldError>();
        if (project.Host != providerId)
        {
            errors.Add(new FieldError("projectId", "project.other_provider", $"项目“{project.Title}”由其他施教机构承办：班次只能开设在本机构承办的项目下。"));
        }
        else if (!OpenStatuses.Contains(project.Status))
        {
            errors.Add(new FieldError("projectId", "project.not_open", $"项目“{project.Title}”尚未发布或已结项：只有已发布或实施中的项目可以开设班次。"));
        }
        else if (start < project.StartDate || end > project.EndDate)
        {
            errors.Add(new FieldError("startDate", "project.dates", $"班次日期应在项目实施期（{project.StartDate:yyyy-MM-dd} 至 {project.EndDate:yyyy-MM-dd}）内。"));
        }

        return errors;
    }
}
