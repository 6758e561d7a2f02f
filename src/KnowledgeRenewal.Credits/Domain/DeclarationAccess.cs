using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Who reviews what, for "awaiting my review".</summary>
/// <param name="EmployerIds">Employers whose HR the caller is.</param>
/// <param name="DepartmentCodes">Sectors the caller administers.</param>
/// <param name="AllDepartments">Whether the caller is the program office (reviews every sector's second step).</param>
/// <param name="OwnProfessionalIds">The caller's own professional records (never awaiting their own review).</param>
public sealed record ReviewerDesk(IReadOnlyList<Guid> EmployerIds, IReadOnlyList<string> DepartmentCodes, bool AllDepartments, IReadOnlyList<Guid> OwnProfessionalIds);

/// <summary>
/// Who may do what with declarations. The endpoints require the roles below; each use case then checks the caller
/// against the declaration itself: the employer's HR reviews first (the employer at submission), the department
/// of the sector at submission (or the program office) second, the person alone withdraws — and nobody reviews
/// their own declaration. What the caller may see at all is the data layer's scope filter (404 otherwise).
/// </summary>
public static class DeclarationAccess
{
    /// <summary>Who declares: professionals, for themselves.</summary>
    public static IReadOnlyList<string> Declarers { get; } = [PlatformRoles.Professional];

    /// <summary>Who reviews the employer's step.</summary>
    public static IReadOnlyList<string> EmployerReviewers { get; } = [PlatformRoles.EmployerHr];

    /// <summary>Who reviews the department's step.</summary>
    public static IReadOnlyList<string> DepartmentReviewers { get; } = [PlatformRoles.DepartmentAdmin, PlatformRoles.ProgramOfficeAdmin];

    /// <summary>Who reads declarations (each within their scope): the person, the reviewers, the county.</summary>
    public static IReadOnlyList<string> Readers { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr, PlatformRoles.Professional];

    /// <summary>Who may download evidence: the person and the reviewers (not the county, not providers, not feeds).</summary>
    public static IReadOnlyList<string> EvidenceReaders { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr, PlatformRoles.Professional];

    /// <summary>Whether <paramref name="caller"/> reviews the employer's step of <paramref name="declaration"/>.</summary>
    public static bool IsEmployerReviewer(ICurrentAccess caller, ActivityDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(declaration);
        return caller.Roles.Contains(PlatformRoles.EmployerHr) && caller.Scope.OrganizationIds.Contains(declaration.EmployerId);
    }

    /// <summary>Whether <paramref name="caller"/> reviews the department's step of <paramref name="declaration"/>.</summary>
    public static bool IsDepartmentReviewer(ICurrentAccess caller, ActivityDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(declaration);
        return caller.Roles.Contains(PlatformRoles.ProgramOfficeAdmin)
            || (caller.Roles.Contains(PlatformRoles.DepartmentAdmin) && caller.Scope.DepartmentCodes.Contains(declaration.DepartmentCode));
    }

    /// <summary>Whether <paramref name="caller"/> is the person whose account is <paramref name="ownerUserId"/>.</summary>
    public static bool IsSelf(ICurrentAccess caller, Guid? ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ownerUserId is not null && caller.UserId == ownerUserId;
    }

    /// <summary>Whether <paramref name="caller"/> may download the evidence of <paramref name="declaration"/> (owned by <paramref name="ownerUserId"/>).</summary>
    public static bool MayReadEvidence(ICurrentAccess caller, ActivityDeclaration declaration, Guid? ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return (caller.Roles.Contains(PlatformRoles.Professional) && IsSelf(caller, ownerUserId))
            || IsEmployerReviewer(caller, declaration)
            || IsDepartmentReviewer(caller, declaration);
    }

    /// <summary>
    /// 403 unless <paramref name="caller"/> reviews <paramref name="step"/> of <paramref name="declaration"/>
    /// (<c>declaration.not_reviewer</c>) and is not its declarant (<c>declaration.self_review</c>).
    /// </summary>
    public static void EnsureMayReview(ICurrentAccess caller, ActivityDeclaration declaration, string step, Guid? ownerUserId)
    {
        var employerStep = step == ReviewSteps.Employer;
        if (employerStep ? !IsEmployerReviewer(caller, declaration) : !IsDepartmentReviewer(caller, declaration))
        {
            throw new PlatformException(DeclarationProblemCodes.NotReviewer, 403, "无权审核该申报", employerStep
                ? "单位审核由申报人提交申报时所在用人单位的人事管理员进行，您不是该单位的人事管理员。"
                : "主管部门审核由申报人所属行业的主管部门管理员（或项目办）进行，该申报不属于您管理的行业。");
        }

        if (IsSelf(caller, ownerUserId))
        {
            throw new PlatformException(DeclarationProblemCodes.SelfReview, 403, "不能审核本人的申报",
                "这是您本人的申报，不能由您审核；请由单位其他人事管理员或主管部门审核。");
        }
    }

    /// <summary>403 <c>declaration.not_reviewer</c> unless <paramref name="caller"/> is the declarant.</summary>
    public static void EnsureMayWithdraw(ICurrentAccess caller, Guid? ownerUserId)
    {
        if (!IsSelf(caller, ownerUserId))
        {
            throw new PlatformException(DeclarationProblemCodes.NotReviewer, 403, "无权撤回该申报", "只有申报人本人可以撤回申报。");
        }
    }

    /// <summary>403 <c>declaration.evidence_forbidden</c> unless <paramref name="caller"/> may download the evidence (<see cref="MayReadEvidence"/>).</summary>
    public static void EnsureMayReadEvidence(ICurrentAccess caller, ActivityDeclaration declaration, Guid? ownerUserId)
    {
        if (!MayReadEvidence(caller, declaration, ownerUserId))
        {
            throw new PlatformException(DeclarationProblemCodes.EvidenceForbidden, 403, "无权查看证明材料",
                "证明材料只有申报人本人及其审核人（所在单位人事管理员、行业主管部门、项目办）可以查看。");
        }
    }

    /// <summary>
    /// The review desk of <paramref name="caller"/>: employer HR the employer step of their employers, department
    /// administrators the department step of their sectors, the program office every department step — never the
    /// caller's own declarations (<paramref name="ownProfessionalIds"/>).
    /// </summary>
    public static ReviewerDesk Desk(ICurrentAccess caller, IReadOnlyList<Guid> ownProfessionalIds)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var roles = caller.Roles;
        return new ReviewerDesk(
            roles.Contains(PlatformRoles.EmployerHr) ? caller.Scope.OrganizationIds : [],
            roles.Contains(PlatformRoles.DepartmentAdmin) ? caller.Scope.DepartmentCodes : [],
            roles.Contains(PlatformRoles.ProgramOfficeAdmin),
            ownProfessionalIds);
    }
}
