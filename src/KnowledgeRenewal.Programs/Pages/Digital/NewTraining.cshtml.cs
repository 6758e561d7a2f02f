using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/trainings/new</c>: a training institution's staff (or the program office, choosing the institution)
/// records one trainee's training — the trainee named by ID number and name (<see cref="FindTrainee"/>), then
/// <c>POST /api/digital-engineers/trainings</c>'s use case (<see cref="RecordTraining"/>), whose rules answer next to the fields.
/// </summary>
[Authorize(Policy = InstitutionsPolicy)]
internal sealed class NewTrainingModel(IMediator mediator, TimeProvider clock) : DigitalPageModel
{
    private static readonly Dictionary<string, string> ApiFields = new(StringComparer.Ordinal)
    {
        ["professionalId"] = "Input.IdNumber",
        ["institutionId"] = "Input.Institution",
    };

    /// <summary>The form.</summary>
    [BindProperty]
    public TrainingForm Input { get; set; } = new();

    /// <summary>The caller's catalog entry (null: not an institution, or the program office).</summary>
    public OwnInstitutionView? Own { get; private set; }

    /// <summary>The training institutions valid today (the program office chooses one).</summary>
    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    /// <summary>Whether the caller records trainings.</summary>
    public bool Trains => IsProgramOffice || Own?.Institution.Kind == InstitutionKind.Training;

    /// <summary>The results offered.</summary>
    public static IEnumerable<SelectListItem> Results => [new("请选择", ""), new("合格", "true"), new("不合格", "false")];

    /// <summary>The institutions offered to the program office.</summary>
    public IEnumerable<SelectListItem> InstitutionItems => [new("请选择", ""), .. Institutions.Select(i => new SelectListItem(i.OrganizationName, i.Id.ToString("D")))];

    /// <summary>Shows the empty form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Records the training, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!Trains)
        {
            return Page();
        }

        var start = Date(Input.StartDate, "Input.StartDate", "开始日期", ModelState);
        var end = Date(Input.EndDate, "Input.EndDate", "结束日期", ModelState);
        var hours = Whole(Input.Hours, "Input.Hours", $"培训学时必须是 1 至 {DigitalEngineerRules.MaxHours} 之间的整数，例如 40", ModelState);
        bool? passed = Input.Passed switch { "true" => true, "false" => false, _ => null };
        if (passed is null)
        {
            ModelState.AddModelError("Input.Passed", "请选择培训结果：合格或不合格");
        }

        Guid? institution = Own is { } own ? own.Institution.Id : Guid.TryParse(Input.Institution, out var chosen) ? chosen : null;

        var (found, trainee) = await TrySendAsync(new FindTrainee(Input.IdNumber, Input.Name), cancellationToken).ConfigureAwait(false);
        var body = new TrainingBody(found ? trainee!.Id : null, Input.Field, Input.Level, institution, start, end, hours, passed);
        var (ok, created) = await TrySendAsync(new RecordTraining(body), cancellationToken, ApiFields).ConfigureAwait(false);
        if (ok && ModelState.IsValid)
        {
            return DoneAndRedirect(
                $"/digital/trainings/{created!.Id:D}",
                $"已登记 {created.Trainee.NameMasked} 的培训记录（{created.FieldName} · {created.LevelName}，{created.Hours} 学时，{created.ResultName}）。");
        }

        KeepFirstErrors();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => TrainingForm.Fields;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Own = await mediator.Send(new GetOwnInstitution(), cancellationToken).ConfigureAwait(false);
        if (Own is null && IsProgramOffice)
        {
            Institutions = await mediator.Send(new ListInstitutions(nameof(InstitutionKind.Training), null, null, ProgramCalendar.Today(clock)), cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The training form's fields as typed (the use cases' rules check them and answer in Chinese).</summary>
internal sealed class TrainingForm
{
    /// <summary>The form's field names, for placing the use cases' field errors.</summary>
    public static readonly string[] Fields =
        ["Input.IdNumber", "Input.Name", "Input.Field", "Input.Level", "Input.Institution", "Input.StartDate", "Input.EndDate", "Input.Hours", "Input.Passed"];

    /// <summary>学员身份证号.</summary>
    public string? IdNumber { get; set; }

    /// <summary>学员姓名.</summary>
    public string? Name { get; set; }

    /// <summary>领域 (enum name).</summary>
    public string? Field { get; set; }

    /// <summary>等级 (enum name).</summary>
    public string? Level { get; set; }

    /// <summary>培训机构 (the program office only; a catalog entry's id).</summary>
    public string? Institution { get; set; }

    /// <summary>开始日期.</summary>
    public string? StartDate { get; set; }

    /// <summary>结束日期.</summary>
    public string? EndDate { get; set; }

    /// <summary>培训学时.</summary>
    public string? Hours { get; set; }

    /// <summary>培训结果: <c>true</c> 合格, <c>false</c> 不合格.</summary>
    public string? Passed { get; set; }
}
