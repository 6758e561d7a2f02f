using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>
/// <c>/classes/{id}/roster/{jobId}</c>: one roster upload — while the job runs, its progress (the page polls
/// <c>?handler=progress</c> with htmx every second); then the outcome row by row: records added and corrected, rows
/// refused with why, flagged rows with the other class and day that flagged them, people of an earlier roster missing
/// from this one. The same job as <c>GET /api/registry/imports/{id}</c>.
/// </summary>
[Authorize(Roles = Writers)]
internal sealed class RosterUploadModel(IMediator mediator) : ClassPageModel
{
    /// <summary>The class.</summary>
    public TrainingClassView Class { get; private set; } = null!;

    /// <summary>The upload.</summary>
    public ImportJobView Job { get; private set; } = null!;

    /// <summary>Whether the job is still running.</summary>
    public bool Running => Job.Status is ImportJobStatus.Queued or ImportJobStatus.Validating or ImportJobStatus.Importing;

    /// <summary>The flags of rows recorded pending review.</summary>
    public IEnumerable<ImportError> Flags => (Job.Warnings ?? []).Where(w => w.Code is RosterProblemCodes.FlagDayOverload or RosterProblemCodes.FlagDuplicateClass);

    /// <summary>The other warnings (people of an earlier roster missing from this one …).</summary>
    public IEnumerable<ImportError> OtherWarnings => (Job.Warnings ?? []).Where(w => w.Code is not (RosterProblemCodes.FlagDayOverload or RosterProblemCodes.FlagDuplicateClass));

    /// <summary>Shows the upload.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, Guid jobId, CancellationToken cancellationToken) =>
        await LoadAsync(id, jobId, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>The progress part alone (htmx polls it while the job runs).</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, Guid jobId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, jobId, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Partial("_RosterProgress", this);
    }

    /// <summary>The job's status in Chinese.</summary>
    public static string StatusName(ImportJobStatus status) => status switch
    {
        ImportJobStatus.Queued => "排队等待",
        ImportJobStatus.Validating => "正在逐行核对",
        ImportJobStatus.Importing => "正在写入学时记录",
        ImportJobStatus.Completed => "已完成",
        ImportJobStatus.Rejected => "未记录（名单有误）",
        ImportJobStatus.Failed => "处理失败",
        _ => status.ToString(),
    };

    /// <summary>The share of rows checked (0–100).</summary>
    public int Percent => Job.TotalRows == 0 ? 0 : Math.Clamp(Job.ProcessedRows * 100 / Job.TotalRows, 0, 100);

    private async Task<bool> LoadAsync(Guid id, Guid jobId, CancellationToken cancellationToken)
    {
        try
        {
            Class = (await mediator.Send(new GetTrainingClass(id), cancellationToken).ConfigureAwait(false)).Value;
            Job = await mediator.Send(new GetRosterUpload(id, jobId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
