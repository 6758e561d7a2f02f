using System.Globalization;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Supervision.Pages.Inspections;

/// <summary>What the expert-pool and inspection pages share: the program office's role (as the API) and formatting.</summary>
[Authorize(Roles = PlatformRoles.ProgramOfficeAdmin)]
internal abstract class InspectionPageModel : PlatformPageModel
{
    /// <summary>A risk as shown: 「1.25」 or 「—」.</summary>
    public static string Risk(decimal risk) => risk == 0 ? "—" : risk.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A file size, 「12 KB」.</summary>
    public static string Size(long bytes) => bytes < 1024 ? bytes.ToString(CultureInfo.InvariantCulture) + " B" : (bytes / 1024).ToString("#,0", CultureInfo.InvariantCulture) + " KB";

    /// <summary>A day or 「—」.</summary>
    public static string DayOrDash(DateOnly? day) => day is { } d ? Day(d) : "—";
}
