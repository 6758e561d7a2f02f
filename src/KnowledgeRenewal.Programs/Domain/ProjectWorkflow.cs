using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>Who a step belongs to, relative to the project.</summary>
public enum ProjectParty
{
    /// <summary>The applicant organization's staff (the roles of <see cref="ProjectApplicants"/> for the type).</summary>
    Applicant = 1,

    /// <summary>The applicant's staff or the host provider's staff (they run the project).</summary>
    Organizer = 2,

    /// <summary>The recommending authority's administrators (county bureau or line department).</summary>
    Recommender = 3,

    /// <summary>The program office.</summary>
    ProgramOffice = 4,
}

/// <summary>The caller of a step.</summary>
/// <param name="UserId">The account.</param>
/// <param name="Name">Display name (kept in the history).</param>
/// <param name="Roles">The account's roles.</param>
/// <param name="OrganizationId">The account's organization.</param>
public sealed record ProjectActor(Guid? UserId, string? Name, IReadOnlyCollection<string> Roles, Guid? OrganizationId);

/// <summary>What the guards of the steps look at besides the project itself.</summary>
public sealed record ProjectFacts
{
    /// <summary>Expert reviews recorded.</summary>
    public int Reviews { get; init; }

    /// <summary>Objections not yet resolved.</summary>
    public int PendingObjections { get; init; }

    /// <summary>Whether a class of the project has finished and has credit records (its roster was uploaded).</summary>
    public bool HasFinishedClassWithRecords { get; init; }

    /// <summary>Today in China Standard Time.</summary>
    public DateOnly Today { get; init; }

    /// <summary>The comment given with the step.</summary>
    public string? Comment { get; init; }

    /// <summary>The upstream decision's reference number given with the step.</summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>The completion summary given with the step (or already filed).</summary>
    public string? Summary { get; init; }
}

/// <summary>Why a step is refused: a stable code, the HTTP status and Chinese text.</summary>
/// <param name="Code">Stable code (see <see cref="ProjectProblemCodes"/>).</param>
/// <param name="Status">400, 403 or 409.</param>
/// <param name="Title">Chinese title.</param>
/// <param name="Detail">Chinese detail.</param>
public sealed record ProjectRefusal(string Code, int Status, string Title, string Detail);

/// <summary>One row of the transition table: from a state, an action leads to a state, for a party, if the guard agrees.</summary>
/// <param name="From">The state the action is allowed from.</param>
/// <param name="Action">The action.</param>
/// <param name="To">The state it leads to.</param>
/// <param name="Party">Who takes it.</param>
/// <param name="Guard">The further condition (null: none).</param>
public sealed record ProjectStep(ProjectStatus From, ProjectAction Action, ProjectStatus To, ProjectParty Party, Func<Project, ProjectFacts, ProjectRefusal?>? Guard = null);

/// <summary>The outcome of <see cref="ProjectWorkflow.Decide"/>: the step and the role it is taken in, or the refusal.</summary>
/// <param name="Step">The step, when allowed.</param>
/// <param name="Role">The caller's role it is taken in, when allowed.</param>
/// <param name="Refusal">Why not, when refused.</param>
public sealed record ProjectDecision(ProjectStep? Step, string? Role, ProjectRefusal? Refusal)
{
    /// <summary>Whether the step is allowed.</summary>
    public bool Allowed => Refusal is null;
}

/// <summary>
/// Who may apply for which type of project. Training providers apply for every type (they run classes, cultivate
/// digital engineers and become bases); employers and the line departments and county bureaus (市直部门、县市区)
/// apply for seminars and capacity-improvement training; the program office itself applies only for
/// capacity-improvement training (it organizes the public subjects) — and, like everyone, cannot approve its own
/// application. Professionals never apply.
/// </summary>
public static class ProjectApplicants
{
    /// <summary>The roles that may apply for <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> Roles(ProjectType type) => type switch
    {
        ProjectType.AdvancedSeminar =>
            [PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin],
        ProjectType.CapacityBuilding =>
            [PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin, PlatformRoles.ProgramOfficeAdmin],
        _ => [PlatformRoles.ProviderStaff],
    };

