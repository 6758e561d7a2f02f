using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
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
/// <c>/compliance</c>: compliance of the caller's region or sector (the program office: the city) for a year, by
/// employer, by department or by region — the numbers of <c>GET /api/compliance/summary</c>
/// (<see cref="GetComplianceSummary"/>) — each group leading to its people; the same table as xlsx
/// (<see cref="ExportComplianceSummary"/>).
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class IndexModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>Roles that read the compliance of a region, a sector or the city.</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The year (this year when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>How to group: employer (default), department or region.</summary>
    [BindProperty(SupportsGet = true)]
    public string? GroupBy { get; set; }

    /// <summary>The summary (null when the year was refused).</summary>
    public ComplianceSummaryView? Summary { get; private set; }

    /// <summary>The grouping in force.</summary>
    public string Grouping => string.IsNullOrWhiteSpace(GroupBy) ? SummaryGrouping.Employer : GroupBy.Trim().ToLowerInvariant();

    /// <summary>The groupings to choose from.</summary>
    public static IReadOnlyList<(string Key, string Label)> Groupings { get; } =
        [(SummaryGrouping.Employer, "按用人单位"), (SummaryGrouping.Department, "按行业"), (SummaryGrouping.Region, "按区县")];

    /// <summary>The years to choose from.</summary>
    public static IEnumerable<SelectListItem> YearItems(int current) =>
        Enumerable.Range(ProgramPeriod.FirstYear, Math.Max(1, current - ProgramPeriod.FirstYear + 1)).Reverse()
            .Select(y => new SelectListItem($"{y} 年", y.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (ok, summary) = await TrySendAsync(new GetComplianceSummary(Year, Grouping), cancellationToken).ConfigureAwait(false);
        Summary = ok ? summary : null;
        Year ??= summary?.Year;
    }

    /// <summary>The summary as xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new ExportComplianceSummary(Year, Grouping), cancellationToken).ConfigureAwait(false);
        return File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
    }

    /// <summary>The group's name as shown.</summary>
    public string NameOf(ComplianceSummaryGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Grouping switch
        {
            SummaryGrouping.Department => JiningReferenceData.LineDepartments.FirstOrDefault(d => d.Code == group.Key)?.Sector ?? group.Name ?? group.Key,
            SummaryGrouping.Region => JiningReferenceData.Regions.FirstOrDefault(r => r.Code == group.Key)?.Name ?? group.Name ?? group.Key,
            _ => group.Name ?? "（无权查看的单位）",
        };
    }

    /// <summary>
    /// Where the group's people are listed with their compliance (<c>/compliance/people</c>), optionally of one status;
    /// null for an employer the caller may not see (its people cannot be drilled into).
    /// </summary>
    public string? PeopleOf(ComplianceSummaryGroup group, ComplianceStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (Grouping == SummaryGrouping.Employer && group.Name is null)
        {
            return null;
        }

        var filter = Grouping switch
        {
            SummaryGrouping.Department => "Department",
            SummaryGrouping.Region => "Region",
            _ => "EmployerId",
        };
        return PeopleLink(filter, group.Key, status);
    }

    /// <summary>Where all the caller's people of a status are listed.</summary>
    public string PeopleLink(string? filter, string? key, ComplianceStatus? status)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (Year is { } year)
        {
            query.Add(new("Year", year.ToString(CultureInfo.InvariantCulture)));
        }

        if (filter is not null)
        {
            query.Add(new(filter, key));
        }

        if (status is { } s)
        {
            query.Add(new("Status", s.ToString()));
        }

        return "/compliance/people" + QueryString.Create(query).ToUriComponent();
    }

    /// <summary>A share as a percentage, <c>83.5%</c>.</summary>
    public static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A count with separators.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Year), nameof(GroupBy)];
}
