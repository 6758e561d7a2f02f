using System.Globalization;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using KnowledgeRenewal.Reporting.UseCases.Reports;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Reporting.Pages.Dashboard;

/// <summary>
/// <c>/dashboard</c> (领导驾驶舱): the program's phase and a year's figures — targets against actuals, trainees per
/// month, compliance rates, certificates — as charts (Apache ECharts, drawn by <c>/js/dashboard.js</c> from JSON
/// blocks) each with its table (the same numbers, linked to the lists behind them) and an xlsx download
/// (<c>?handler=export&amp;table=…</c>). The same use case and roles as <c>GET /api/dashboard</c>: city-wide for the
/// program office, the county or sector for their admins.
/// </summary>
[Authorize(Roles = Readers)]
internal sealed class IndexModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>The roles of the page (<see cref="DashboardAccess.Readers"/>).</summary>
    public const string Readers = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The year (this year when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The figures (null when the year was refused).</summary>
    public DashboardView? View { get; private set; }

    /// <summary>The year shown.</summary>
    public DashboardYear? Shown => View?.Years[0];

    /// <summary>The year's staff of public and non-public employers side by side (<see cref="GetEqualTreatment"/>, its own section).</summary>
    public EqualTreatmentView? EqualTreatment { get; private set; }

    /// <summary>Its tables.</summary>
    public IReadOnlyList<DashboardTable> Tables { get; private set; } = [];

    /// <summary>The years offered: the program's years up to this one.</summary>
    public IEnumerable<SelectListItem> YearItems
    {
        get
        {
            var last = Math.Clamp(ProgramCalendar.Today(clock).Year, ProgramPhases.FirstYear, ProgramPhases.LastYear);
            return Enumerable.Range(ProgramPhases.FirstYear, last - ProgramPhases.FirstYear + 1).Reverse()
                .Select(y => new SelectListItem($"{y} 年", y.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (ok, view) = await TrySendAsync(new GetDashboard(Year), cancellationToken).ConfigureAwait(false);
        if (ok && view is not null)
        {
            View = view;
            Year = view.FromYear;
            Tables = DashboardTables.For(view, view.Years[0]);
            EqualTreatment = await mediator.Send(new GetEqualTreatment(view.FromYear), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads one table as xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new ExportDashboardTable(Year, table ?? string.Empty), cancellationToken).ConfigureAwait(false);
        return File(file.Content, ImportWorkbooks.XlsxContentType, file.FileName);
    }

    /// <summary>The chart's description for screen readers: what it draws; the numbers are in the table.</summary>
    public static string Describe(DashboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"{table.Caption}：图表，{table.Rows.Count} 项，数值见下方数据表。";
    }
}
