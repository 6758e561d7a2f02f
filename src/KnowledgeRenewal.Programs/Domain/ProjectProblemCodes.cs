namespace KnowledgeRenewal.Programs.Domain;

/// <summary>Stable machine codes of the problems of program projects.</summary>
public static class ProjectProblemCodes
{
    /// <summary>No project with that id within the caller's scope.</summary>
    public const string NotFound = "project.not_found";

    /// <summary>The action does not exist (unknown path segment).</summary>
    public const string UnknownAction = "project.unknown_action";

    /// <summary>The action is not allowed from the project's current state.</summary>
    public const string TransitionNotAllowed = "project.transition_not_allowed";

    /// <summary>The action is allowed from the current state, but not for any of the caller's roles.</summary>
    public const string RoleNotAllowed = "project.role_not_allowed";

    /// <summary>The caller has the role, but is not the applicant, recommender or host the step belongs to.</summary>
    public const string NotResponsible = "project.not_responsible";

    /// <summary>Nobody recommends, reviews or approves their own organization's application.</summary>
    public const string OwnApplication = "project.own_application";

    /// <summary>Approve is for municipal projects; provincial and national ones are recommended upward.</summary>
    public const string UpstreamLevel = "project.upstream_level";

    /// <summary>Recommending upward is for provincial and national projects only.</summary>
    public const string MunicipalLevel = "project.municipal_level";

    /// <summary>No expert score has been recorded yet.</summary>
    public const string ReviewsMissing = "project.reviews_missing";

    /// <summary>The upstream decision's reference number is required.</summary>
    public const string ReferenceRequired = "project.reference_required";

    /// <summary>The public notice period is still running.</summary>
    public const string NoticeRunning = "project.notice_running";

    /// <summary>An objection is still unresolved.</summary>
    public const string ObjectionPending = "project.objection_pending";

    /// <summary>No class of the project has finished with credit records (the roster is not uploaded).</summary>
    public const string RosterMissing = "project.roster_missing";

    /// <summary>The completion summary is missing.</summary>
    public const string SummaryMissing = "project.summary_missing";

    /// <summary>A rejection needs a reason.</summary>
    public const string CommentRequired = "project.comment_required";

    /// <summary>The caller may not apply for this type of project (or not for that organization).</summary>
    public const string NotApplicant = "project.not_applicant";

    /// <summary>The recommending authority is not the county bureau of the region or the line department of the sector.</summary>
    public const string InvalidRecommender = "project.invalid_recommender";

    /// <summary>
    /// The host provider may not be named by this applicant: a provider hosts only its own projects; others name a
    /// provider or base within their scope (see <see cref="ProjectHosts"/>).
    /// </summary>
    public const string InvalidHost = "project.invalid_host";

    /// <summary>Only drafts can be edited.</summary>
    public const string NotDraft = "project.not_draft";

    /// <summary>The project's notice period has not started or has ended (objections are only taken within it, see <see cref="PublicNoticePeriod"/>).</summary>
    public const string NotInNotice = "project.not_in_notice";

    /// <summary>The objection has already been resolved.</summary>
    public const string ObjectionResolved = "project.objection_resolved";

    /// <summary>The expert's score is already recorded.</summary>
    public const string DuplicateReview = "project.duplicate_review";

    /// <summary>The expert named for a review is not an active expert of the pool.</summary>
    public const string UnknownExpert = "project.unknown_expert";

    /// <summary>The expert named for a review has a conflict of interest (own organization, recent co-work) with the project.</summary>
    public const string ExpertConflict = "project.expert_conflict";
}
