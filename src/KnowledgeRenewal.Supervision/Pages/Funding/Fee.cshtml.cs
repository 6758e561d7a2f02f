using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding/fees/{id}</c>: one fee standard with its cost breakdown (<see cref="GetFeeStandard"/>); the
/// program office approves it or returns it with a reason after a confirmation (<see cref="DecideFeeStandard"/>, as
/// <c>POST …/fee-standards/{id}/decision</c>).
/// </summary>
[Authorize(Roles = FeeAccess.FeeReaderRoles)]
internal sealed class FeeModel(IMediator mediator) : FundingPageModel
{
    /// <summary>The standard.</summary>
    public FeeStandardView Standard { get; private set; } = null!;

    /// <summary>The version read.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>Approve or return.</summary>
    [BindProperty]
    public FeeDecision? Decision { get; set; }

    /// <summary>Why it is returned.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Whether the person confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Whether the page asks to confirm.</summary>
    public bool Confirming { get; private set; }

    /// <summary>Shows the standard.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>Asks to confirm, then decides (program office only).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        if (!Confirmed && Decision is not null && (Decision == FeeDecision.Approve || !string.IsNullOrWhiteSpace(Reason)))
        {
            Confirming = true;
            await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var (ok, result) = await TrySendAsync(new DecideFeeStandard(id, Version, new FeeDecisionBody(Decision, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim())), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            var s = result!.Value;
            return DoneAndRedirect($"/supervision/funding/fees?year={s.Year}", $"{s.BaseName} {s.Year} 年度{s.KindName}收费标准已{(Decision == FeeDecision.Approve ? "核准并公示" : "退回")}。");
        }

        await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Decision), nameof(Reason)];

    private async Task LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        var versioned = await mediator.Send(new GetFeeStandard(id), cancellationToken).ConfigureAwait(false);
        Standard = versioned.Value;
        if (!keepVersion || string.IsNullOrEmpty(Version))
        {
            Version = EntityTag.Format(versioned.Stamp);
        }
    }
}
