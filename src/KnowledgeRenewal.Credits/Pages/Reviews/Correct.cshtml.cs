using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Reviews;

/// <summary>
/// <c>/reviews/records/{id}/correct</c>: corrects an approved record as a linked correction — the old record revoked,
/// the corrected one recorded and approved with the reason, each pointing at the other — through
/// <see cref="CorrectCreditRecord"/>, as <c>POST /api/credit-records/{id}/correct</c>, at the version read.
/// </summary>
[Authorize(Roles = RecordsModel.ReviewerRoles)]
internal sealed class CorrectModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The record corrected.</summary>
    public CreditRecordView Record { get; private set; } = null!;

    /// <summary>The version read (If-Match).</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>The corrected values and the reason.</summary>
    [BindProperty]
    public CorrectionForm Input { get; set; } = new();

    /// <summary>Shows the form filled with the record's values.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion: false, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Input = new CorrectionForm { Title = Record.Title, Date = Record.Date, Category = Record.Category, Amount = Record.EnteredAmount };
        return Page();
    }

    /// <summary>Records the correction.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, keepVersion: true, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var input = new CorrectionInput
            {
                Reason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim(),
                Title = string.IsNullOrWhiteSpace(Input.Title) ? null : Input.Title.Trim(),
                Date = Input.Date,
                Category = Input.Category,
                Amount = Input.Amount,
                Unit = Input.Amount is null ? null : Record.EnteredUnit,
            };
            var (ok, corrected) = await TrySendAsync(new CorrectCreditRecord(id, Version, input), cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/reviews/records/{corrected!.Value.Id:D}", "已更正该学时记录：原记录已撤销，更正后的记录已计入学时。");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The unit of the amount, in words.</summary>
    public string UnitText => Record.EnteredUnit == CreditUnit.Credit ? "学分" : "学时";

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => ["Input.Reason", "Input.Title", "Input.Date", "Input.Category", "Input.Amount"];

    private async Task<bool> LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        try
        {
            var versioned = await mediator.Send(new GetCreditRecord(id), cancellationToken).ConfigureAwait(false);
            Record = versioned.Value;
            if (!keepVersion || string.IsNullOrEmpty(Version))
            {
                Version = EntityTag.Format(versioned.Stamp);
            }

            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

/// <summary>The correction form (the words of <see cref="CorrectionInput"/>).</summary>
internal sealed class CorrectionForm
{
    /// <summary>Why.</summary>
    [DataType(DataType.MultilineText)]
    public string? Reason { get; set; }

    /// <summary>The corrected title.</summary>
    public string? Title { get; set; }

    /// <summary>The corrected day.</summary>
    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    /// <summary>The corrected category.</summary>
    public CreditCategory? Category { get; set; }

    /// <summary>The corrected amount (in the record's unit).</summary>
    public decimal? Amount { get; set; }
}
