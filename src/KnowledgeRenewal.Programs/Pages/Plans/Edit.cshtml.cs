using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Plans;

/// <summary>
/// <c>/plans/{year}/edit</c> 设置年度计划 (program office): the total and one row per project type, region and line
/// department, sent as <c>PUT /api/annual-plans/{year}</c> sends them (<see cref="SetAnnualPlan"/>, the same checks),
/// with the version the page showed as <c>If-Match</c>. Each refusal goes next to the field of the row it names; a
/// change made by someone else in between is refused (412) and the page says so.
/// </summary>
[Authorize(Roles = WriterRoles)]
internal sealed class EditModel(IMediator mediator) : PlanPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    /// <summary>The year.</summary>
    public int Year { get; private set; }

    /// <summary>Whether the year has a plan already (replacing it) or not (creating it).</summary>
    public bool Exists { get; private set; }

    /// <summary>What the targets can be about.</summary>
    public PlanTargetChoices Choices { get; private set; } = new([], [], []);

    /// <summary>Shows the form with the plan's targets (or the seed's defaults for a year without a plan).</summary>
    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year))
        {
            return NotFound();
        }

        Year = year;
        Choices = await mediator.Send(new ListPlanTargetChoices(), cancellationToken).ConfigureAwait(false);
        IReadOnlyList<(PlanTargetKind Kind, string Key, int? Projects, int Trainees)> targets;
        try
        {
            var plan = await mediator.Send(new GetAnnualPlan(year), cancellationToken).ConfigureAwait(false);
            Exists = true;
            Input.Version = EntityTag.Format(plan.Stamp);
            Input.Notes = plan.Value.Notes;
            Input.EnforceShares = plan.Value.EnforceShares;
            targets = [.. plan.Value.Targets.Select(t => (t.Kind, t.Key, t.TargetProjects, t.TargetTrainees))];
        }
        catch (PlatformException problem) when (problem.Code == PlanProblemCodes.PlanNotFound)
        {
            targets = [.. AnnualPlanRules.Defaults.Select(t => (t.Kind, t.Key, t.Projects, t.Trainees))];
        }

        Input.Total = Text(targets.FirstOrDefault(t => t.Kind == PlanTargetKind.Total).Trainees);
        Input.Types = [.. Choices.ProjectTypes.Select(c => Row(targets, PlanTargetKind.ProjectType, c.Key))];
        Input.Regions = [.. Choices.Regions.Select(c => Row(targets, PlanTargetKind.Region, c.Key))];
        Input.Departments = [.. Choices.Departments.Select(c => Row(targets, PlanTargetKind.Department, c.Key))];
        return Page();
    }

    /// <summary>Sets the plan, or shows what is wrong next to the fields.</summary>
    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year))
        {
            return NotFound();
        }

        Year = year;
        Exists = !string.IsNullOrEmpty(Input.Version);
        Choices = await mediator.Send(new ListPlanTargetChoices(), cancellationToken).ConfigureAwait(false);

        // One row per choice, whatever was posted (a form posting fewer rows shows them empty).
        Pad(Input.Types, Choices.ProjectTypes.Count);
        Pad(Input.Regions, Choices.Regions.Count);
        Pad(Input.Departments, Choices.Departments.Count);
        var targets = new List<PlanTargetInput>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["targets"] = "Input.Total" };
        var labels = new List<string>();

        void Add(PlanTargetKind kind, string key, string label, int? projects, int? trainees, string projectsField, string traineesField)
        {
            var row = targets.Count;
            targets.Add(new PlanTargetInput { Kind = kind.ToString(), Key = key, Projects = projects, Trainees = trainees });
            labels.Add(label);
            fields[$"targets[{row}].trainees"] = traineesField;
            fields[$"targets[{row}].projects"] = projectsField;
            fields[$"targets[{row}].key"] = traineesField;
            fields[$"targets[{row}].kind"] = traineesField;
        }

        Add(PlanTargetKind.Total, "", "全市总目标", null, Number(Input.Total, "Input.Total", "全市总目标"), "Input.Total", "Input.Total");
        AddRows(Input.Types, Choices.ProjectTypes, PlanTargetKind.ProjectType, "Types", withProjects: true, Add);
        AddRows(Input.Regions, Choices.Regions, PlanTargetKind.Region, "Regions", withProjects: false, Add);
        AddRows(Input.Departments, Choices.Departments, PlanTargetKind.Department, "Departments", withProjects: false, Add);

        var request = new SetAnnualPlan(year, string.IsNullOrEmpty(Input.Version) ? null : Input.Version, new AnnualPlanInput { Notes = Input.Notes, Targets = targets, EnforceShares = Input.EnforceShares });
        var (ok, _) = await TrySendAsync(request, cancellationToken, fields).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect($"/plans/{year}", $"已保存 {year} 年度计划，进度按最新数据重新计算。");
        }

        Reword(labels);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The seed's guidance on a project type's number of projects.</summary>
    public static string? ProjectsHint(string type) => type == nameof(ProjectType.AdvancedSeminar) ? "实施方案：每年约 20 期" : null;

    /// <summary>The seed's guidance on a project type's trainees.</summary>
    public static string? TraineesHint(string type) => type switch
    {
        nameof(ProjectType.AdvancedSeminar) => "实施方案：每年约 600 人",
        nameof(ProjectType.CapacityBuilding) => "实施方案：每年约 90,000 人",
        nameof(ProjectType.BaseConstruction) => "实施方案：每个基地每年不少于 1,000 人",
        _ => null,
    };

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.Notes", "Input.Total"];

    private void AddRows(List<PlanRow> rows, IReadOnlyList<PlanTargetChoice> choices, PlanTargetKind kind, string name, bool withProjects, Action<PlanTargetKind, string, string, int?, int?, string, string> add)
    {
        for (var i = 0; i < choices.Count; i++)
        {
            var row = i < rows.Count ? rows[i] : new PlanRow();
            var traineesField = $"Input.{name}[{i}].Trainees";
            var projectsField = withProjects ? $"Input.{name}[{i}].Projects" : traineesField;
            var projects = withProjects ? Number(row.Projects, projectsField, choices[i].Name + "的目标项目数") : null;
            var trainees = Number(row.Trainees, traineesField, choices[i].Name + "的目标培训人数");
            if (projects is not null || trainees is not null || !string.IsNullOrWhiteSpace(row.Trainees) || (withProjects && !string.IsNullOrWhiteSpace(row.Projects)))
            {
                add(kind, choices[i].Key, choices[i].Name, projects, trainees, projectsField, traineesField);
            }
        }
    }

    private static void Pad(List<PlanRow> rows, int count)
    {
        while (rows.Count < count)
        {
            rows.Add(new PlanRow());
        }
    }

    private static PlanRow Row(IReadOnlyList<(PlanTargetKind Kind, string Key, int? Projects, int Trainees)> targets, PlanTargetKind kind, string key)
    {
        var found = targets.Where(t => t.Kind == kind && t.Key == key).Select(t => (PlanRow?)new PlanRow { Projects = t.Projects is { } p ? Text(p) : null, Trainees = Text(t.Trainees) }).FirstOrDefault();
        return found ?? new PlanRow();
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The plan form: notes, the total, and one row per project type, region and department (empty: no target).</summary>
internal sealed class PlanForm
{
    /// <summary>The version shown (If-Match); empty for a new plan.</summary>
    public string? Version { get; set; }

    /// <summary>说明 (optional).</summary>
    [DataType(DataType.MultilineText)]
    public string? Notes { get; set; }

    /// <summary>分解目标不得超出全市计划: the counties' and departments' plans refused (not just warned) beyond the city's targets.</summary>
    public bool EnforceShares { get; set; }

    /// <summary>全市总目标: trainees.</summary>
    public string? Total { get; set; }

    /// <summary>One row per project type (in <see cref="PlanTargetChoices.ProjectTypes"/>' order).</summary>
    public List<PlanRow> Types { get; set; } = [];

    /// <summary>One row per region.</summary>
    public List<PlanRow> Regions { get; set; } = [];

    /// <summary>One row per department.</summary>
    public List<PlanRow> Departments { get; set; } = [];
}

/// <summary>One row of the form: projects (project types only) and trainees, as typed.</summary>
internal sealed class PlanRow
{
    /// <summary>目标项目数.</summary>
    public string? Projects { get; set; }

    /// <summary>目标培训人数.</summary>
    public string? Trainees { get; set; }
}
