using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/trainings</c> 数字技术工程师培训: the training records of the caller's institution (the program office:
/// all), filtered by field, level, year and result in the address, newest first — <c>GET /api/digital-engineers/trainings</c>'s
/// use case; a provider whose organization is not in the catalog is told so on the page.
/// </summary>
[Authorize(Policy = InstitutionsPolicy)]
internal sealed class TrainingsModel(IMediator mediator) : DigitalPageModel
{
    private const int PageSize = 20;

    /// <summary>The field filter (enum name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    /// <summary>The level filter (enum name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>The year filter (of the training's last day).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The result filter: <c>passed</c>, <c>failed</c> or empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Result { get; set; }

    /// <summary>The caller's catalog entry and its counts (null: not an institution, or the program office).</summary>
    public OwnInstitutionView? Own { get; private set; }

    /// <summary>The page of trainings (null when the filter was refused).</summary>
    public Paged<TrainingView>? Trainings { get; private set; }

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Field) || !string.IsNullOrEmpty(Level) || !string.IsNullOrEmpty(Year) || !string.IsNullOrEmpty(Result);

    /// <summary>Whether the caller records trainings (staff of a training institution, or the program office).</summary>
    public bool Trains => IsProgramOffice || Own?.Institution.Kind == InstitutionKind.Training;

    /// <summary>Whether the caller records evaluations (staff of an evaluation institution, or the program office).</summary>
    public bool Evaluates => IsProgramOffice || Own?.Institution.Kind == InstitutionKind.Evaluation;

    /// <summary>The result choices.</summary>
    public static IEnumerable<SelectListItem> Results => [new("全部", ""), new("合格", "passed"), new("不合格", "failed")];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Own = await mediator.Send(new GetOwnInstitution(), cancellationToken).ConfigureAwait(false);
        if (!IsProgramOffice && Own is null)
        {
            return;
        }

        var year = Whole(Year, nameof(Year), "年度必须是 4 位数字的年份，例如 2026", ModelState);
        bool? passed = Result switch { "passed" => true, "failed" => false, _ => null };
        if (passed is null && !string.IsNullOrEmpty(Result))
        {
            ModelState.AddModelError(nameof(Result), "培训结果只能选择合格或不合格");
        }

        var (ok, result) = await TrySendAsync(new ListTrainings(new PipelineFilter(Field, Level, year, null, null, Math.Max(1, pageNumber ?? 1), PageSize), passed), cancellationToken).ConfigureAwait(false);
        Trainings = ok && ModelState.IsValid ? result : null;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Field), nameof(Level), nameof(Year), nameof(Result)];
}
