using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// <c>/staff/import/{id}</c>: one import job (<see cref="GetImport"/>, as <c>GET /api/registry/imports/{id}</c>) — a
/// progress bar while it runs (<c>?handler=progress</c>, the partial htmx polls every second), then the counts and
/// every row's problem; <c>?handler=report</c> the error report (<see cref="GetImportReport"/>).
/// </summary>
[Authorize(Roles = StaffPages.Roles)]
internal sealed class ImportJobModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The job (null: not found, or not the caller's).</summary>
    public ImportJobView? Job { get; private set; }

    /// <summary>Loads the job.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Job = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (Job is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>The progress partial (what htmx polls).</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken).ConfigureAwait(false) is { } job ? Partial("_ImportProgress", job) : NotFound();

    /// <summary>The error report (xlsx).</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new GetImportReport(id), cancellationToken).ConfigureAwait(false);
        return File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
    }

    private async Task<ImportJobView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var job = await mediator.Send(new GetImport(id, null), cancellationToken).ConfigureAwait(false);
            return job.Kind == ImportNames.Of(ImportKind.Professionals) ? job : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
