using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Pages.Courses;

/// <summary>What the course catalog's pages share: who reads, who writes (as the API: <see cref="CourseRules.Writers"/>).</summary>
internal abstract class CoursePageModel : PlatformPageModel
{
    /// <summary>The roles that add courses and materials (the use cases still check the developer).</summary>
    public const string Writers = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.ProviderStaff;

    /// <summary>The roles that read the catalog on the pages (the API lets every business user read it).</summary>
    public const string Readers = Writers + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>Whether the caller may add courses.</summary>
    public bool CanWrite => CourseRules.Writers.Any(User.IsInRole);

    /// <summary>Whether the caller acts for the program office.</summary>
    public bool IsOffice => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>Hours as shown.</summary>
    public static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A size in words.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024:0.#} MB");

    /// <summary>The category in Chinese.</summary>
    public static string CategoryName(CreditCategory category) => category == CreditCategory.Public ? "公需科目" : "专业科目";
}
