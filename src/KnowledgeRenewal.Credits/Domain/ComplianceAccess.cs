using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Who may read compliance and try draft rules.</summary>
public static class ComplianceAccess
{
    /// <summary>Problem code: the caller may not try rules for this scope.</summary>
    public const string WhatIfForbidden = "compliance.what_if_forbidden";

    /// <summary>
    /// A person's explanation and cycles: whoever owns the person (program office, county, department, employer) and
    /// the person. Training providers are not owners: they see their own classes' records, not a person's compliance.
    /// </summary>
    public static IReadOnlyList<string> PersonReaders { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr, PlatformRoles.Professional];

    /// <summary>Summaries of people: the program office, counties, departments and employers.</summary>
    public static IReadOnlyList<string> SummaryReaders { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr];

    /// <summary>
    /// The drill-down of a summary to the people of one employer (<c>employerId</c> of <c>/api/compliance/people</c> and
    /// its export, the page <c>/compliance/people</c>). The people listed are always only the caller's own — a county
    /// its region's, a department its sector's, an employer HR its staff, the program office everyone — cut by the
    /// scope filter of the compliance table and the registry; asking for one employer narrows them further, and is
    /// allowed only for an employer the caller may see as the registry shows it (the program office any, a county the
    /// employers of its region, a department those of its sector, employer HR its own): otherwise 404 as
    /// <c>GET /api/registry/employers/{id}</c> answers, so another region's employer stays unknown.
    /// </summary>
    /// <param name="employerId">The employer asked for.</param>
    /// <param name="employerVisible">Whether the caller's scope shows the employer (the organizations' scope filter).</param>
    public static void EnsureMayDrillInto(Guid employerId, bool employerVisible)
    {
        if (!employerVisible)
        {
            throw new NotFoundException("用人单位", employerId);
        }
    }

    /// <summary>What-if runs: the program office (any scope) and department administrators (their module).</summary>
    public static IReadOnlyList<string> WhatIfRunners { get; } = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.DepartmentAdmin];

    /// <summary>
    /// 403 <see cref="WhatIfForbidden"/> unless <paramref name="caller"/> may try rules of <paramref name="scope"/>: the
    /// program office any scope; a department administrator the module of their own department
    /// (<paramref name="departmentOfScope"/>: the department whose module <paramref name="scope"/> is, if any).
    /// </summary>
    public static void EnsureMayTryRules(ICurrentAccess caller, string scope, string? departmentOfScope)
    {
        if (!MayTryRules(caller, scope, departmentOfScope))
        {
            throw new PlatformException(WhatIfForbidden, 403, "无权试算该范围的规则", "行业主管部门管理员只能试算本部门模块的规则；通用规则和其他行业的规则由项目办试算。");
        }
    }

    /// <summary>
    /// Whether <paramref name="caller"/> may try (and manage the catalog pages of) the rules of <paramref name="scope"/>:
    /// the rule <see cref="EnsureMayTryRules"/> enforces, for listing the scopes a caller may choose.
    /// </summary>
    public static bool MayTryRules(ICurrentAccess caller, string scope, string? departmentOfScope)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Roles.Contains(PlatformRoles.ProgramOfficeAdmin))
        {
            return true;
        }

        return scope != PlatformCreditRules.Scope && departmentOfScope is not null && caller.Roles.Contains(PlatformRoles.DepartmentAdmin) && caller.Scope.DepartmentCodes.Contains(departmentOfScope);
    }
}
