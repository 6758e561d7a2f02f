using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Office;

/// <summary>
/// <c>/office/projects</c> 项目审批: the program office's review queue — how many projects wait at each step
/// (<see cref="CountProjectsByStatus"/>), the projects of one step with filters, sort and paging in the address
/// (<see cref="ListProjects"/>, as <c>GET /api/projects</c>), and the overdue ones highlighted with how many working days
/// (<see cref="ListOverdueProjects"/>, the rule of <c>GET /api/projects/overdue</c>); <c>?overdue=true</c> lists only those.
/// </summary>
[Authorize(Roles = OfficeRoles)]
internal sealed class ProjectsModel(IMediator mediator) : OfficePageModel
{
    private const int PageSize = 20;

    /// <summary>The step shown (a state's name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Step { get; set; }

    /// <summary>Type filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    /// <summary>Level filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>Credit-year filter.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only the overdue projects.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>The state of the step shown.</summary>
    public ProjectStatus Status { get; private set; } = ProjectStatus.Recommended;

    /// <summary>How many projects are in each state.</summary>
    public IReadOnlyDictionary<ProjectStatus, int> Counts { get; private set; } = new Dictionary<ProjectStatus, int>();

    /// <summary>The overdue projects (all of the caller's scope).</summary>
    public IReadOnlyList<OverdueProject> OverdueProjects { get; private set; } = [];

    /// <summary>The overdue projects by id.</summary>
    public IReadOnlyDictionary<Guid, OverdueProject> OverdueById { get; private set; } = new Dictionary<Guid, OverdueProject>();

    /// <summary>The page of the step (null when the filters were refused or the overdue list is shown).</summary>
    public Paged<ProjectView>? Result { get; private set; }

    /// <summary>Whether a filter besides the step is set.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Type) || !string.IsNullOrEmpty(Level) || Year is not null;

    /// <summary>Types to choose from.</summary>
    public static IEnumerable<SelectListItem> TypeItems =>
        [new SelectListItem("全部类型", ""), .. Enum.GetValues<ProjectType>().Select(t => new SelectListItem(ProjectLabels.Type(t), t.ToString()))];

    /// <summary>Levels to choose from.</summary>
    public static IEnumerable<SelectListItem> LevelItems =>
        [new SelectListItem("全部级别", ""), .. Enum.GetValues<ProjectLevel>().Select(l => new SelectListItem(ProjectLabels.Level(l), l.ToString()))];

    /// <summary>Loads the queue.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, string? sort, string? dir, CancellationToken cancellationToken)
    {
        Status = Enum.TryParse<ProjectStatus>(Step, out var s) && Enum.IsDefined(s) ? s : ProjectStatus.Recommended;
        Step = Status.ToString();
        Counts = (await mediator.Send(new CountProjectsByStatus(), cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Status, c => c.Count);
        OverdueProjects = await mediator.Send(new ListOverdueProjects(), cancellationToken).ConfigureAwait(false);
        OverdueById = OverdueProjects.ToDictionary(o => o.Id);
        if (Overdue)
        {
            ViewData["PageNote"] = "（逾期）";
            return;
        }

        ProjectType? type = null;
        if (!string.IsNullOrEmpty(Type))
        {
            if (Enum.TryParse<ProjectType>(Type, out var t) && Enum.IsDefined(t))
            {
                type = t;
            }
            else
            {
                ModelState.AddModelError(nameof(Type), "请从列表中选择项目类型");
            }
        }

        ProjectLevel? level = null;
        if (!string.IsNullOrEmpty(Level))
        {
            if (Enum.TryParse<ProjectLevel>(Level, out var l) && Enum.IsDefined(l))
            {
                level = l;
            }
            else
            {
                ModelState.AddModelError(nameof(Level), "请从列表中选择项目级别");
            }
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var (ok, result) = await TrySendAsync(new ListProjects(type, level, Status, Year, null, null, null, Math.Max(1, page ?? 1), PageSize, sort ?? "waiting", string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase) == (sort is not null)), cancellationToken).ConfigureAwait(false);
        Result = ok ? result : null;
        var label = StepOf(Status)?.Label ?? ProjectLabels.Status(Status);
        ViewData["PageNote"] = Result is { Pages: > 1 } r ? $"（{label}，第 {r.Page} 页，共 {r.Pages} 页）" : $"（{label}）";
    }

    /// <summary>The address of a step's list (filters kept, back to page 1).</summary>
    public string StepHref(ProjectStatus status)
    {
        var query = new Dictionary<string, string?> { ["Step"] = status.ToString(), ["Type"] = Type, ["Level"] = Level, ["Year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/office/projects", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Type), nameof(Level), nameof(Year)];
}
