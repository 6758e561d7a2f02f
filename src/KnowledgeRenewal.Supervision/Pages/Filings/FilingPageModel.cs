using System.Globalization;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Filings;

namespace KnowledgeRenewal.Supervision.Pages.Filings;

/// <summary>What the filing pages share: their roles (the API's, <see cref="FilingRules"/>) and how figures read.</summary>
internal abstract class FilingPageModel : PlatformPageModel
{
    /// <summary>Who reads filings, as <c>GET /api/filings</c>.</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + "," + PlatformRoles.ProviderStaff;

    /// <summary>Who files, as <c>POST /api/filings/{year}</c>.</summary>
    public const string FilerRoles = PlatformRoles.ProviderStaff;

    /// <summary>Who decides, as <c>POST /api/filings/{id}/decision</c>.</summary>
    public const string DeciderRoles = PlatformRoles.ProgramOfficeAdmin;

    /// <summary>Whether the caller files for a base.</summary>
    public bool IsFiler => User.IsInRole(PlatformRoles.ProviderStaff);

    /// <summary>Whether the caller decides.</summary>
    public bool IsDecider => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Fen as yuan, <c>1,234.50</c>.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a state (red only for a problem).</summary>
    public static string Tone(FilingState state) => FilingCalendar.Flagged(state) ? "task-status task-problem" : state == FilingState.Accepted ? "task-status task-done" : "task-status";
}
