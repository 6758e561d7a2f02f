using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using KnowledgeRenewal.Supervision.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding/projects/{id}</c>: a project's budget against its spending per category and source and
/// its lines with their flags (<see cref="GetProjectFunding"/>); the host's staff or the program office record a line
/// with its voucher (<see cref="RecordSpending"/>, as <c>POST …/spending</c>); the program office approves the
/// category budget (<see cref="SetCategoryBudget"/>, as <c>PUT …/category-budget</c>).
/// </summary>
[Authorize(Roles = FundingAccess.ReaderRoles)]
internal sealed class ProjectModel(IMediator mediator) : FundingPageModel
{
    /// <summary>The project's funding.</summary>
    public ProjectFundingView Funding { get; private set; } = null!;

    /// <summary>The category.</summary>
    [BindProperty]
    public SpendingCategory? Category { get; set; }

    /// <summary>The source.</summary>
    [BindProperty]
    public FundingSource? Source { get; set; }

    /// <summary>The amount in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0.01", "1000000000", ErrorMessage = "支出金额应大于 0 元、不超过 10 亿元。")]
    public decimal? AmountYuan { get; set; }

    /// <summary>The day.</summary>
    [BindProperty]
    [DataType(DataType.Date)]
    public DateOnly? SpentOn { get; set; }

    /// <summary>The payee.</summary>
    [BindProperty]
    public string? Payee { get; set; }

    /// <summary>What for.</summary>
    [BindProperty]
    [DataType(DataType.MultilineText)]
    public string? Purpose { get; set; }

    /// <summary>The voucher.</summary>
    [BindProperty]
    public IFormFile? Voucher { get; set; }

    /// <summary>The approved amounts in yuan by category (program office).</summary>
    [BindProperty]
    public Dictionary<SpendingCategory, decimal?> Budget { get; set; } = [];

    /// <summary>The categories.</summary>
    public static IEnumerable<SelectListItem> Categories =>
        [new("请选择", ""), .. Enum.GetValues<SpendingCategory>().Select(c => new SelectListItem(FundingLabels.Category(c), c.ToString()))];

    /// <summary>The sources.</summary>
    public static IEnumerable<SelectListItem> Sources =>
        [new("请选择", ""), .. Enum.GetValues<FundingSource>().Select(s => new SelectListItem(FundingLabels.Source(s), s.ToString()))];

    /// <summary>Shows the page.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        Budget = Funding.Categories.Where(c => c.BudgetFen > 0).ToDictionary(c => Enum.Parse<SpendingCategory>(c.Key), c => (decimal?)(c.BudgetFen / 100m));
        return Page();
    }

    /// <summary>Records a spending line.</summary>
    public async Task<IActionResult> OnPostSpendingAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var files = Voucher is null ? [] : await EvidenceForm.FilesAsync([Voucher], cancellationToken).ConfigureAwait(false);
            var input = new SpendingInput
            {
                Category = Category, Source = Source, AmountFen = AmountYuan is { } yuan ? (long)Math.Round(yuan * 100m) : null,
                SpentOn = SpentOn, Payee = Payee, Purpose = Purpose,
            };
            var (ok, line) = await TrySendAsync(new RecordSpending(id, input, files.Count > 0 ? files[0] : null), cancellationToken,
                new Dictionary<string, string> { ["category"] = nameof(Category), ["source"] = nameof(Source), ["amountFen"] = nameof(AmountYuan), ["spentOn"] = nameof(SpentOn), ["payee"] = nameof(Payee), ["purpose"] = nameof(Purpose), ["voucher"] = nameof(Voucher) })
                .ConfigureAwait(false);
            if (ok)
            {
                var v = line!.Value;
                return DoneAndRedirect($"/supervision/funding/projects/{id}", v.Flags == SpendingIssues.None
                    ? $"已登记支出 {Yuan(v.AmountFen)} 元（{v.CategoryName}）。"
                    : $"已登记支出 {Yuan(v.AmountFen)} 元（{v.CategoryName}），被标记为疑点：{string.Join("、", v.FlagNames)}。");
            }
        }

        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Approves the category budget (program office).</summary>
    public async Task<IActionResult> OnPostBudgetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsOffice)
        {
            return Forbid();
        }

        var items = Budget.Where(b => b.Value is not null).Select(b => new CategoryAmount(b.Key, b.Value < 0 || b.Value > 1_000_000_000m ? -1 : (long)Math.Round(b.Value!.Value * 100m))).ToList();
        var (ok, _) = await TrySendAsync(new SetCategoryBudget(id, new CategoryBudgetBody(items)), cancellationToken, new Dictionary<string, string> { ["items"] = nameof(Budget) }).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/supervision/funding/projects/{id}", "已保存核定的支出科目和金额。之后登记的支出按新的核定预算检查。");
        }

        await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Category), nameof(Source), nameof(AmountYuan), nameof(SpentOn), nameof(Payee), nameof(Purpose), nameof(Voucher), nameof(Budget)];

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Funding = await mediator.Send(new GetProjectFunding(id), cancellationToken).ConfigureAwait(false);
}
