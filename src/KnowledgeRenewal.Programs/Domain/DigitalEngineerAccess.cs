using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// Who may do what in digital-technology-engineer cultivation, as pure functions of the caller (roles, scope,
/// account) and the object. The endpoints require the roles below; each use case then checks the caller against the
/// object: institution staff act for their own organization only (the program office for any), a claim is filed by
/// the holder, the holder's county or the program office, and decided and paid by the county it was filed in or the
/// program office — never by whoever filed it. What the caller may see at all is the data layer's scope filter (404
/// otherwise).
/// </summary>
public static class DigitalEngineerAccess
{
    /// <summary>Who lists institutions in the catalog: the program office.</summary>
    public static IReadOnlyList<string> CatalogWriters { get; } = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Who reads the pipeline (each within their scope).</summary>
    public static IReadOnlyList<string> Readers { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.Professional];

    /// <summary>Who records trainings, evaluations and issues certificates: institution staff and the program office.</summary>
    public static IReadOnlyList<string> InstitutionActors { get; } = [PlatformRoles.ProviderStaff, PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Who files subsidy claims: the holder, the county bureau, the program office.</summary>
    public static IReadOnlyList<string> Claimants { get; } = [PlatformRoles.Professional, PlatformRoles.CountyAdmin, PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Who approves, rejects and pays claims: the county bureau and the program office.</summary>
    public static IReadOnlyList<string> Approvers { get; } = [PlatformRoles.CountyAdmin, PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Whether <paramref name="caller"/> is the program office.</summary>
    public static bool IsProgramOffice(ICurrentAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Roles.Contains(PlatformRoles.ProgramOfficeAdmin);
    }

    /// <summary>403 unless <paramref name="caller"/> is staff of <paramref name="institution"/>'s organization or the program office.</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="institution">The catalog entry the caller acts for.</param>
    /// <param name="act">What the caller does, in Chinese (ends the refusal's sentence).</param>
    public static void RequireStaffOf(ICurrentAccess caller, DigitalInstitution institution, string act)
    {
        ArgumentNullException.ThrowIfNull(institution);
        if (IsProgramOffice(caller) || (caller.Roles.Contains(PlatformRoles.ProviderStaff) && caller.Scope.OrganizationIds.Contains(institution.OrganizationId)))
        {
            return;
        }

        throw DigitalProblem.Forbidden(
            DigitalEngineerProblemCodes.NotInstitutionStaff,
            "无权以该机构名义操作",
            $"只有“{institution.OrganizationName}”的工作人员（或项目办）可以{act}。");
    }

    /// <summary>Whether <paramref name="caller"/> may file a claim for a person (their account, their region now).</summary>
    public static bool MayClaimFor(ICurrentAccess caller, Guid? personUserId, string personRegionCode) =>
        IsProgramOffice(caller)
        || (caller.Roles.Contains(PlatformRoles.CountyAdmin) && caller.Scope.RegionCodes.Contains(personRegionCode))
        || (caller.Roles.Contains(PlatformRoles.Professional) && personUserId is not null && personUserId == caller.UserId);

    /// <summary>403 unless <paramref name="caller"/> may file a claim for the person (<see cref="MayClaimFor"/>).</summary>
    public static void RequireClaimant(ICurrentAccess caller, Guid? personUserId, string personRegionCode)
    {
        if (!MayClaimFor(caller, personUserId, personRegionCode))
        {
            throw DigitalProblem.Forbidden(DigitalEngineerProblemCodes.NotClaimant, "无权申领该补贴", "职业培训补贴由持证人本人、其所在县（市、区）人社部门或项目办申领。");
        }
    }

    /// <summary>403 unless <paramref name="caller"/> decides claims of <paramref name="claim"/>'s county and did not file it.</summary>
    public static void RequireApprover(ICurrentAccess caller, SubsidyClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!IsProgramOffice(caller) && !(caller.Roles.Contains(PlatformRoles.CountyAdmin) && caller.Scope.RegionCodes.Contains(claim.RegionCode)))
        {
            throw DigitalProblem.Forbidden(DigitalEngineerProblemCodes.NotApprover, "无权审核该补贴申领", "补贴申领由申领时持证人所在县（市、区）人社部门或项目办审核、发放。");
        }

        if (claim.SubmittedByUserId is not null && claim.SubmittedByUserId == caller.UserId)
        {
            throw DigitalProblem.Forbidden(DigitalEngineerProblemCodes.SelfDecision, "不能审核本人提交的申领", "该申领由您本人提交，请由其他审核人员核准、驳回或登记发放。");
        }
    }
}
