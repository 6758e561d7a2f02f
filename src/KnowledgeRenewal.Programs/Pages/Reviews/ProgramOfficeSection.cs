using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.Pages.Reviews;

/// <summary>
/// The program office's card on the workbench: the applications its step waits for — recommended ones to take into
/// review, ones under expert review to decide — and the projects in public notice, counted with
/// <see cref="ListProjects"/> as <c>GET /api/projects?status=…</c> counts them.
/// </summary>
internal sealed class ProgramOfficeSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 100;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PlatformRoles.ProgramOfficeAdmin);
    }

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var recommended = await CountAsync(ProjectStatus.Recommended, cancellationToken).ConfigureAwait(false);
        var reviewing = await CountAsync(ProjectStatus.UnderReview, cancellationToken).ConfigureAwait(false);
        var notice = await CountAsync(ProjectStatus.PublicNotice, cancellationToken).ConfigureAwait(false);
        return new WorkbenchCard("项目审批",
        [
            new WorkbenchItem("已推荐、待项目办受理的申报", $"{recommended} 个", "/projects?status=Recommended", recommended > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                recommended > 0 ? "受理后组织专家评审，或退回修改。" : null),
            new WorkbenchItem("评审中、待作出决定的申报", $"{reviewing} 个", "/projects?status=UnderReview", reviewing > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good),
            new WorkbenchItem("公示中的项目", $"{notice} 个", "/projects?status=PublicNotice"),
        ], "/projects", "查看全部项目");
    }

    private async Task<int> CountAsync(ProjectStatus status, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListProjects(null, null, status, null, null, null, null, 1, 1), cancellationToken).ConfigureAwait(false)).Total;
}
