using System.Security.Claims;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Programs.Pages.Reviews;

/// <summary>The workbench card of a county bureau or line department: the projects waiting for its recommendation.</summary>
internal sealed class RecommendationsSection(IMediator mediator) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 120;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.CountyAdmin) || user.IsInRole(PlatformRoles.DepartmentAdmin);

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var waiting = await mediator.Send(new ListAwaitingRecommendation(1, 1), cancellationToken).ConfigureAwait(false);
        return new WorkbenchCard("项目推荐",
        [
            new WorkbenchItem("待推荐的项目", $"{waiting.Total} 个", "/reviews/projects", waiting.Total > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                waiting.Total > 0 ? "请出具推荐意见，或退回、驳回。" : null),
        ]);
    }
}
