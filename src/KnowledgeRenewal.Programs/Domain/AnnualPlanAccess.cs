using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// Who reads and sets annual plans: the city program office sets them; the program office, county bureaus and line
/// departments — who get shares of the targets — read them and their progress (city-wide aggregates, no personal
/// data). Integrators read the targets through the OData sets.
/// </summary>
public static class AnnualPlanAccess
{
    /// <summary>Roles that read plans.</summary>
    public static IReadOnlyList<string> Readers { get; } = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>Roles that set plans.</summary>
    public static IReadOnlyList<string> Writers { get; } = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>403 unless <paramref name="caller"/> is the city program office (its role, seeing all business data).</summary>
    public static void RequireWriter(ICurrentAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Roles.Contains(PlatformRoles.ProgramOfficeAdmin) || !caller.Scope.AllBusinessData)
        {
            throw new PlatformException(PlanProblemCodes.NotProgramOffice, 403, "无权设置年度计划", "年度计划及其分解目标由市项目办设置。");
        }
    }
}
