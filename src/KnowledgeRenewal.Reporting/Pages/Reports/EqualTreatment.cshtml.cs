using System.Globalization;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Reporting.Pages.Reports;

/// <summary>
/// <c>/reports/equal-treatment?year=</c> (同等政策待遇): public and non-public employers' staff side by side with the
/// difference — the use case of <c>GET /api/reports/equal-treatment</c> (<see cref="GetEqualTreatment"/>), for the
/// dashboard's readers in their scope. A refused year comes back next to its field.
/// </summary>
[Authorize(Roles = IndexModel.ReaderRoles)]
internal sealed class EqualTreatmentModel(TimeProvider clock) : PlatformPageModel
{
    /// <summary>The year (this year when empty).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The comparison (null when the year was refused).</summary>
    public EqualTreatmentView? View { get; private set; }

    /// <summary>The years to choose from: the program's first year to this year, newest first.</summary>
    public IEnumerable<SelectListItem> YearItems
    {
        get
        {
            var last = Math.Clamp(ProgramCalendar.Today(clock).Year, ProgramPhases.FirstYear, ProgramPhases.LastYear);
            return Enumerable.Range(ProgramPhases.FirstYear, last - ProgramPhases.FirstYear + 1).Reverse()
                .Select(y => new SelectListItem($"{y} 年", y.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Loads the comparison.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (ok, view) = await TrySendAsync(new GetEqualTreatment(Year), cancellationToken).ConfigureAwait(false);
        if (ok && view is not null)
        {
            View = view;
            Year = view.Year;
        }
    }
}
