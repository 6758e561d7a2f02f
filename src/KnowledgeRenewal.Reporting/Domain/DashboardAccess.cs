using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Reporting.Domain;

/// <summary>Who reads the dashboard: the program office (the city), county admins (their county), department admins (their sector).</summary>
public static class DashboardAccess
{
    /// <summary>Roles that read the dashboard (the readers of the annual plans).</summary>
    public static IReadOnlyList<string> Readers { get; } = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];
}
