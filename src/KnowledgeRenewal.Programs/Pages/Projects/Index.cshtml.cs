using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Projects;

/// <summary>
/// <c>/projects</c> 项目申报: the projects within the caller's scope (a provider or employer: its own applications and
/// those it hosts), newest first, filtered by status and year in the address — <c>GET /api/projects</c>'s use case.
/// </summary>
[Authorize(Policy = ReadersPolicy)]
internal sealed class IndexModel : ProjectPageModel
{
    private const int PageSize = 20;

    /// <summary>The page of projects.</summary>
    public Paged<ProjectView>? Projects { get; private set; }

    /// <summary>The status filter (enum name).</summary>
    public string? Status { get; private set; }

    /// <summary>The year filter.</summary>
    public int? Year { get; private set; }

    /// <summary>The statuses offered.</summary>
    public static IEnumerable<SelectListItem> Statuses =>
        [new SelectListItem("全部", ""), .. Enum.GetValues<ProjectStatus>().Select(s => new SelectListItem(ProjectLabels.Status(s), s.ToString()))];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(string? status, int? year, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        ProjectStatus? parsed = Enum.TryParse<ProjectStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        Status = parsed?.ToString();
        Year = year;
        var (ok, result) = await TrySendAsync(new ListProjects(null, null, parsed, year, null, null, null, Math.Max(1, pageNumber ?? 1), PageSize), cancellationToken).ConfigureAwait(false);
        Projects = ok ? result : null;
    }
}
