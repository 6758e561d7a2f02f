using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding/spending/{id}</c>: one spending line with its voucher, flags and reasons
/// (<see cref="GetSpendingLine"/>); the program office explains an open flag with a reason after a confirmation
/// (<see cref="ExplainSpendingFlag"/>, as <c>POST …/spending/{id}/explanation</c>).
/// </summary>
[Authorize(Roles = FundingAccess.ReaderRoles)]
internal sealed class LineModel(IMediator mediator) : FundingPageModel
{
    /// <summary>The line.</summary>
    public SpendingLineView Line { get; private set; } = null!;

    /// <summary>The version read.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>The explanation.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>Whether the person confirmed.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Whether the page asks to confirm.</summary>
    public bool Confirming { get; private set; }

    /// <summary>Shows the line.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>Asks to confirm, then explains (program office only).</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        if (!Confirmed && Reason?.Trim().Length >= 4)
        {
            Confirming = true;
            await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var (ok, result) = await TrySendAsync(new ExplainSpendingFlag(id, Version, new ExplainSpendingBody(Reason)), cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            var line = result!.Value;
            return DoneAndRedirect($"/supervision/funding/projects/{line.ProjectId}", $"已说明 {Day(line.SpentOn)} {line.CategoryName}支出 {Yuan(line.AmountFen)} 元的疑点。");
        }

        await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Reason)];

    private async Task LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        var versioned = await mediator.Send(new GetSpendingLine(id), cancellationToken).ConfigureAwait(false);
        Line = versioned.Value;
        if (!keepVersion || string.IsNullOrEmpty(Version))
        {
            Version = EntityTag.Format(versioned.Stamp);
        }
    }
}
