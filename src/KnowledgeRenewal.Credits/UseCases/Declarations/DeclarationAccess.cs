using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>
/// Who may do what with declarations. The endpoints require the roles below; each handler then checks the caller
/// against the declaration itself: the employer's HR reviews first (the employer at submission), the department
/// of the sector at submission (or the program office) second, the person alone withdraws — and nobody reviews
/// their own declaration. What the caller may see at all is the data layer's scope filter (404 otherwise).
/// </summary>
public sealed class DeclarationAccess(ICurrentAccess access)
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

    /// <summary>The caller's account.</summary>
    public Guid? UserId => access.UserId;

    /// <summary>Whether the caller reviews the employer's step of <paramref name="declaration"/>.</summary>
    public bool IsEmployerReviewer(ActivityDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return access.Roles.Contains(PlatformRoles.EmployerHr) && access.Scope.OrganizationIds.Contains(declaration.EmployerId);
    }

    /// <summary>Whether the caller reviews the department's step of <paramref name="declaration"/>.</summary>
    public bool IsDepartmentReviewer(ActivityDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return access.Roles.Contains(PlatformRoles.ProgramOfficeAdmin)
            || (access.Roles.Contains(PlatformRoles.DepartmentAdmin) && access.Scope.DepartmentCodes.Contains(declaration.DepartmentCode));
    }

    /// <summary>Whether the caller is the person whose account is <paramref name="ownerUserId"/>.</summary>
    public bool IsSelf(Guid? ownerUserId) => ownerUserId is not null && access.UserId == ownerUserId;

    /// <summary>Whether the caller may download the evidence of <paramref name="declaration"/> (owned by <paramref name="ownerUserId"/>).</summary>
    public bool MayReadEvidence(ActivityDeclaration declaration, Guid? ownerUserId) =>
        (access.Roles.Contains(PlatformRoles.Professional) && IsSelf(ownerUserId))
        || IsEmployerReviewer(declaration)
        || IsDepartmentReviewer(declaration);
}
