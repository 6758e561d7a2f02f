using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.UseCases.Inspections;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary><c>/supervision/experts/new</c>: the program office adds an expert (<see cref="AddExpert"/>, as <c>POST /api/experts</c>).</summary>
internal sealed class NewExpertModel(PlatformDbContext db) : InspectionPageModel
{
    /// <summary>The expert.</summary>
    [BindProperty]
    public ExpertInput Input { get; set; } = new();

    /// <summary>The counties.</summary>
    public IReadOnlyList<SelectListItem> Regions { get; private set; } = [];

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Adds the expert.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, expert) = await TrySendAsync(new AddExpert(Input), cancellationToken, Fields).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect("/supervision/experts", $"专家{expert!.Value.Name}已加入专家库。");
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => Fields.Values;

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "Input.Name", ["specialty"] = "Input.Specialty", ["title"] = "Input.Title", ["organizationName"] = "Input.OrganizationName",
        ["organizationId"] = "Input.OrganizationName", ["regionCode"] = "Input.RegionCode", ["phone"] = "Input.Phone", ["idNumber"] = "Input.IdNumber",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Set<KnowledgeRenewal.Kernel.ReferenceData.Region>().AsNoTracking().Where(r => r.Code.StartsWith("3708") && r.Code != "370800")
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        Regions = [new SelectListItem("请选择", ""), .. regions.Select(r => new SelectListItem(r.Name, r.Code))];
    }
}