    /// <summary>Every role that may apply for some type.</summary>
    public static IReadOnlyList<string> AnyType { get; } =
        [PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin, PlatformRoles.ProgramOfficeAdmin];
}

/// <summary>
/// The one workflow of every project type, as a table of (state, action) → (next state, party, guard) in
/// <see cref="Steps"/>. <see cref="Decide"/> checks, in this order: the action exists from the current state
/// (409 <c>project.transition_not_allowed</c>); the caller has a role of the step's party (409
/// <c>project.role_not_allowed</c>); the caller's organization is the applicant, host or recommender the step
/// belongs to (403 <c>project.not_responsible</c>); nobody recommends, reviews or approves their own organization's
/// application (403 <c>project.own_application</c>); then the step's guard. Municipal projects are approved by the
/// program office; provincial and national ones are recommended upward and their outcome recorded with the
/// decision's reference number.
/// </summary>
public static class ProjectWorkflow
{
    /// <summary>The transition table.</summary>
    public static IReadOnlyList<ProjectStep> Steps { get; } =
    [
        new(ProjectStatus.Draft, ProjectAction.Submit, ProjectStatus.Submitted, ProjectParty.Applicant),
        new(ProjectStatus.Submitted, ProjectAction.Withdraw, ProjectStatus.Draft, ProjectParty.Applicant),
        new(ProjectStatus.Submitted, ProjectAction.Return, ProjectStatus.Draft, ProjectParty.Recommender, NeedsComment),
        new(ProjectStatus.Submitted, ProjectAction.Recommend, ProjectStatus.Recommended, ProjectParty.Recommender),
        new(ProjectStatus.Submitted, ProjectAction.Reject, ProjectStatus.Rejected, ProjectParty.Recommender, NeedsComment),
        new(ProjectStatus.Recommended, ProjectAction.Return, ProjectStatus.Draft, ProjectParty.ProgramOffice, NeedsComment),
        new(ProjectStatus.Recommended, ProjectAction.StartReview, ProjectStatus.UnderReview, ProjectParty.ProgramOffice),
        new(ProjectStatus.UnderReview, ProjectAction.Score, ProjectStatus.UnderReview, ProjectParty.ProgramOffice),
        new(ProjectStatus.UnderReview, ProjectAction.Approve, ProjectStatus.Approved, ProjectParty.ProgramOffice, MunicipalAndReviewed),
        new(ProjectStatus.UnderReview, ProjectAction.Reject, ProjectStatus.Rejected, ProjectParty.ProgramOffice, NeedsComment),
        new(ProjectStatus.UnderReview, ProjectAction.RecommendUpward, ProjectStatus.ForwardedUpstream, ProjectParty.ProgramOffice, UpstreamAndReviewed),
        new(ProjectStatus.ForwardedUpstream, ProjectAction.RecordUpstreamApproval, ProjectStatus.Approved, ProjectParty.ProgramOffice, NeedsReference),
        new(ProjectStatus.ForwardedUpstream, ProjectAction.RecordUpstreamRejection, ProjectStatus.Rejected, ProjectParty.ProgramOffice, NeedsReference),
        new(ProjectStatus.Approved, ProjectAction.StartNotice, ProjectStatus.PublicNotice, ProjectParty.ProgramOffice),
        new(ProjectStatus.PublicNotice, ProjectAction.UpholdObjection, ProjectStatus.Rejected, ProjectParty.ProgramOffice),
        new(ProjectStatus.PublicNotice, ProjectAction.Publish, ProjectStatus.Published, ProjectParty.ProgramOffice, NoticeOver),
        new(ProjectStatus.Published, ProjectAction.Start, ProjectStatus.InProgress, ProjectParty.Organizer),
        new(ProjectStatus.InProgress, ProjectAction.Complete, ProjectStatus.Completed, ProjectParty.Organizer, RosterAndSummary),
        new(ProjectStatus.Completed, ProjectAction.Archive, ProjectStatus.Archived, ProjectParty.ProgramOffice),
        new(ProjectStatus.Rejected, ProjectAction.Archive, ProjectStatus.Archived, ProjectParty.ProgramOffice),
    ];

    /// <summary>The step of <paramref name="action"/> from <paramref name="from"/>, or null.</summary>
    public static ProjectStep? Find(ProjectStatus from, ProjectAction action) =>
        Steps.FirstOrDefault(s => s.From == from && s.Action == action);

