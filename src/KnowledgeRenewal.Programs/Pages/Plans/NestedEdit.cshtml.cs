using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Plans;

/// <summary>
/// <c>/plans/{year}/regions/{code}/edit</c>, <c>/plans/{year}/departments/{code}/edit</c>: a county bureau or line
/// department sets its own plan — the total and one row per project type — sent as
/// <c>PUT /api/annual-plans/{year}/regions/{code}</c> sends it (<see cref="SetNestedPlan"/>, the same checks), with the
/// city's targets and what is left of them beside the form. Exceeding the city's targets is refused when the city's plan
/// enforces its shares (the reason above the form), otherwise saved and the plan's page shows the warning.
/// </summary>
[Authorize(Roles = NestedWriterRoles)]
internal sealed class NestedEditModel(IMediator mediator) : PlanPageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public PlanForm Input { get; set; } = new();

    /// <summary>The plan as it stands (the city's targets beside it).</summary>
    public NestedPlanView Plan { get; private set; } = new();

    /// <summary>What the targets can be about.</summary>
    public PlanTargetChoices Choices { get; private set; } = new([], [], []);

    /// <summary>Shows the form with the plan's targets (empty for a plan not set yet).</summary>
    public async Task<IActionResult> OnGetAsync(int year, string segment, string code, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year))
        {
            return NotFound();
        }

        var scope = ScopeOf(segment);
        AnnualPlanAccess.RequireOwner(HttpContext.RequestServices.GetRequiredService<ICurrentAccess>(), scope, code);
        await LoadAsync(year, scope, code, cancellationToken).ConfigureAwait(false);
        if (Plan.Exists)
        {
            Input.Version = EntityTag.Format(Stamp);
            Input.Notes = Plan.Notes;
            Input.Total = Plan.Targets.FirstOrDefault(t => t.Kind == PlanTargetKind.Total)?.TargetTrainees.ToString(CultureInfo.InvariantCulture);
        }

        Input.Types = [.. Choices.ProjectTypes.Select(c => Plan.Targets.FirstOrDefault(t => t.Kind == PlanTargetKind.ProjectType && t.Key == c.Key) is { } t
            ? new PlanRow { Projects = t.TargetProjects?.ToString(CultureInfo.InvariantCulture), Trainees = t.TargetTrainees.ToString(CultureInfo.InvariantCulture) }
            : new PlanRow())];
        return Page();
    }

    /// <summary>Sets the plan, or shows what is wrong next to the fields.</summary>
    public async Task<IActionResult> OnPostAsync(int year, string segment, string code, CancellationToken cancellationToken)
    {
        if (!ProgramPeriod.Contains(year))
        {
            return NotFound();
        }

        var scope = ScopeOf(segment);
        Choices = await mediator.Send(new ListPlanTargetChoices(), cancellationToken).ConfigureAwait(false);
        while (Input.Types.Count < Choices.ProjectTypes.Count)
        {
            Input.Types.Add(new PlanRow());
        }

        var targets = new List<PlanTargetInput>();
        var labels = new List<string>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["targets"] = "Input.Total" };
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

        Add(PlanTargetKind.Total, "", "总目标", null, Number(Input.Total, "Input.Total", "总目标"), "Input.Total", "Input.Total");
        for (var i = 0; i < Choices.ProjectTypes.Count; i++)
        {
            var row = Input.Types[i];
            var choice = Choices.ProjectTypes[i];
            var projects = Number(row.Projects, $"Input.Types[{i}].Projects", choice.Name + "的目标项目数");
            var trainees = Number(row.Trainees, $"Input.Types[{i}].Trainees", choice.Name + "的目标培训人数");
            if (projects is not null || trainees is not null || !string.IsNullOrWhiteSpace(row.Trainees) || !string.IsNullOrWhiteSpace(row.Projects))
            {
                Add(PlanTargetKind.ProjectType, choice.Key, choice.Name, projects, trainees, $"Input.Types[{i}].Projects", $"Input.Types[{i}].Trainees");
            }
        }

        var request = new SetNestedPlan(year, scope, code, string.IsNullOrEmpty(Input.Version) ? null : Input.Version, new AnnualPlanInput { Notes = Input.Notes, Targets = targets });
        var (ok, result) = await TrySendAsync(request, cancellationToken, fields).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            var warnings = result.Plan.Value.Warnings.Count;
            return DoneAndRedirect($"/plans/{year}/{segment}/{code}", warnings == 0
                ? $"已保存 {result.Plan.Value.ScopeName} {year} 年度计划，进度按最新数据重新计算。"
                : $"已保存 {result.Plan.Value.ScopeName} {year} 年度计划；有 {warnings} 项目标超出全市计划，见页面上方的提示。");
        }

        Reword(labels);
        await LoadAsync(year, scope, code, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The form's address.</summary>
    public string Back => Plan.Exists ? $"/plans/{Plan.Year}/{Segment(Plan.Scope)}/{Plan.ScopeCode}" : $"/plans/{Plan.Year}";

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.Notes", "Input.Total"];

    private Guid Stamp { get; set; }

    private async Task LoadAsync(int year, PlanScope scope, string code, CancellationToken cancellationToken)
    {
        var plan = await mediator.Send(new GetNestedPlan(year, scope, code), cancellationToken).ConfigureAwait(false);
        Plan = plan.Value;
        Stamp = plan.Stamp;
        Choices = await mediator.Send(new ListPlanTargetChoices(), cancellationToken).ConfigureAwait(false);
    }
}
