using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// Who may be named as a project's host provider (承办单位) — checked on every application and every change of a
/// draft. A training provider or base that applies hosts its own project: it names itself (naming nobody means
/// itself), never another provider, which has not agreed to it. Employers, line departments, county bureaus and the
/// program office may name an active provider or base within their own scope (<see cref="AccessScope"/>): a county
/// bureau one of its region, a line department one of its sector, the program office any; an employer, whose scope
/// holds no provider, runs its project itself. A host that is unknown and one outside the scope get the same answer,
/// so the rule reveals nothing about organizations the applicant cannot see.
/// </summary>
public static class ProjectHosts
{
    /// <summary>Whether organizations of <paramref name="type"/> host projects (training providers and bases).</summary>
    public static bool IsProvider(OrganizationType type) => type is OrganizationType.TrainingProvider or OrganizationType.EducationBase;

    /// <summary>The host of an application that names none: a provider or base hosts its own; anyone else none.</summary>
    public static Guid? Default(Organization applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return IsProvider(applicant.Type) ? applicant.Id : null;
    }

    /// <summary>
    /// Why <paramref name="host"/> (the organization the application names as host, looked up by id — null when no
    /// such organization exists) cannot host <paramref name="applicant"/>'s project, applied for by a caller with
    /// <paramref name="scope"/>; null when it can. Field <c>providerId</c>, code <see cref="ProjectProblemCodes.InvalidHost"/>.
    /// </summary>
    public static FieldError? Check(Organization applicant, Guid namedHostId, Organization? host, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(scope);
        if (IsProvider(applicant.Type))
        {
            return namedHostId == applicant.Id ? null
                : new FieldError("providerId", ProjectProblemCodes.InvalidHost,
                    "施教机构申报的项目由本机构承办：承办单位（providerId）只能是本机构（不填即为本机构），不能指定其他施教机构。");
        }

        var fits = host is { IsActive: true } && host.Id == namedHostId && IsProvider(host.Type)
            && scope.CanSee(host.RegionCode, host.DepartmentCode, host.Id);
        return fits ? null
            : new FieldError("providerId", ProjectProblemCodes.InvalidHost,
                "承办单位（providerId）应为您管辖范围内已登记的施教机构或继续教育基地（县市区人社部门为本地区的，行业主管部门为本行业的）；用人单位申报的项目由本单位组织实施，不指定承办单位。");
    }
}
