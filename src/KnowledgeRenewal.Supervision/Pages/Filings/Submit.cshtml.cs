using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Filings;
using KnowledgeRenewal.Supervision.UseCases.Filings;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Filings;

/// <summary>The filing form's fields (the budget in yuan; the use case takes fen).</summary>
internal sealed class FilingForm
{
    /// <summary>This year's plan execution.</summary>
    [DataType(DataType.MultilineText)]
    public string? Execution { get; set; }

    /// <summary>Classes held this year.</summary>
    public int? ClassesHeld { get; set; }

    /// <summary>People trained this year.</summary>
    public int? PeopleTrained { get; set; }

    /// <summary>Next year's classes.</summary>
    public int? PlannedClasses { get; set; }

    /// <summary>Next year's subjects.</summary>
    [DataType(DataType.MultilineText)]
    public string? PlannedSubjects { get; set; }

    /// <summary>Next year's target trainees.</summary>
    public int? TargetTrainees { get; set; }

    /// <summary>Next year's budget in yuan (two decimals at most).</summary>
    public decimal? BudgetYuan { get; set; }
}

/// <summary>
/// <c>/filings/{year}/submit</c>: a base's staff fill in their base's filing of the year (<see cref="SubmitFiling"/>, as
/// <c>POST /api/filings/{year}</c>); after a return the form comes back filled with what was sent and the reason.
/// </summary>
[Authorize(Roles = FilerRoles)]
internal sealed class SubmitModel(IMediator mediator) : FilingPageModel
{
    /// <summary>The year reported on.</summary>
    public int Year { get; private set; }

    /// <summary>The due date.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>The filing being corrected (after a return), if any.</summary>
    public FilingView? Returned { get; private set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public FilingForm Input { get; set; } = new();

    /// <summary>The attachment (optional; PDF, JPG or PNG, at most 10 MB).</summary>
    [BindProperty]
    public IFormFile? Attachment { get; set; }

    /// <summary>The version read (when correcting).</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>Shows the form (filled with a returned filing).</summary>
    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        var existing = await LoadAsync(year, cancellationToken).ConfigureAwait(false);
        if (existing is { } filing)
        {
            if (filing.Value.Status != BaseFilingStatus.Returned)
            {
                return Redirect($"/filings/{filing.Value.Id}");
            }

            Version = EntityTag.Format(filing.Stamp);
            var f = filing.Value;
            Input = new FilingForm
            {
                Execution = f.Execution, ClassesHeld = f.ClassesHeld, PeopleTrained = f.PeopleTrained, PlannedClasses = f.PlannedClasses,
                PlannedSubjects = f.PlannedSubjects, TargetTrainees = f.TargetTrainees, BudgetYuan = f.BudgetFen / 100m,
            };
        }

        return Page();
    }

    /// <summary>Submits.</summary>
    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        long? fen = Input.BudgetYuan is { } yuan && yuan == decimal.Round(yuan, 2) && Math.Abs(yuan) < 1_000_000_000_000m ? (long)(yuan * 100m) : null;
        if (Input.BudgetYuan is not null && fen is null)
        {
            ModelState.AddModelError("Input.BudgetYuan", "下一年度经费预算最多保留两位小数（元）。");
        }
        else if (await ReadAttachmentAsync(Attachment, nameof(Attachment), cancellationToken).ConfigureAwait(false) is (true, var attachment))
        {
            var input = new FilingInput
            {
                Execution = Input.Execution, ClassesHeld = Input.ClassesHeld, PeopleTrained = Input.PeopleTrained, PlannedClasses = Input.PlannedClasses,
                PlannedSubjects = Input.PlannedSubjects, TargetTrainees = Input.TargetTrainees, BudgetFen = fen,
            };
            var (ok, result) = await TrySendAsync(new SubmitFiling(year, Version, input, attachment), cancellationToken,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["budgetFen"] = "Input.BudgetYuan", ["attachment"] = nameof(Attachment) }).ConfigureAwait(false);
            if (ok)
            {
                var filing = result.Filing.Value;
                return DoneAndRedirect($"/filings/{filing.Id}", filing.Late
                    ? $"已报送 {year} 年度报送。报送晚于截止日 {Day(filing.DueOn)}，已记为逾期报送。"
                    : $"已报送 {year} 年度报送，等待市项目办审核。");
            }
        }

        await LoadAsync(year, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        ["Input.Execution", "Input.ClassesHeld", "Input.PeopleTrained", "Input.PlannedClasses", "Input.PlannedSubjects", "Input.TargetTrainees", "Input.BudgetYuan", nameof(Attachment)];

    /// <summary>The year as written.</summary>
    public static string YearText(int year) => year.ToString(CultureInfo.InvariantCulture);

    private async Task<Versioned<FilingView>?> LoadAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            throw new NotFoundException("year", year);
        }

        Year = year;
        var list = await mediator.Send(new ListFilings(year), cancellationToken).ConfigureAwait(false);
        DueOn = list.DueOn;
        var row = list.Rows.Count > 0 ? list.Rows[0] : null;
        if (row?.FilingId is not { } id)
        {
            return null;
        }

        var filing = await mediator.Send(new GetFiling(id), cancellationToken).ConfigureAwait(false);
        Returned = filing.Value.Status == BaseFilingStatus.Returned ? filing.Value : null;
        return filing;
    }
}
