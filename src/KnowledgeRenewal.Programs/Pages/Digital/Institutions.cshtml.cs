using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/institutions</c> 机构目录: the catalog of training and evaluation institutions, filtered by kind, field
/// and level in the address — <c>GET /api/digital-engineers/institutions</c>'s use case (<see cref="ListInstitutions"/>);
/// the program office lists new ones and changes them.
/// </summary>
[Authorize(Roles = ReaderRoles)]
internal sealed class InstitutionsModel : DigitalPageModel
{
    /// <summary>Who reads the catalog, as the API: <see cref="DigitalEngineerAccess.Readers"/>.</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + ","
        + PlatformRoles.ProviderStaff + "," + PlatformRoles.EmployerHr + "," + PlatformRoles.Professional;

    /// <summary>Who lists and changes entries, as the API: <see cref="DigitalEngineerAccess.CatalogWriters"/>.</summary>
    public const string WriterRoles = PlatformRoles.ProgramOfficeAdmin;

    /// <summary>The kind filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    /// <summary>The field filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    /// <summary>The level filter.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>The entries (null when a filter was refused).</summary>
    public IReadOnlyList<InstitutionView>? Institutions { get; private set; }

    /// <summary>Whether any filter is set.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Kind) || !string.IsNullOrEmpty(Field) || !string.IsNullOrEmpty(Level);

    /// <summary>The kind choices.</summary>
    public static IEnumerable<SelectListItem> Kinds(string first) =>
        [new(first, ""), new(DigitalEngineerCatalog.KindName(InstitutionKind.Training), nameof(InstitutionKind.Training)), new(DigitalEngineerCatalog.KindName(InstitutionKind.Evaluation), nameof(InstitutionKind.Evaluation))];

    /// <summary>The fields and levels of an entry in words: 「人工智能（初级、中级）；大数据（初级）」.</summary>
    public static string ScopeText(InstitutionView institution)
    {
        ArgumentNullException.ThrowIfNull(institution);
        return institution.Scopes.Count == DigitalEngineerCatalog.Fields.Count * DigitalEngineerCatalog.Levels.Count
            ? "全部领域和等级"
            : string.Join("；", institution.Scopes.GroupBy(s => s.FieldName).Select(g => g.Key + "（" + string.Join("、", g.Select(s => s.LevelName)) + "）"));
    }

    /// <summary>Whether the caller lists and changes entries.</summary>
    public bool MayWrite => IsProgramOffice;

    /// <summary>Loads the catalog.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (ok, result) = await TrySendAsync(new ListInstitutions(Kind, Field, Level, null), cancellationToken).ConfigureAwait(false);
        Institutions = ok ? result : null;
        if (!ok)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Kind), nameof(Field), nameof(Level)];
}
