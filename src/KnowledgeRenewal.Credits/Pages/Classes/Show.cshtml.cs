using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>
/// <c>/classes/{id}</c>: one class within the caller's scope (404 otherwise) — its details, its roster uploads, its
/// credit records and their review state (flagged ones with what was found); for whoever runs it: change, finish
/// (结业) and cancel, each irreversible step confirmed on the page first (<c>?confirm=finish</c>) and then sent as
/// the API does (<c>POST /api/classes/{id}/finish</c>, <c>/cancel</c>, with the version shown as <c>If-Match</c>).
/// </summary>
[Authorize(Roles = Readers)]
internal sealed class ShowModel(IMediator mediator, IEnumerable<IClassEvaluations> evaluations) : ClassPageModel
{
    private const int RecordsPerPage = 50;

    /// <summary>The class.</summary>
    public TrainingClassView Class { get; private set; } = null!;

    /// <summary>The version shown (sent back as If-Match).</summary>
    public string Version { get; private set; } = "";

    /// <summary>The step to confirm (<c>finish</c> or <c>cancel</c>), if asked.</summary>
    public string? Confirm { get; private set; }

    /// <summary>The class's credit records (a page).</summary>
    public Paged<CreditRecordView>? Records { get; private set; }

    /// <summary>The roster uploads the caller may see.</summary>
    public IReadOnlyList<ImportJobView> Uploads { get; private set; } = [];

    /// <summary>Flagged records still waiting for review.</summary>
    public int FlaggedPending { get; private set; }

    /// <summary>What the participants said of the class (supervision's evaluations, through <see cref="IClassEvaluations"/>), when answered.</summary>
    public ClassEvaluationFigures? Evaluations { get; private set; }

    /// <summary>A mean rating (1–5) with two decimals, 「--」 without evaluations.</summary>
    public static string Mean(decimal? mean) => mean is { } m ? m.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "--";

    /// <summary>Whether the caller runs the class (may change it).</summary>
    public bool Runs => CanWrite;

    /// <summary>Shows the class.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? confirm, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Confirm = confirm is "finish" or "cancel" && CanWrite ? confirm : null;
        return await LoadAsync(id, pageNumber ?? 1, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    /// <summary>Finishes the class (结业).</summary>
    public Task<IActionResult> OnPostFinishAsync(Guid id, string? version, CancellationToken cancellationToken) =>
        StepAsync(id, new FinishTrainingClass(id, version), "班次已结业，现在可以上传学员名单。", cancellationToken);

    /// <summary>Cancels the class.</summary>
    public Task<IActionResult> OnPostCancelAsync(Guid id, string? version, CancellationToken cancellationToken) =>
        StepAsync(id, new CancelTrainingClass(id, version), "班次已取消。", cancellationToken);

    private async Task<IActionResult> StepAsync(Guid id, IRequest<Versioned<TrainingClassView>> step, string done, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(step, cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/classes/{id:D}", done);
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return await LoadAsync(id, 1, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, int page, CancellationToken cancellationToken)
    {
        try
        {
            var found = await mediator.Send(new GetTrainingClass(id), cancellationToken).ConfigureAwait(false);
            Class = found.Value;
            Version = EntityTag.Format(found.Stamp);
        }
        catch (NotFoundException)
        {
            return false;
        }

        Records = await mediator.Send(new ListCreditRecords(null, null, null, null, id, null, null, Math.Max(1, page), RecordsPerPage), cancellationToken).ConfigureAwait(false);
        FlaggedPending = (await mediator.Send(new ListCreditRecords(null, null, CreditRecordStatus.Pending, null, id, null, true, 1, 1), cancellationToken).ConfigureAwait(false)).Total;
        Uploads = await mediator.Send(new ListRosterUploads(id), cancellationToken).ConfigureAwait(false);
        foreach (var source in evaluations)
        {
            Evaluations = await source.ForClassAsync(id, cancellationToken).ConfigureAwait(false);
            break;
        }

        return true;
    }
}
