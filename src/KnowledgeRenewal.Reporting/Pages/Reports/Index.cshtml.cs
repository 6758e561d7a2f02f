using System.Globalization;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using KnowledgeRenewal.Reporting.UseCases.Reports;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Reporting.Pages.Reports;

/// <summary>
/// <c>/reports</c>: the year-end report of a year and the mid-term evaluation report of a period, as an Excel
/// workbook or a PDF, for the caller's scope (the city for the program office, the county or sector for their
/// admins) — the files of <c>GET /api/reports/year-end/{year}</c> and <c>/api/reports/mid-term</c> (the same use
/// cases, <see cref="GetYearEndReport"/> and <see cref="GetMidTermReport"/>). A refused year or period comes back
/// next to its field.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class IndexModel(ICurrentAccess caller, TimeProvider clock) : PlatformPageModel
{
    /// <summary>Roles that download reports (the dashboard's readers).</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    private static readonly Dictionary<string, string> YearEndFields = new(StringComparer.Ordinal) { ["year"] = "YearEnd.Year", ["format"] = "YearEnd.Format" };
    private static readonly Dictionary<string, string> MidTermFields = new(StringComparer.Ordinal) { ["fromYear"] = "MidTerm.FromYear", ["toYear"] = "MidTerm.ToYear", ["format"] = "MidTerm.Format" };

    /// <summary>The year-end report's form.</summary>
    [BindProperty(SupportsGet = true)]
    public YearEndForm YearEnd { get; set; } = new();

    /// <summary>The mid-term report's form.</summary>
    [BindProperty(SupportsGet = true)]
    public MidTermForm MidTerm { get; set; } = new();

    /// <summary>Whose figures the reports hold, in words (全市, the county's or the sector's name).</summary>
    public string ScopeName => GetDashboardHandler.Scope(caller.Scope).Name;

    /// <summary>Whether the caller's reports are the city's (with the program's own targets and the bases).</summary>
    public bool CityWide => caller.Scope.AllBusinessData;

    /// <summary>This year (China time), within the program's years.</summary>
    public int ThisYear => Math.Clamp(ProgramCalendar.Today(clock).Year, ProgramPhases.FirstYear, ProgramPhases.LastYear);

    /// <summary>The years to choose from: the program's first year to this year, newest first.</summary>
    public IEnumerable<SelectListItem> YearItems => Enumerable.Range(ProgramPhases.FirstYear, ThisYear - ProgramPhases.FirstYear + 1).Reverse()
        .Select(y => new SelectListItem($"{y} 年", y.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The formats to choose from.</summary>
    public static IEnumerable<SelectListItem> FormatItems => [new("Excel 表格", ReportFormats.Xlsx), new("PDF 文档", ReportFormats.Pdf)];

    /// <summary>Shows the forms.</summary>
    public void OnGet()
    {
        YearEnd.Year ??= ThisYear;
        MidTerm.FromYear ??= ProgramPhases.MidTermPeriod.FromYear;
        MidTerm.ToYear ??= ProgramPhases.MidTermPeriod.ToYear;
    }

    /// <summary>The year-end report as a file; the page again with the refusal next to its field.</summary>
    public async Task<IActionResult> OnGetYearEndAsync(CancellationToken cancellationToken)
    {
        YearEnd.Year ??= ThisYear;
        var (ok, file) = await TrySendAsync(new GetYearEndReport(YearEnd.Year.Value, YearEnd.Format), cancellationToken, YearEndFields).ConfigureAwait(false);
        if (!ok)
        {
            MidTerm.FromYear ??= ProgramPhases.MidTermPeriod.FromYear;
            MidTerm.ToYear ??= ProgramPhases.MidTermPeriod.ToYear;
            return Page();
        }

        return File(file!.Content, file.ContentType, file.FileName);
    }

    /// <summary>The mid-term report as a file; the page again with the refusal next to its field.</summary>
    public async Task<IActionResult> OnGetMidTermAsync(CancellationToken cancellationToken)
    {
        var (ok, file) = await TrySendAsync(new GetMidTermReport(MidTerm.FromYear, MidTerm.ToYear, MidTerm.Format), cancellationToken, MidTermFields).ConfigureAwait(false);
        if (!ok)
        {
            YearEnd.Year ??= ThisYear;
            return Page();
        }

        return File(file!.Content, file.ContentType, file.FileName);
    }

    /// <summary>The download address of a year-end report.</summary>
    public static string YearEndLink(int year, string format) => string.Create(CultureInfo.InvariantCulture, $"/reports?handler=YearEnd&YearEnd.Year={year}&YearEnd.Format={format}");

    /// <summary>The download address of a mid-term report.</summary>
    public static string MidTermLink(int from, int to, string format) => string.Create(CultureInfo.InvariantCulture, $"/reports?handler=MidTerm&MidTerm.FromYear={from}&MidTerm.ToYear={to}&MidTerm.Format={format}");
}

/// <summary>The year-end report's choices.</summary>
internal sealed class YearEndForm
{
    /// <summary>The year.</summary>
    public int? Year { get; set; }

    /// <summary>xlsx or pdf.</summary>
    public string? Format { get; set; }
}

/// <summary>The mid-term report's choices.</summary>
internal sealed class MidTermForm
{
    /// <summary>First year.</summary>
    public int? FromYear { get; set; }

    /// <summary>Last year.</summary>
    public int? ToYear { get; set; }

    /// <summary>xlsx or pdf.</summary>
    public string? Format { get; set; }
}
