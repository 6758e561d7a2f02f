using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Reviews;

/// <summary>
/// <c>/reviews/records/new?professionalId=…</c>: a manual adjustment — approved hours recorded by hand for a person
/// (or a record migrated from another platform, with its reference) by the program office or the county/department
/// administrator over the person — <see cref="RecordCredit"/>, as <c>POST /api/credit-records</c>.
/// </summary>
[Authorize(Roles = RecordsModel.ReviewerRoles)]
internal sealed class NewRecordModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>The person.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ProfessionalId { get; set; }

    /// <summary>The person as shown (null: not found or out of scope).</summary>
    public ComplianceExplanation? Person { get; private set; }

    /// <summary>The form.</summary>
    [BindProperty]
    public ManualRecordForm Input { get; set; } = new();

    /// <summary>Categories offered.</summary>
    public static IReadOnlyList<SelectListItem> Categories { get; } =
        [new("请选择", ""), new("公需科目", nameof(CreditCategory.Public)), new("专业科目", nameof(CreditCategory.Professional))];

    /// <summary>Units offered.</summary>
    public static IReadOnlyList<SelectListItem> Units { get; } = [new("学时", nameof(CreditUnit.Hour)), new("学分（按本人适用的规则折算）", nameof(CreditUnit.Credit))];

    /// <summary>Sources offered.</summary>
    public static IReadOnlyList<SelectListItem> Sources { get; } =
        [new(LedgerLabels.Source(RecordSource.ManualAdjustment), nameof(RecordSource.ManualAdjustment)), new(LedgerLabels.Source(RecordSource.ExternalImport), nameof(RecordSource.ExternalImport))];

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Records the hours.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var input = new CreditInput
            {
                ProfessionalId = ProfessionalId,
                Date = Input.Date,
                Category = Input.Category,
                Amount = Input.Amount,
                Unit = Input.Unit,
                SubjectCode = Blank(Input.SubjectCode),
                Title = Blank(Input.Title),
                Source = Input.Source,
                ExternalReference = Blank(Input.ExternalReference),
                Note = Blank(Input.Note),
            };
            var (ok, created) = await TrySendAsync(new RecordCredit(input), cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/reviews/records/{created!.Value.Id:D}", $"已为{Person!.Professional.Name}登记 {RecordsModel.Hours(created.Value.Hours)} 学时，已计入学时。");
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        ["Input.Date", "Input.Category", "Input.Amount", "Input.Unit", "Input.SubjectCode", "Input.Title", "Input.Source", "Input.ExternalReference", "Input.Note", nameof(ProfessionalId)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (ProfessionalId is not { } id)
        {
            return false;
        }

        try
        {
            Person = await mediator.Send(new ExplainCompliance(id, ProgramCalendar.Today(clock).Year), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

/// <summary>The manual record form (the words of <see cref="CreditInput"/>).</summary>
internal sealed class ManualRecordForm
{
    /// <summary>The day the activity ended.</summary>
    [DataType(DataType.Date)]
    public DateOnly? Date { get; set; }

    /// <summary>Public or professional.</summary>
    public CreditCategory? Category { get; set; }

    /// <summary>The amount.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Hour or credit.</summary>
    public CreditUnit? Unit { get; set; } = CreditUnit.Hour;

    /// <summary>The subject's code, if any.</summary>
    public string? SubjectCode { get; set; }

    /// <summary>What it was.</summary>
    public string? Title { get; set; }

    /// <summary>Manual adjustment or a migrated record.</summary>
    public RecordSource? Source { get; set; } = RecordSource.ManualAdjustment;

    /// <summary>The other platform and its reference.</summary>
    public string? ExternalReference { get; set; }

    /// <summary>Why.</summary>
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}
