using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.Pages.Projects;

/// <summary>
/// The provider's project card on the workbench: drafts to finish and submit (returned ones included), applications
/// waiting for the recommender, projects in public notice — counted by <see cref="ListProjects"/> within the caller's scope.
/// </summary>
internal sealed class ProjectsWorkbenchSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 320;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.ProviderStaff);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var drafts = await CountAsync(ProjectStatus.Draft, cancellationToken).ConfigureAwait(false);
        var submitted = await CountAsync(ProjectStatus.Submitted, cancellationToken).ConfigureAwait(false);
        var notice = await CountAsync(ProjectStatus.PublicNotice, cancellationToken).ConfigureAwait(false);
        return new WorkbenchCard("项目申报",
        [
            new WorkbenchItem("待提交的申报书（含退回修改的）", $"{drafts} 个", "/projects?status=Draft", drafts > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                drafts > 0 ? "确认无误后提交，由推荐单位审核。" : null),
            new WorkbenchItem("已申报、待推荐单位审核", $"{submitted} 个", "/projects?status=Submitted"),
            new WorkbenchItem("公示中的项目", $"{notice} 个", "/projects?status=PublicNotice"),
        ], "/projects", "进入项目申报");
    }

    private async Task<int> CountAsync(ProjectStatus status, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListProjects(null, null, status, null, null, null, null, 1, 1), cancellationToken).ConfigureAwait(false)).Total;
}
