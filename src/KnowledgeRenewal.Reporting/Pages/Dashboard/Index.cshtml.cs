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
/// program office, the county or sector for their admins. The page comes first (the scope, the phase, the year's
/// form); each part of the figures then loads into its section (<c>?handler=part&amp;part=…</c>, htmx on load), so no
/// one request reads every figure; <c>?Inline=true</c> renders them all at once (without script).
/// </summary>
[Authorize(Roles = Readers)]
internal sealed class IndexModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>The roles of the page (<see cref="DashboardAccess.Readers"/>).</summary>
    public const string Readers = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The year (this year when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Whether to render every part in the page itself (without script) rather than load each into its section.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Inline { get; set; }

    /// <summary>The parts loaded into their sections, in page order, with their section names.</summary>
    public static IReadOnlyList<(string Key, DashboardParts Part, string Name)> Parts { get; } =
    [
        ("training", DashboardParts.Training, "概况与每月参训"),
        ("targets", DashboardParts.Targets, "目标完成情况"),
        ("compliance", DashboardParts.Compliance, "学时达标率"),
        ("certificates", DashboardParts.Certificates, "学时证明"),
    ];

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

    /// <summary>Loads the page: the frame only (its parts load into their sections), or everything with <see cref="Inline"/>.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (ok, view) = await TrySendAsync(new GetDashboard(Year, Parts: Inline ? DashboardParts.All : DashboardParts.None), cancellationToken).ConfigureAwait(false);
        if (ok && view is not null)
        {
            View = view;
            Year = view.FromYear;
            Tables = Inline ? DashboardTables.For(view, view.Years[0]) : [];
            if (Inline)
            {
                EqualTreatment = await mediator.Send(new GetEqualTreatment(view.FromYear), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The ownership split's section (<c>?handler=equal</c>, loaded like the parts).</summary>
    public async Task<IActionResult> OnGetEqualAsync(CancellationToken cancellationToken)
    {
        var (ok, view) = await TrySendAsync(new GetEqualTreatment(Year), cancellationToken).ConfigureAwait(false);
        return ok && view is not null ? Partial("_DashboardEqual", view) : BadRequest();
    }

    /// <summary>One part of the year's figures, for its section (<c>?handler=part&amp;part=training|targets|compliance|certificates</c>).</summary>
    public async Task<IActionResult> OnGetPartAsync(string? part, CancellationToken cancellationToken)
    {
        var known = Parts.FirstOrDefault(p => string.Equals(p.Key, part, StringComparison.Ordinal));
        if (known.Key is null)
        {
            return NotFound();
        }

        var (ok, view) = await TrySendAsync(new GetDashboard(Year, Parts: known.Part), cancellationToken).ConfigureAwait(false);
        if (!ok || view is null)
        {
            return BadRequest();
        }

        return Partial("_DashboardPart", For(view, known.Part));
    }

    /// <summary>What a part's section shows: the year's figures and the part's tables.</summary>
    public static DashboardPart For(DashboardView view, DashboardParts part)
    {
        ArgumentNullException.ThrowIfNull(view);
        var year = view.Years[0];
        return new DashboardPart(view, year, part, [.. DashboardTables.For(view, year).Where(t => DashboardTables.PartOf(t.Id) == part)]);
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

/// <summary>One part of the dashboard as its section shows it.</summary>
/// <param name="View">The figures (only the part's are computed).</param>
/// <param name="Year">The year shown.</param>
/// <param name="Part">Which part.</param>
/// <param name="Tables">The part's tables (a table with no rows is left out).</param>
public sealed record DashboardPart(DashboardView View, DashboardYear Year, DashboardParts Part, IReadOnlyList<DashboardTable> Tables);
