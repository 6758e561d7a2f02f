using KnowledgeRenewal.Credits.UseCases.Courses;
using KnowledgeRenewal.Kernel.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Courses;

/// <summary><c>/courses</c> 课程库: the shared course catalog by title, searched by title or developer — the same use case as <c>GET /api/courses</c>.</summary>
[Authorize(Roles = Readers)]
internal sealed class IndexModel : CoursePageModel
{
    private const int PageSize = 20;

    /// <summary>The page of courses (null when the search was refused).</summary>
    public Paged<CourseView>? Courses { get; private set; }

    /// <summary>The search text.</summary>
    public string? Search { get; private set; }

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(string? search, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var (ok, result) = await TrySendAsync(new ListCourses(Search, null, null, Math.Max(1, pageNumber ?? 1), PageSize), cancellationToken).ConfigureAwait(false);
        Courses = ok ? result : null;
    }
}