    /// <summary>The actions allowed from <paramref name="status"/> (for anyone).</summary>
    public static IReadOnlyList<ProjectAction> ActionsFrom(ProjectStatus status) =>
        [.. Steps.Where(s => s.From == status).Select(s => s.Action)];

    /// <summary>The roles of <paramref name="party"/> for a project of <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> RolesOf(ProjectParty party, ProjectType type) => party switch
    {
        ProjectParty.Applicant => ProjectApplicants.Roles(type),
        ProjectParty.Organizer => [.. ProjectApplicants.Roles(type).Union([PlatformRoles.ProviderStaff])],
        ProjectParty.Recommender => [PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin],
        _ => [PlatformRoles.ProgramOfficeAdmin],
    };

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> on <paramref name="project"/> now, and in which role.</summary>
    public static ProjectDecision Decide(Project project, ProjectAction action, ProjectActor actor, ProjectFacts facts)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(facts);
        var step = Find(project.Status, action);
        if (step is null)
        {
            var allowed = ActionsFrom(project.Status);
            return Refuse(ProjectProblemCodes.TransitionNotAllowed, 409, "项目状态不允许该操作",
                $"项目当前为“{ProjectLabels.Status(project.Status)}”，不能进行“{ProjectLabels.Action(action)}”操作。"
                + (allowed.Count == 0 ? "该状态下不能再进行任何操作。" : $"该状态下可进行的操作：{string.Join("、", allowed.Select(ProjectLabels.Action))}。"));
        }

        var roles = RolesOf(step.Party, project.Type);
        var role = roles.FirstOrDefault(r => actor.Roles.Contains(r));
        if (role is null)
        {
            return Refuse(ProjectProblemCodes.RoleNotAllowed, 409, "当前角色不能进行该操作",
                $"“{ProjectLabels.Action(action)}”须由{PartyName(step.Party)}进行，您的角色不能进行该操作。");
        }

        if (!IsParty(step.Party, project, actor))
        {
            return Refuse(ProjectProblemCodes.NotResponsible, 403, "不是该项目的经办单位",
                $"“{ProjectLabels.Action(action)}”须由该项目的{PartyName(step.Party)}进行，您所在单位不是。");
        }

        if (step.Party is ProjectParty.Recommender or ProjectParty.ProgramOffice && actor.OrganizationId == project.ApplicantOrganizationId)
        {
            return Refuse(ProjectProblemCodes.OwnApplication, 403, "不能审批本单位的申报",
                $"该项目由您所在单位申报，不能由本单位进行“{ProjectLabels.Action(action)}”，须回避。");
        }

