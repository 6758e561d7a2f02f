using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Compliance;

/// <summary>
/// <c>/compliance/people</c>: the drill-down of <c>/compliance</c> — the people of one employer, sector or region of the
/// caller's scope with their status and shortfall, filtered by status, sorted and paged in the address; the same use
/// case, scope and masking as <c>GET /api/compliance/people</c> (<see cref="ListStaffCompliance"/>); an employer the
/// caller may not see is not found. <c>?handler=export</c>: the same rows as xlsx (<see cref="ExportStaffCompliance"/>).
/// Each person links to their hours page (<c>/staff/{id}/hours</c>, open to the same roles).
/// </summary>
[Authorize(Roles = IndexModel.ReaderRoles)]
internal sealed class PeopleModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    /// <summary>The year (this year when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The status filter (<see cref="ComplianceStatus"/> name).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Only this employer's people.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? EmployerId { get; set; }

    /// <summary>Only this sector's people (a line department's code).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    /// <summary>Only this region's people.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>The page of people (null when the filters were refused).</summary>
    public Paged<StaffComplianceRow>? People { get; private set; }

    /// <summary>The statuses offered.</summary>
    public static IReadOnlyList<SelectListItem> Statuses { get; } =
    [
        new("全部", ""),
        new(ComplianceLabels.Status(ComplianceStatus.NotMet), nameof(ComplianceStatus.NotMet)),
        new(ComplianceLabels.Status(ComplianceStatus.InProgress), nameof(ComplianceStatus.InProgress)),
        new(ComplianceLabels.Status(ComplianceStatus.Met), nameof(ComplianceStatus.Met)),
        new(ComplianceLabels.Status(ComplianceStatus.NoRules), nameof(ComplianceStatus.NoRules)),
    ];

    /// <summary>Whose people these are, in words: 「某单位」, 「卫生健康行业」, 「任城区」 (or 「管辖范围内」).</summary>
    public string Whose
    {
        get
        {
            var parts = new List<string>();
            if (EmployerId is not null)
            {
                parts.Add((People is { Items.Count: > 0 } found ? found.Items[0].EmployerName : null) ?? "该单位");
            }

            if (!string.IsNullOrWhiteSpace(Department))
            {
                parts.Add((JiningReferenceData.LineDepartments.FirstOrDefault(d => d.Code == Department.Trim())?.Sector ?? Department) + "行业");
            }

            if (!string.IsNullOrWhiteSpace(Region))
            {
                parts.Add(JiningReferenceData.Regions.FirstOrDefault(r => r.Code == Region.Trim())?.Name ?? Region);
            }

            return parts.Count == 0 ? "管辖范围内" : string.Join("、", parts);
        }
    }

    /// <summary>Loads the page (404 for an employer the caller may not see, as the API).</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, string? sort, string? dir, CancellationToken cancellationToken)
    {
        try
        {
            var (ok, people) = await TrySendAsync(
                new ListStaffCompliance(Year, Status, Math.Max(page ?? 1, 1), PageSize, EmployerId, Department, Region, sort, IsDescending(dir)), cancellationToken).ConfigureAwait(false);
            People = ok ? people : null;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        ViewData["PageNote"] = People is { Pages: > 1 } p ? $"（第 {p.Page} 页，共 {p.Pages} 页）" : null;
        return Page();
    }

    /// <summary>The rows of the filter (every page, same order) as xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? sort, string? dir, CancellationToken cancellationToken)
    {
        try
        {
            var file = await mediator.Send(new ExportStaffCompliance(Year, Status, EmployerId, Department, Region, sort, IsDescending(dir)), cancellationToken).ConfigureAwait(false);
            return File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The address of the export (the filters and order kept).</summary>
    public string ExportLink()
    {
        var query = Request.Query.Where(q => q.Key is not ("page" or "handler"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("handler", "export"));
        return "/compliance/people" + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>The address of the person's hours page (the year kept).</summary>
    public string HoursOf(StaffComplianceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"/staff/{row.ProfessionalId:D}/hours" + (Year is { } y ? "?year=" + y.ToString(CultureInfo.InvariantCulture) : "");
    }

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year), nameof(Status), nameof(Department), nameof(Region)];

    private static bool IsDescending(string? direction) => string.Equals(direction?.Trim(), "desc", StringComparison.OrdinalIgnoreCase);
}
