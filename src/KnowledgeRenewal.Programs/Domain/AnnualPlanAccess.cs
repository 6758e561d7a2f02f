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

    /// <summary>Roles that set a county's or department's own plan (each its own: <see cref="RequireOwner"/>).</summary>
    public static IReadOnlyList<string> NestedWriters { get; } = [PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>Whether <paramref name="caller"/> may read the county's or department's plan: the program office any, a county bureau its region's, a department its sector's.</summary>
    public static bool MayRead(ICurrentAccess caller, PlanScope scope, string code)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return scope == PlanScope.City || caller.Scope.AllBusinessData || Owns(caller, scope, code);
    }

    /// <summary>403 <see cref="PlanProblemCodes.NotPlanOwner"/> unless <paramref name="caller"/> may read the plan (<see cref="MayRead"/>).</summary>
    public static void RequireReader(ICurrentAccess caller, PlanScope scope, string code)
    {
        if (!MayRead(caller, scope, code))
        {
            throw NotOwner(scope);
        }
    }

    /// <summary>
    /// 403 <see cref="PlanProblemCodes.NotPlanOwner"/> unless <paramref name="caller"/> is the county bureau of the region
    /// (a county's plan) or the line department (a department's plan): each sets only its own plan; the program office
    /// sets the city's and reads the others.
    /// </summary>
    public static void RequireOwner(ICurrentAccess caller, PlanScope scope, string code)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (scope == PlanScope.City || !Owns(caller, scope, code))
        {
            throw NotOwner(scope);
        }
    }

    private static bool Owns(ICurrentAccess caller, PlanScope scope, string code) => scope switch
    {
        PlanScope.Region => caller.Roles.Contains(PlatformRoles.CountyAdmin) && caller.Scope.RegionCodes.Contains(code),
        PlanScope.Department => caller.Roles.Contains(PlatformRoles.DepartmentAdmin) && caller.Scope.DepartmentCodes.Contains(code),
        _ => false,
    };

    private static PlatformException NotOwner(PlanScope scope) => new(PlanProblemCodes.NotPlanOwner, 403, "无权操作该年度计划",
        scope == PlanScope.Region ? "县（市、区）的年度计划由该县（市、区）人社局设置和查看，市项目办可以查看。" : "行业主管部门的年度计划由该部门设置和查看，市项目办可以查看。");

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
