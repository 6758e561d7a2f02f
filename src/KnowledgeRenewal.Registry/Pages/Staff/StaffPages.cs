using System.Globalization;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>What the staff pages (本单位人员) share: who may use them, the choices offered, how values read.</summary>
internal static class StaffPages
{
    /// <summary>
    /// The roles of the staff pages: those who register and change professionals (<see cref="RegistryWriters.ProfessionalWriters"/>,
    /// the roles of the API's writes) — employer HR its staff, county and department administrators and the program office
    /// within their scope (the data layer's filter cuts what each sees).
    /// </summary>
    public const string Roles = PlatformRoles.EmployerHr + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + "," + PlatformRoles.ProgramOfficeAdmin;

    /// <summary>Rows per page of the list.</summary>
    public const int PageSize = 20;

    /// <summary>The title levels as options (the Chinese label is the value the use case parses).</summary>
    public static IReadOnlyList<SelectListItem> TitleLevels(string blank) => Options(RegistryLabels.TitleLevels.Values, blank);

    /// <summary>The statuses as options.</summary>
    public static IReadOnlyList<SelectListItem> Statuses(string blank) => Options(RegistryLabels.Statuses.Values, blank);

    /// <summary>The education levels as options.</summary>
    public static IReadOnlyList<SelectListItem> Educations(string blank) => Options(RegistryLabels.Educations.Values, blank);

    /// <summary>A title level in Chinese.</summary>
    public static string Label(TitleLevel level) => RegistryLabels.TitleLevels.GetValueOrDefault(level, "--");

    /// <summary>A status in Chinese.</summary>
    public static string Label(ProfessionalStatus status) => RegistryLabels.Statuses.GetValueOrDefault(status, "--");

    /// <summary>An education level in Chinese.</summary>
    public static string Label(EducationLevel education) => RegistryLabels.Educations.GetValueOrDefault(education, "--");

    /// <summary>A gender in Chinese.</summary>
    public static string Label(Gender gender) => RegistryLabels.Genders.GetValueOrDefault(gender, "--");

    /// <summary>Text or 「--」 for none.</summary>
    public static string OrDash(string? text) => string.IsNullOrWhiteSpace(text) ? "--" : text;

    /// <summary>A count with the thousands separator.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static List<SelectListItem> Options(IEnumerable<string> labels, string blank) =>
        [new SelectListItem(blank, ""), .. labels.Select(l => new SelectListItem(l, l))];
}
