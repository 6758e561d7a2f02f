using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/evaluations/new</c>: an evaluation institution's staff (or the program office, choosing the institution)
/// records the result of the training record the candidate brings — <c>POST /api/digital-engineers/evaluations</c>'s use
/// case (<see cref="RecordEvaluation"/>), whose rules answer next to the fields.
/// </summary>
[Authorize(Policy = InstitutionsPolicy)]
internal sealed class NewEvaluationModel(IMediator mediator, TimeProvider clock) : DigitalPageModel
{
    private static readonly Dictionary<string, string> ApiFields = new(StringComparer.Ordinal)
    {
        ["trainingId"] = "Input.Training",
        ["institutionId"] = "Input.Institution",
    };

    /// <summary>The form.</summary>
    [BindProperty]
    public EvaluationForm Input { get; set; } = new();

    /// <summary>The caller's catalog entry (null: not an institution, or the program office).</summary>
    public OwnInstitutionView? Own { get; private set; }

    /// <summary>The evaluation institutions valid today (the program office chooses one).</summary>
    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    /// <summary>Whether the caller records evaluations.</summary>
    public bool Evaluates => IsProgramOffice || Own?.Institution.Kind == InstitutionKind.Evaluation;

    /// <summary>The institutions offered to the program office.</summary>
    public IEnumerable<SelectListItem> InstitutionItems => [new("请选择", ""), .. Institutions.Select(i => new SelectListItem(i.OrganizationName, i.Id.ToString("D")))];

    /// <summary>Shows the empty form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records the result, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!Evaluates)
        {
            return Page();
        }

        Guid? training = null;
        if (!string.IsNullOrWhiteSpace(Input.Training))
        {
            if (Guid.TryParseExact(Input.Training.Trim(), "D", out var id))
            {
                training = id;
            }
            else
            {
                ModelState.AddModelError("Input.Training", "培训记录编号是 36 位的编号（含 4 个连字符），请按学员提供的编号照抄");
            }
        }

        var on = Date(Input.EvaluatedOn, "Input.EvaluatedOn", "评价日期", ModelState);
        var score = Whole(Input.Score, "Input.Score", "评价成绩必须是 0 至 100 之间的整数", ModelState);
        Guid? institution = Own is { } own ? own.Institution.Id : Guid.TryParse(Input.Institution, out var chosen) ? chosen : null;
        var (ok, created) = await TrySendAsync(new RecordEvaluation(new EvaluationBody(training, institution, on, score)), cancellationToken, ApiFields).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect(
                $"/digital/evaluations/{created!.Id:D}",
                $"已登记 {created.Trainee.NameMasked} 的评价结果（{created.FieldName} · {created.LevelName}，{created.Score} 分，{created.ResultName}）。");
        }

        KeepFirstErrors();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.Training", "Input.Institution", "Input.EvaluatedOn", "Input.Score"];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Own = await mediator.Send(new GetOwnInstitution(), cancellationToken).ConfigureAwait(false);
        if (Own is null && IsProgramOffice)
        {
            Institutions = await mediator.Send(new ListInstitutions(nameof(InstitutionKind.Evaluation), null, null, ProgramCalendar.Today(clock)), cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The evaluation form's fields as typed.</summary>
internal sealed class EvaluationForm
{
    /// <summary>培训记录编号 (the training's id, brought by the candidate).</summary>
    public string? Training { get; set; }

    /// <summary>评价机构 (the program office only).</summary>
    public string? Institution { get; set; }

    /// <summary>评价日期.</summary>
    public string? EvaluatedOn { get; set; }

    /// <summary>评价成绩.</summary>
    public string? Score { get; set; }
}
