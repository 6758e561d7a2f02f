using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Reviews;

/// <summary>
/// <c>/reviews/records/{id}</c>: a pending credit record as <c>GET /api/credit-records/{id}</c> shows it, approved or
/// rejected (after a confirmation, with a reason) through the same use cases as
/// <c>POST /api/credit-records/{id}/approve</c> and <c>/reject</c>.
/// </summary>
[Authorize(Roles = RecordsModel.ReviewerRoles)]
internal sealed class RecordModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The record.</summary>
    public CreditRecordView Record { get; private set; } = null!;

    /// <summary>The version shown (If-Match).</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>The note or reason.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Whether the person confirmed a rejection.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Whether the page asks to confirm a rejection.</summary>
    public bool ConfirmingReject { get; private set; }

    /// <summary>Whether the record still waits for review.</summary>
    public bool Pending => Record.Status == CreditRecordStatus.Pending;

    /// <summary>Whether the record is approved (it may be corrected or revoked).</summary>
    public bool Approved => Record.Status == CreditRecordStatus.Approved;

    /// <summary>Whether the page asks to confirm a revocation.</summary>
    public bool ConfirmingRevoke { get; private set; }

    /// <summary>Revokes an approved record with a reason, after a confirmation (as <c>POST /api/credit-records/{id}/revoke</c>).</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Confirmed && !string.IsNullOrWhiteSpace(Reason))
        {
            await LoadAsync(id, cancellationToken, keepVersion: true).ConfigureAwait(false);
            ConfirmingRevoke = true;
            return Page();
        }

        var (ok, _) = await TrySendAsync(new RevokeCreditRecord(id, Version, Blank(Reason)), cancellationToken).ConfigureAwait(false);
        return ok ? DoneAndRedirect($"/reviews/records/{id:D}", "已撤销该学时记录，不再计入学时。") : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Shows the record.</summary>
    public Task OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    /// <summary>Approves the record.</summary>
    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new ApproveCreditRecord(id, Version, Blank(Reason)), cancellationToken).ConfigureAwait(false);
        return ok ? DoneAndRedirect("/reviews/records", "已认定该学时记录，计入学时。") : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects the record, after a confirmation.</summary>
    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Confirmed && !string.IsNullOrWhiteSpace(Reason))
        {
            // A missing reason is named next to the field by the use case; with a reason, confirm first.
            await LoadAsync(id, cancellationToken, keepVersion: true).ConfigureAwait(false);
            ConfirmingReject = true;
            return Page();
        }

        var (ok, _) = await TrySendAsync(new RejectCreditRecord(id, Version, Blank(Reason)), cancellationToken).ConfigureAwait(false);
        return ok ? DoneAndRedirect("/reviews/records", "已驳回该学时记录。") : await AgainAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => RecordsModel.Hours(hours);

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Reason)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult> AgainAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken, keepVersion: true).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken, bool keepVersion = false)
    {
        var versioned = await mediator.Send(new GetCreditRecord(id), cancellationToken).ConfigureAwait(false);
        Record = versioned.Value;
        if (!keepVersion || string.IsNullOrEmpty(Version))
        {
            Version = EntityTag.Format(versioned.Stamp);
        }
    }
}
