using System.Globalization;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// What the registry pages share: who may open them (the staff who look after a region, a sector or the whole city —
/// each sees what the API shows them, cut by the same scope filter), the names of regions and sectors, and the
/// filter choices.
/// </summary>
internal abstract class RegistryPageModel : PlatformPageModel
{
    /// <summary>Roles that browse the registry in the workbench.</summary>
    public const string StaffRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    /// <summary>Whether the caller looks after one region (the region filter is then pointless).</summary>
    public bool IsCounty => User.IsInRole(PlatformRoles.CountyAdmin) && !User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>Whether the caller looks after one sector (the sector filter is then pointless).</summary>
    public bool IsDepartment => User.IsInRole(PlatformRoles.DepartmentAdmin) && !User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>The name of a region.</summary>
    public static string RegionName(string? code) =>
        code is null ? "--" : JiningReferenceData.Regions.FirstOrDefault(r => r.Code == code)?.Name ?? code;

    /// <summary>The sector of a line department (e.g. 「卫生健康」).</summary>
    public static string SectorName(string? code) =>
        code is null ? "--" : JiningReferenceData.LineDepartments.FirstOrDefault(d => d.Code == code)?.Sector ?? code;

    /// <summary>The regions to choose from (「全部」 first).</summary>
    public static IEnumerable<SelectListItem> RegionItems() =>
        [new SelectListItem("全部区域", ""), .. JiningReferenceData.Regions.Where(r => r.ParentCode is not null).OrderBy(r => r.SortOrder).Select(r => new SelectListItem(r.Name, r.Code))];

    /// <summary>The sectors to choose from (「全部」 first).</summary>
    public static IEnumerable<SelectListItem> SectorItems() =>
        [new SelectListItem("全部行业", ""), .. JiningReferenceData.LineDepartments.OrderBy(d => d.SortOrder).Select(d => new SelectListItem(d.Sector, d.Code))];

    /// <summary>Choices from a label table (「全部」 first).</summary>
    public static IEnumerable<SelectListItem> Choices<T>(IReadOnlyDictionary<T, string> labels, string all)
        where T : struct, Enum =>
        [new SelectListItem(all, ""), .. labels.Values.Select(v => new SelectListItem(v, v))];

    /// <summary>Title levels to choose from.</summary>
    public static IEnumerable<SelectListItem> TitleLevelItems => Choices(RegistryLabels.TitleLevels, "全部级别");

    /// <summary>Statuses to choose from.</summary>
    public static IEnumerable<SelectListItem> StatusItems => Choices(RegistryLabels.Statuses, "全部状态");

    /// <summary>Ownerships to choose from.</summary>
    public static IEnumerable<SelectListItem> OwnershipItems => Choices(RegistryLabels.Ownerships, "全部");

    /// <summary>Provider kinds to choose from.</summary>
    public static IEnumerable<SelectListItem> KindItems => Choices(ProviderLabels.Kinds, "全部类型");

    /// <summary>A count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>「（第 2 页，共 40 页）」 for the title, nothing for one page.</summary>
    public static string? PageNote(int page, int pages) => pages > 1 ? $"（第 {page} 页，共 {pages} 页）" : null;
}
