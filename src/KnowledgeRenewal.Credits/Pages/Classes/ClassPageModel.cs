using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>What the class pages share: who may change classes (as the API: <see cref="ClassWriters"/>) and how a class reads.</summary>
internal abstract class ClassPageModel : PlatformPageModel
{
    /// <summary>The roles that create, change, finish and cancel classes and upload rosters (<see cref="ClassWriters.Roles"/>).</summary>
    public const string Writers = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.ProviderStaff;

    /// <summary>
    /// The roles that look at classes: those who run them and those they are aimed at (a county, a sector, the program
    /// office). The API lets every business user ask (and answers others with nothing in their scope); the pages refuse
    /// professionals and employers outright, as the menu never offers them classes.
    /// </summary>
    public const string Readers = Writers + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>Whether the caller may change classes (the use cases still check the class is theirs).</summary>
    public bool CanWrite => ClassWriters.Roles.Any(User.IsInRole);

    /// <summary>The status in Chinese.</summary>
    public static string StatusName(TrainingClassStatus status) => RosterClassRules.Statuses[status];

    /// <summary>Hours as shown (no trailing zeros).</summary>
    public static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The class's audience in words.</summary>
    public static string Audience(TrainingClassView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var region = view.RegionCode is null ? "全市" : JiningReferenceData.Regions.FirstOrDefault(r => r.Code == view.RegionCode)?.Name ?? view.RegionCode;
        var sector = view.DepartmentCode is null ? "不限行业" : JiningReferenceData.LineDepartments.FirstOrDefault(d => d.Code == view.DepartmentCode)?.Name ?? view.DepartmentCode;
        return $"{region} · {sector}";
    }

    /// <summary>The form's fields (for placing the use case's field errors).</summary>
    protected override IEnumerable<string> FormFields() => ClassForm.Fields;
}
