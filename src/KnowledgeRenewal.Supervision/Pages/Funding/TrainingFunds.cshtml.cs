using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using System.ComponentModel.DataAnnotations;

namespace KnowledgeRenewal.Supervision.Pages.Funding;

/// <summary>
/// <c>/supervision/funding/training-funds</c>: employers' training funds (职工教育经费) per year with the ratio to payroll
/// and a flag below the configured floor (<see cref="ListTrainingFunds"/>, as <c>GET …/training-funds</c>) — the program
/// office all, counties and departments theirs, an employer's HR its own; HR (or the program office, naming the
/// employer's code) record a year (<see cref="RecordTrainingFund"/>, as <c>PUT …/training-funds</c>; a recorded year is
/// changed from its row, with its version).
/// </summary>
[Authorize(Roles = FeeAccess.FundReaderRoles)]
internal sealed class TrainingFundsModel : FundingPageModel
{
    private const string AmountMessage = "金额应在 0 至 100 亿元之间。";

    /// <summary>Only this year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only lines below the floor.</summary>
    [BindProperty(SupportsGet = true)]
    public bool? Below { get; set; }

    /// <summary>The line being changed (a row's id in the address).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    /// <summary>The list.</summary>
    public TrainingFundList? List { get; private set; }

    /// <summary>The version of the line being changed.</summary>
    [BindProperty]
    public string? Version { get; set; }

    /// <summary>The employer of the line being changed (program office).</summary>
    [BindProperty]
    public Guid? EmployerId { get; set; }

    /// <summary>The employer's code (program office).</summary>
    [BindProperty]
    public string? EmployerCode { get; set; }

    /// <summary>The year recorded.</summary>
    [BindProperty]
    public int? FundYear { get; set; }

    /// <summary>The payroll in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "10000000000", ErrorMessage = AmountMessage)]
    public decimal? PayrollYuan { get; set; }

    /// <summary>Training spending in yuan.</summary>
    [BindProperty]
    [Range(typeof(decimal), "0", "10000000000", ErrorMessage = AmountMessage)]
    public decimal? SpentYuan { get; set; }

    /// <summary>Whether the caller records.</summary>
    public bool MayRecord => FeeAccess.FundRecorders.Any(User.IsInRole);

    /// <summary>The filter of the flag.</summary>
    public static IEnumerable<SelectListItem> BelowItems => [new("全部", ""), new("低于比例下限", "true"), new("达到比例下限", "false")];

    /// <summary>Lists (and prefills the form from the row being changed).</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await LoadAsync(pageNumber, cancellationToken).ConfigureAwait(false);
        if (List?.Lines.Items.FirstOrDefault(l => l.Id == Edit) is { } row)
        {
            (Version, EmployerId, FundYear, PayrollYuan, SpentYuan) = (row.ETag, row.EmployerId, row.Year, row.PayrollFen / 100m, row.TrainingSpentFen / 100m);
        }
        else
        {
            FundYear ??= DateTime.UtcNow.Year - 1;
        }
    }

    /// <summary>Records a year.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MayRecord)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var input = new TrainingFundInput
            {
                EmployerId = User.IsInRole(PlatformRoles.ProgramOfficeAdmin) ? EmployerId : null,
                EmployerCode = User.IsInRole(PlatformRoles.ProgramOfficeAdmin) ? EmployerCode : null,
                Year = FundYear, PayrollFen = Fen(PayrollYuan), TrainingSpentFen = Fen(SpentYuan),
            };
            var (ok, result) = await TrySendAsync(new RecordTrainingFund(string.IsNullOrEmpty(Version) ? null : Version, input), cancellationToken, new Dictionary<string, string>
            {
                ["employerId"] = nameof(EmployerCode), ["year"] = nameof(FundYear), ["payrollFen"] = nameof(PayrollYuan), ["trainingSpentFen"] = nameof(SpentYuan),
            }).ConfigureAwait(false);
            if (ok)
            {
                var f = result.Fund;
                return DoneAndRedirect($"/supervision/funding/training-funds?year={f.Year}", f.BelowFloor
                    ? $"已登记 {f.EmployerName} {f.Year} 年度职工教育经费，占工资总额 {Percent(f.Ratio)}，低于 {Percent(f.Floor)} 的下限。"
                    : $"已登记 {f.EmployerName} {f.Year} 年度职工教育经费，占工资总额 {Percent(f.Ratio)}。");
            }
        }

        await LoadAsync(null, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>A ratio as a percentage, <c>1.25%</c>.</summary>
    public static string Percent(decimal ratio) => (ratio * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year), nameof(Below), nameof(EmployerCode), nameof(FundYear), nameof(PayrollYuan), nameof(SpentYuan)];

    private async Task LoadAsync(int? pageNumber, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListTrainingFunds(Year, Below, Math.Max(1, pageNumber ?? 1), 20), cancellationToken).ConfigureAwait(false);
        List = ok ? result : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private static long? Fen(decimal? yuan) => yuan is { } y ? (long)Math.Round(y * 100m) : null;
}
