using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.UseCases.Filings;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Filings;

/// <summary>
/// <c>/filings/{id}</c>: one filing with its history (<see cref="GetFiling"/>); the program office accepts it or returns
/// it with a reason, each after a confirmation (<see cref="DecideFiling"/>, as <c>POST /api/filings/{id}/decision</c>);
/// a returned filing links its base's staff to the corrected form.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class ShowModel(IMediator mediator) : FilingPageModel
{
    /// <summary>The filing.</summary>
    public FilingView Filing { get; private set; } = null!;

    /// <summary>The version read.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>Accept or return.</summary>
    [BindProperty]
    public FilingDecision? Decision { get; set; }

    /// <summary>Why it is returned.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Whether the person confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>A new attachment (the base's staff, while the filing waits or was returned).</summary>
    [BindProperty]
    public IFormFile? Attachment { get; set; }

    /// <summary>Whether the page asks to confirm.</summary>
    public bool Confirming { get; private set; }

    /// <summary>Shows the filing.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>Asks to confirm, then decides (program office only).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsDecider)
        {
            return Forbid();
        }

        if (!Confirmed && Decision is not null && (Decision == FilingDecision.Accept || !string.IsNullOrWhiteSpace(Reason)))
        {
            Confirming = true;
            await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var (ok, result) = await TrySendAsync(new DecideFiling(id, Version, new FilingDecisionBody(Decision, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim())), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            var filing = result!.Value;
            return DoneAndRedirect($"/filings?year={filing.Year}", filing.Status == BaseFilingStatus.Accepted
                ? $"已接收{filing.BaseName}的 {filing.Year} 年度报送，其 {filing.Year + 1} 年度培训计划已计入年度计划。"
                : $"已退回{filing.BaseName}的 {filing.Year} 年度报送，基地修改后会重新报送。");
        }

        await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Attaches or replaces the attachment (<see cref="AttachFilingFile"/>, as <c>PUT /api/filings/{id}/attachment</c>).</summary>
    public async Task<IActionResult> OnPostAttachAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsFiler)
        {
            return Forbid();
        }

        if (await ReadAttachmentAsync(Attachment, nameof(Attachment), cancellationToken).ConfigureAwait(false) is (true, var file))
        {
            var (ok, _) = await TrySendAsync(new AttachFilingFile(id, file), cancellationToken,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["attachment"] = nameof(Attachment) }).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/filings/{id}", "附件已上传。");
            }
        }

        await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Decision), nameof(Reason), nameof(Attachment)];

    private async Task LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        var versioned = await mediator.Send(new GetFiling(id), cancellationToken).ConfigureAwait(false);
        Filing = versioned.Value;
        if (!keepVersion || string.IsNullOrEmpty(Version))
        {
            Version = EntityTag.Format(versioned.Stamp);
        }
    }
}
