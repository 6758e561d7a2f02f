using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>
/// Who reads and sets annual plans: the program office sets them; the program office, county bureaus and line
/// departments — who get shares of the targets — read them and their progress (city-wide aggregates, no personal data).
/// Integrators read the targets through the <c>feeds.projects</c> OData sets.
/// </summary>
public static class PlanReaders
{
    /// <summary>Roles that read plans.</summary>
    public static IReadOnlyList<string> Roles { get; } = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>Roles that set plans.</summary>
    public static IReadOnlyList<string> Writers { get; } = [PlatformRoles.ProgramOfficeAdmin];
}
