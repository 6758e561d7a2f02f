using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>
/// Who may do what in digital-technology-engineer cultivation. The endpoints require the roles below; each handler
/// then checks the caller against the object: institution staff act for their own organization only (the program
/// office for any), a claim is filed by the holder, the holder's county or the program office, and decided and paid
/// by the county it was filed in or the program office — never by whoever filed it. What the caller may see at all is
/// the data layer's scope filter (404 otherwise).
/// </summary>
public sealed class DigitalEngineerAccess(ICurrentAccess access, IAuditActorProvider actors)
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

    /// <summary>The caller's account.</summary>
    public Guid? UserId => access.UserId;

    /// <summary>The caller for the trail.</summary>
    public DigitalActor Actor => new(access.UserId, actors.Current.UserName ?? "unknown");

    /// <summary>Whether the caller is the program office.</summary>
    public bool IsProgramOffice => access.Roles.Contains(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>403 unless the caller is staff of <paramref name="institution"/>'s organization or the program office.</summary>
    public void RequireStaffOf(DigitalInstitution institution, string act)
    {
        ArgumentNullException.ThrowIfNull(institution);
        if (IsProgramOffice || (access.Roles.Contains(PlatformRoles.ProviderStaff) && access.Scope.OrganizationIds.Contains(institution.OrganizationId)))
        {
            return;
        }

        throw DigitalProblem.Forbidden(
            DigitalEngineerProblemCodes.NotInstitutionStaff,
            "无权以该机构名义操作",
            $"只有“{institution.OrganizationName}”的工作人员（或项目办）可以{act}。");
    }

    /// <summary>Whether the caller may file a claim for a person (their account, region).</summary>
    public bool MayClaimFor(Guid? personUserId, string personRegionCode) =>
        IsProgramOffice
        || (access.Roles.Contains(PlatformRoles.CountyAdmin) && access.Scope.RegionCodes.Contains(personRegionCode))
        || (access.Roles.Contains(PlatformRoles.Professional) && personUserId is not null && personUserId == access.UserId);

    /// <summary>403 unless the caller decides claims of <paramref name="claim"/>'s county and did not file it.</summary>
    public void RequireApprover(SubsidyClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!IsProgramOffice && !(access.Roles.Contains(PlatformRoles.CountyAdmin) && access.Scope.RegionCodes.Contains(claim.RegionCode)))
        {
            throw DigitalProblem.Forbidden(DigitalEngineerProblemCodes.NotApprover, "无权审核该补贴申领", "补贴申领由申领时持证人所在县（市、区）人社部门或项目办审核、发放。");
        }

        if (claim.SubmittedByUserId is not null && claim.SubmittedByUserId == access.UserId)
        {
            throw DigitalProblem.Forbidden(DigitalEngineerProblemCodes.SelfDecision, "不能审核本人提交的申领", "该申领由您本人提交，请由其他审核人员核准、驳回或登记发放。");
        }
    }
}
