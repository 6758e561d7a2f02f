using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/evaluations</c> 评价结果: the evaluation results within the caller's scope (an evaluation institution: its
/// own; a training institution: those of its trainees), filtered by field, level and year in the address —
/// <c>GET /api/digital-engineers/evaluations</c>'s use case.
/// </summary>
[Authorize(Policy = InstitutionsPolicy)]
internal sealed class EvaluationsModel(IMediator mediator) : DigitalPageModel
{
    private const int PageSize = 20;

    /// <summary>The field filter (enum name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    /// <summary>The level filter (enum name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>The year filter (of the evaluation).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>The caller's catalog entry (null: not an institution, or the program office).</summary>
    public OwnInstitutionView? Own { get; private set; }

    /// <summary>The page of evaluations (null when the filter was refused).</summary>
    public Paged<EvaluationView>? Evaluations { get; private set; }

    /// <summary>Whether the caller records evaluations.</summary>
    public bool Evaluates => IsProgramOffice || Own?.Institution.Kind == InstitutionKind.Evaluation;

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Field) || !string.IsNullOrEmpty(Level) || !string.IsNullOrEmpty(Year);

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Own = await mediator.Send(new GetOwnInstitution(), cancellationToken).ConfigureAwait(false);
        if (!IsProgramOffice && Own is null)
        {
            return;
        }

        var year = Whole(Year, nameof(Year), "年度必须是 4 位数字的年份，例如 2026", ModelState);
        var (ok, result) = await TrySendAsync(new ListEvaluations(new PipelineFilter(Field, Level, year, null, null, Math.Max(1, pageNumber ?? 1), PageSize)), cancellationToken).ConfigureAwait(false);
        Evaluations = ok && ModelState.IsValid ? result : null;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Field), nameof(Level), nameof(Year)];
}
