using System.Globalization;
using KnowledgeRenewal.Modules.Health.CmeProjects;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Modules.Health.Pages.CmeProjects;

/// <summary>
/// 继续医学教育项目: the health module's own page — the approved CME projects, by year and level, newest first, through
/// the same use case as <c>GET /api/health/cme-projects</c>. A module page: it exists only while the module is enabled,
/// and the platform lets only people with a business role open it.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    /// <summary>The year filter (all years when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The level filter (all levels when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public CmeLevel? Level { get; set; }

    /// <summary>The page shown (from 1).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>The page of projects.</summary>
    public CmeProjectPage Projects { get; private set; } = new(1, PageSize, 0, []);

    /// <summary>Number of pages (at least 1).</summary>
    public int Pages => Math.Max(1, (Projects.Total + PageSize - 1) / PageSize);

    /// <summary>The levels in Chinese.</summary>
    public static IReadOnlyList<(CmeLevel Level, string Name)> Levels => CmeLevels.All;

    /// <summary>The Chinese name of <paramref name="level"/>.</summary>
    public static string LevelName(CmeLevel level) => CmeLevels.Name(level);

    /// <summary>The address of page <paramref name="page"/> with the current filters.</summary>
    public string PageLink(int page) =>
        $"?year={Year?.ToString(CultureInfo.InvariantCulture)}&level={Level}&page={page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Shows page <paramref name="page"/> (read from the query string: Razor Pages' own route value is also called "page").</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page ?? 1);
        Projects = await mediator.Send(new ListCmeProjects(Year, Level, PageNumber, PageSize), cancellationToken);
    }
}
