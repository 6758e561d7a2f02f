using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>
/// Who may do what to a project besides the workflow's steps (<see cref="ProjectWorkflow"/>), as pure functions of the
/// caller (roles, scope, organization) and the project: who reads projects, who applies for a type and for which
/// organization, who changes a draft, and who sees who filed an objection. What the caller may see at all is the data
/// layer's scope filter (404 otherwise).
/// </summary>
public static class ProjectAccess
{
    /// <summary>Who reads projects (each within their scope): the program office, counties, departments, providers, employers.</summary>
    public static IReadOnlyList<string> Readers { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr];

    /// <summary>
    /// The organization <paramref name="caller"/> applies for a project of <paramref name="type"/> for — always their
    /// own; 403 <see cref="ProjectProblemCodes.NotApplicant"/> when their roles may not apply for the type
    /// (<see cref="ProjectApplicants"/>) or they belong to no organization.
    /// </summary>
    public static Guid ApplicantOrganization(ProjectType type, ICurrentAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var roles = ProjectApplicants.Roles(type);
        if (!roles.Any(caller.Roles.Contains) || caller.OrganizationId is not { } organizationId)
        {
            throw NotApplicant($"{ProjectLabels.Type(type)}可由{string.Join("、", roles.Select(r => RoleCatalog.Find(r)?.DisplayName ?? r))}申报，您的角色不能申报。");
        }

        return organizationId;
    }

    /// <summary>403 <see cref="ProjectProblemCodes.NotApplicant"/> unless <paramref name="applicantOrganizationId"/> (the caller's, see <see cref="ApplicantOrganization"/>) applied for <paramref name="project"/>.</summary>
    public static void RequireApplicantOf(Project project, Guid applicantOrganizationId)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (applicantOrganizationId != project.ApplicantOrganizationId)
        {
            throw NotApplicant("只有申报单位的工作人员可以修改申报书。");
        }
    }

    /// <summary>409 <see cref="ProjectProblemCodes.NotDraft"/> unless <paramref name="project"/> is a draft: an application is changed only before it is submitted.</summary>
    public static void RequireDraft(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Status != ProjectStatus.Draft)
        {
            throw new PlatformException(ProjectProblemCodes.NotDraft, 409, "申报书已提交，不能修改",
                $"项目当前为“{ProjectLabels.Status(project.Status)}”，只有草稿可以修改；如需修改，请先撤回或由推荐单位退回。");
        }
    }

    /// <summary>
    /// Whether <paramref name="caller"/> sees who filed a project's objections (name, phone): the program office, which
    /// verifies and resolves them. Everyone else sees that an objection exists, its content, state and resolution.
    /// </summary>
    public static bool SeesObjector(ICurrentAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Roles.Contains(PlatformRoles.ProgramOfficeAdmin) && caller.Scope.AllBusinessData;
    }

    private static PlatformException NotApplicant(string detail) =>
        new(ProjectProblemCodes.NotApplicant, 403, "不能申报或修改该项目", detail);
}
