using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.TitleRecords;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Staff;

/// <summary>
/// <c>/staff/compliance</c> 本单位学时达标情况: the counts of the caller's people per status (<see cref="GetComplianceSummary"/>,
/// as <c>GET /api/compliance/summary</c>) and the people of a status with what they still miss
/// (<see cref="ListStaffCompliance"/>), worst first, paged; each person links to their hours. <c>?handler=export</c>:
/// the same rows as xlsx (<see cref="ExportStaffCompliance"/>).
/// </summary>
[Authorize(Roles = StaffCreditPages.Roles)]
internal sealed class ComplianceModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    /// <summary>The year (this year by default).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The status filter (<see cref="ComplianceStatus"/> name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The employer whose staff's title-evaluation records are exported.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? EmployerId { get; set; }

    /// <summary>The title-evaluation records' first year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    /// <summary>The title-evaluation records' last year.</summary>
    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>The employers of the summary (the caller's own: employer HR its one), for the title-evaluation export.</summary>
    public IReadOnlyList<SelectListItem> Employers =>
        Summary is null ? [] : [.. Summary.Groups.Where(g => Guid.TryParse(g.Key, out _) && g.Name is not null).Select(g => new SelectListItem(g.Name, g.Key))];

    /// <summary>The counts (null when refused).</summary>
    public ComplianceSummaryView? Summary { get; private set; }

    /// <summary>The page of people (null when refused).</summary>
    public Paged<StaffComplianceRow>? People { get; private set; }

    /// <summary>This year (China time).</summary>
    public int ThisYear => ProgramCalendar.Today(clock).Year;

    /// <summary>The years offered.</summary>
    public IReadOnlyList<SelectListItem> Years =>
        [.. Enumerable.Range(ProgramPeriod.FirstYear, ThisYear - ProgramPeriod.FirstYear + 1).Reverse().Select(y => new SelectListItem($"{y} 年", y.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>The statuses offered.</summary>
    public static IReadOnlyList<SelectListItem> Statuses { get; } =
    [
        new("全部", ""),
        new(ComplianceLabels.Status(ComplianceStatus.NotMet), nameof(ComplianceStatus.NotMet)),
        new(ComplianceLabels.Status(ComplianceStatus.InProgress), nameof(ComplianceStatus.InProgress)),
        new(ComplianceLabels.Status(ComplianceStatus.Met), nameof(ComplianceStatus.Met)),
        new(ComplianceLabels.Status(ComplianceStatus.NoRules), nameof(ComplianceStatus.NoRules)),
    ];

    /// <summary>Loads the counts and the page of people.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        From ??= ProgramPeriod.FirstYear;
        To ??= Math.Clamp(ThisYear, ProgramPeriod.FirstYear, ProgramPeriod.LastYear);
        var (ok, summary) = await TrySendAsync(new GetComplianceSummary(Year, SummaryGrouping.Employer), cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return;
        }

        Summary = summary;
        var (listed, people) = await TrySendAsync(new ListStaffCompliance(Year, Status, Math.Max(page ?? 1, 1), PageSize), cancellationToken).ConfigureAwait(false);
        People = listed ? people : null;
    }

    /// <summary>The rows of the filter as xlsx.</summary>
    /// <summary>
    /// The title-evaluation records (职称评审继续教育记录) of <see cref="EmployerId"/>'s staff for <see cref="From"/>–<see cref="To"/>
    /// as xlsx (as <c>GET /api/employers/{id}/title-records</c>, audited); a refused period or no employer chosen shows the
    /// page again with the message next to the field.
    /// </summary>
    public async Task<IActionResult> OnGetTitleRecordsAsync(CancellationToken cancellationToken)
    {
        if (EmployerId is { } employer)
        {
            var (ok, file) = await TrySendAsync(new ExportStaffTitleRecords(employer, From, To), cancellationToken).ConfigureAwait(false);
            if (ok && file is not null)
            {
                return File(file.Content, file.ContentType, file.FileName);
            }
        }
        else
        {
            ModelState.AddModelError(nameof(EmployerId), "请选择用人单位。");
        }

        await OnGetAsync(null, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new ExportStaffCompliance(Year, Status), cancellationToken).ConfigureAwait(false);
        return File(file.Content, Registry.Contracts.ImportWorkbooks.XlsxContentType, file.FileName);
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year), nameof(Status), nameof(EmployerId), nameof(From), nameof(To)];

    /// <summary>The address of the list of <paramref name="status"/> (the year kept).</summary>
    public string StatusLink(ComplianceStatus? status) =>
        "/staff/compliance" + QueryString.Create(new Dictionary<string, string?>
        {
            ["Year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Status"] = status?.ToString(),
        }.Where(p => p.Value is not null)).ToUriComponent();
}
