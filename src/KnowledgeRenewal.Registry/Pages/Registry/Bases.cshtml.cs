using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Bases;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/bases</c> 继续教育基地: the base designations of the caller's scope (the program office: the whole city;
/// a county bureau or line department: those the scope filter shows it) by level, status and region in the address —
/// <c>GET /api/registry/education-bases</c>'s use case. The program office designates new bases from here.
/// </summary>
[Authorize(Roles = StaffRoles)]
internal sealed class BasesModel : RegistryPageModel
{
    /// <summary>Level (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>Status (Chinese label).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Region code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    /// <summary>The page (null when the filters were refused).</summary>
    public Paged<EducationBaseView>? Result { get; private set; }

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => new[] { Level, Status, Region }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Whether the caller designates bases and changes their status (the API's writers).</summary>
    public bool CanDesignate => RegistryWriters.ProviderWriters.Any(User.IsInRole);

    /// <summary>Levels to choose from.</summary>
    public static IEnumerable<SelectListItem> LevelItems => Choices(ProviderLabels.Levels, "全部级别");

    /// <summary>Statuses to choose from.</summary>
    public static IEnumerable<SelectListItem> BaseStatusItems => Choices(ProviderLabels.Statuses, "全部状态");

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListEducationBases(Blank(Level), Blank(Status), null, page ?? 1, PageSize, IsCounty ? null : Blank(Region)), cancellationToken,
            new Dictionary<string, string> { ["level"] = nameof(Level), ["status"] = nameof(Status) }).ConfigureAwait(false);
        Result = ok ? result : null;
        ViewData["PageNote"] = Result is { } r ? PageNote(r.Page, r.Pages) : null;
    }

    /// <summary>The Chinese name of a status.</summary>
    public static string StatusName(BaseStatus status) => ProviderLabels.Statuses.GetValueOrDefault(status, status.ToString());

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Level), nameof(Status), nameof(Region)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
