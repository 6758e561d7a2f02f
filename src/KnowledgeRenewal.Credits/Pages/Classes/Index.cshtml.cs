using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>
/// <c>/classes</c> 班次管理: the classes within the caller's scope (a provider's staff: their own; a county or sector:
/// those aimed at it; the program office: all), newest first, filtered by year and status in the address — the same
/// use case as <c>GET /api/classes</c>.
/// </summary>
[Authorize(Roles = Readers)]
internal sealed class IndexModel : ClassPageModel
{
    private const int PageSize = 20;

    /// <summary>The page of classes (null when the filters were refused).</summary>
    public Paged<TrainingClassView>? Classes { get; private set; }

    /// <summary>The year filter.</summary>
    public int? Year { get; private set; }

    /// <summary>The status filter (its Chinese name).</summary>
    public string? Status { get; private set; }

    /// <summary>The statuses offered.</summary>
    public static IEnumerable<SelectListItem> Statuses =>
        [new SelectListItem("全部", ""), .. RosterClassRules.Statuses.Values.Select(s => new SelectListItem(s, s))];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(int? year, string? status, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        Year = year;
        Status = string.IsNullOrWhiteSpace(status) ? null : status;
        var (ok, result) = await TrySendAsync(new ListTrainingClasses(null, Year, Status, Math.Max(1, pageNumber ?? 1), PageSize), cancellationToken).ConfigureAwait(false);
        Classes = ok ? result : null;
    }
}
