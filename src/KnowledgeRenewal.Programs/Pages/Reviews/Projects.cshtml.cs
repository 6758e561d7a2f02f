using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Reviews;

/// <summary>
/// <c>/reviews/projects</c>: the submitted projects waiting for the caller's recommendation (the caller's county bureau
/// or line department is their recommender), oldest first (<see cref="ListAwaitingRecommendation"/>).
/// </summary>
[Authorize(Roles = RecommenderRoles)]
internal sealed class ProjectsModel : PlatformPageModel
{
    /// <summary>Roles that recommend projects (the workflow's recommender party).</summary>
    public const string RecommenderRoles = PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The page of projects (null when refused).</summary>
    public Paged<ProjectView>? Result { get; private set; }

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListAwaitingRecommendation(page ?? 1, 20), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { Pages: > 1 } r ? $"（第 {r.Page} 页，共 {r.Pages} 页）" : null;
    }
}
