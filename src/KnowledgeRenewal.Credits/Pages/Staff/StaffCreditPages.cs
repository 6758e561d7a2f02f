using System.Globalization;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Pages.Staff;

/// <summary>What the credit-hour pages of an employer's staff share.</summary>
internal static class StaffCreditPages
{
    /// <summary>
    /// Who owns people and reads their compliance and summaries (<see cref="Domain.ComplianceAccess.SummaryReaders"/>, the
    /// roles of <c>/api/compliance/summary</c>): employer HR its staff, counties, departments and the program office.
    /// </summary>
    public const string Roles = PlatformRoles.EmployerHr + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin + "," + PlatformRoles.ProgramOfficeAdmin;

    /// <summary>Hours as shown (no trailing zeros, thousands separated).</summary>
    public static string Hours(decimal hours) => hours.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A count with the thousands separator.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