        return step.Guard?.Invoke(project, facts) is { } refusal
            ? new ProjectDecision(null, null, refusal)
            : new ProjectDecision(step, role, null);
    }

    /// <summary>
    /// Takes an allowed step: moves the project, keeps the history row (sequence <paramref name="sequence"/>) and, on
    /// entering the public notice, sets its period of <paramref name="noticeWorkingDays"/> working days from today.
    /// </summary>
    public static ProjectTransition Apply(
        Project project, ProjectDecision decision, ProjectActor actor, ProjectFacts facts, DateTime now, int sequence,
        WorkingDayCalendar calendar, int noticeWorkingDays, string? expertName = null, int? expertScore = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(calendar);
        if (decision.Step is not { } step || decision.Role is not { } role || step.From != project.Status)
        {
            throw new InvalidOperationException("Only an allowed decision for the project's current state can be applied.");
        }

        var transition = new ProjectTransition
        {
            ProjectId = project.Id,
            Sequence = sequence,
            FromStatus = step.From,
            ToStatus = step.To,
            Action = step.Action,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            ActorRole = role,
            ActorOrganizationId = actor.OrganizationId,
            At = now,
            Comment = Trim(facts.Comment),
            ReferenceNumber = Trim(facts.ReferenceNumber),
            ExpertName = expertName,
            ExpertScore = expertScore,
        };
        if (step.To != step.From)
        {
            project.Status = step.To;
            project.StatusChangedAt = now;
        }

        if (step.To == ProjectStatus.PublicNotice)
        {
            (project.NoticeStart, project.NoticeEnd) = calendar.Period(facts.Today, noticeWorkingDays);
        }

        if (step.Action is ProjectAction.RecordUpstreamApproval or ProjectAction.RecordUpstreamRejection)
        {
            project.UpstreamReference = transition.ReferenceNumber;
        }

        if (step.Action == ProjectAction.Complete && Trim(facts.Summary) is { } summary)
        {
            project.Summary = summary;
        }

        project.UpdatedAt = now;
        return transition;
    }

    /// <summary>Whether the caller's organization is the <paramref name="party"/> of <paramref name="project"/>.</summary>
    public static bool IsParty(ProjectParty party, Project project, ProjectActor actor)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(actor);
        return party switch
        {
            ProjectParty.Applicant => actor.OrganizationId == project.ApplicantOrganizationId,
            ProjectParty.Organizer => actor.OrganizationId is { } org
                && (org == project.ApplicantOrganizationId || (org == project.ProviderId && actor.Roles.Contains(PlatformRoles.ProviderStaff))),
            ProjectParty.Recommender => actor.OrganizationId == project.RecommenderOrganizationId,
            _ => true,
        };
    }

    /// <summary>The Chinese name of a party.</summary>
    public static string PartyName(ProjectParty party) => party switch
    {
        ProjectParty.Applicant => "申报单位",
        ProjectParty.Organizer => "申报单位或承办单位",
        ProjectParty.Recommender => "推荐单位（县市区人社部门或行业主管部门）",
        _ => "项目办",
    };

    private static ProjectDecision Refuse(string code, int status, string title, string detail) =>
        new(null, null, new ProjectRefusal(code, status, title, detail));

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ProjectRefusal? NeedsComment(Project project, ProjectFacts facts) =>
        Trim(facts.Comment) is null
            ? new(ProjectProblemCodes.CommentRequired, 400, "请填写理由", "退回或不予通过时须填写理由（comment）。")
            : null;

    private static ProjectRefusal? NeedsReference(Project project, ProjectFacts facts) =>
        Trim(facts.ReferenceNumber) is null
            ? new(ProjectProblemCodes.ReferenceRequired, 400, "请填写上级批复文号",
                $"登记{ProjectLabels.Level(project.Level)}项目的上级审批结果时须填写批复文号（referenceNumber）。")
            : null;

    private static ProjectRefusal? Reviewed(ProjectFacts facts) =>
        facts.Reviews == 0
            ? new(ProjectProblemCodes.ReviewsMissing, 409, "尚无专家评审意见", "请先录入至少一位专家的评分和评审意见，再作出评审结论。")
            : null;

    private static ProjectRefusal? MunicipalAndReviewed(Project project, ProjectFacts facts) =>
        project.Level != ProjectLevel.Municipal
            ? new(ProjectProblemCodes.UpstreamLevel, 409, "该项目须向上推荐",
                $"{ProjectLabels.Level(project.Level)}项目由上级人社部门评审批准，项目办不能直接批准；请“向上推荐”，待上级批复后登记结果。")
            : Reviewed(facts);

    private static ProjectRefusal? UpstreamAndReviewed(Project project, ProjectFacts facts) =>
        project.Level == ProjectLevel.Municipal
            ? new(ProjectProblemCodes.MunicipalLevel, 409, "市级项目无需向上推荐", "市级项目由项目办评审批准，请直接“批准”或“不予通过”。")
            : Reviewed(facts);

    private static ProjectRefusal? NoticeOver(Project project, ProjectFacts facts) =>
        PublicNoticePeriod.RefuseConclusion(project.NoticeStart, project.NoticeEnd, facts.Today, facts.PendingObjections);

    private static ProjectRefusal? RosterAndSummary(Project project, ProjectFacts facts)
    {
        if (!facts.HasFinishedClassWithRecords)
        {
            return new(ProjectProblemCodes.RosterMissing, 409, "尚未上传学员名单",
                "结项前须至少有一个已结业的班次，并已上传学员名单、形成学时记录。");
        }

        return Trim(facts.Summary) is null && Trim(project.Summary) is null
            ? new(ProjectProblemCodes.SummaryMissing, 400, "请填写结项总结", "结项时须填写项目总结（summary）。")
            : null;
    }
}
