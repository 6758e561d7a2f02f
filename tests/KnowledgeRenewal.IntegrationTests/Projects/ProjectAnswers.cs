using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Projects;

// The project API's answers as the tests read them (see HttpJson.Answers: strict, camelCase; OData entities with
// HttpJson.ODataAnswers: EDM names).

/// <summary>A project with its history and reviews (<c>/api/projects/{id}</c> and every step's answer).</summary>
/// <param name="Project">The project.</param>
/// <param name="History">Its steps, in order.</param>
/// <param name="AverageScore">The experts' average score, once scored.</param>
public sealed record ProjectDetailAnswer(ProjectAnswer Project, IReadOnlyList<ProjectStepAnswer> History, decimal? AverageScore) : JsonAnswer;

/// <summary>A project.</summary>
/// <param name="Id">Id.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">Its state (member name).</param>
/// <param name="RecommenderOrganizationId">The recommending authority.</param>
/// <param name="ProviderId">The provider who hosts it.</param>
/// <param name="Budget">Its funding.</param>
/// <param name="UpstreamReference">The upstream decision's reference number.</param>
/// <param name="NoticeStart">First day of the public notice.</param>
/// <param name="NoticeEnd">Last day of the public notice.</param>
/// <param name="Summary">Completion summary.</param>
/// <param name="NextActions">The actions the table allows from the current state.</param>
public sealed record ProjectAnswer(
    Guid Id,
    string Title,
    string Status,
    Guid RecommenderOrganizationId,
    Guid? ProviderId,
    ProjectBudgetAnswer Budget,
    string? UpstreamReference,
    DateOnly? NoticeStart,
    DateOnly? NoticeEnd,
    string? Summary,
    IReadOnlyList<string> NextActions) : JsonAnswer;

/// <summary>A project's funding.</summary>
/// <param name="TotalFen">Total, in fen.</param>
public sealed record ProjectBudgetAnswer(long TotalFen) : JsonAnswer;

/// <summary>One step of a project's history.</summary>
/// <param name="Sequence">1, 2, …</param>
/// <param name="From">State before (member name).</param>
/// <param name="Action">Action (path segment).</param>
/// <param name="ActorName">Who.</param>
/// <param name="ActorRole">In which role.</param>
/// <param name="ActorRoleName">The role, in Chinese.</param>
/// <param name="Comment">Comment.</param>
/// <param name="ExpertScore">Score (scores).</param>
/// <param name="ReferenceNumber">Upstream decision's number.</param>
public sealed record ProjectStepAnswer(
    int Sequence, string From, string Action, string? ActorName, string ActorRole, string ActorRoleName, string? Comment, int? ExpertScore, string? ReferenceNumber) : JsonAnswer;

/// <summary>A project past its deadline (<c>/api/projects/overdue</c>).</summary>
/// <param name="Id">The project.</param>
/// <param name="Status">Its state (member name).</param>
/// <param name="WorkingDaysOverdue">Working days past the deadline.</param>
/// <param name="Responsible">Who has to act, in Chinese.</param>
public sealed record OverdueProjectAnswer(Guid Id, string Status, int WorkingDaysOverdue, string Responsible) : JsonAnswer;

/// <summary>An objection as a reader of the project sees it (the contact only for the program office).</summary>
/// <param name="Id">Id.</param>
/// <param name="Reason">The objection.</param>
/// <param name="ContactName">The objector's name.</param>
/// <param name="ContactPhone">The objector's phone (program office only).</param>
/// <param name="StatusName">Where it stands, in Chinese.</param>
/// <param name="Resolution">How it was resolved.</param>
public sealed record ObjectionAnswer(Guid Id, string Reason, string? ContactName, string? ContactPhone, string StatusName, string? Resolution) : JsonAnswer;

/// <summary>A project in public notice (<c>/api/notices</c>).</summary>
/// <param name="Id">The project.</param>
/// <param name="Phase">Where the notice stands (member name).</param>
/// <param name="PhaseName">Its Chinese name.</param>
public sealed record NoticeAnswer(Guid Id, string Phase, string PhaseName) : JsonAnswer;

/// <summary>An OData aggregation row of projects by type.</summary>
/// <param name="Type">Project type.</param>
/// <param name="Count">Projects.</param>
/// <param name="Budget">Their total budget, in fen.</param>
public sealed record ProjectsByTypeEntity(string Type, int Count, long Budget) : JsonAnswer;

/// <summary>An OData aggregation row of trainees.</summary>
/// <param name="Trainees">Planned trainees.</param>
public sealed record TraineesEntity(long Trainees) : JsonAnswer;

/// <summary>An OData aggregation row of projects by county.</summary>
/// <param name="RegionCode">County.</param>
/// <param name="Count">Projects.</param>
public sealed record ProjectsByRegionEntity(string RegionCode, int Count) : JsonAnswer;

/// <summary>An OData aggregation row: a count.</summary>
/// <param name="Count">The count.</param>
public sealed record CountEntity(int Count) : JsonAnswer;

/// <summary>An OData Projects entity with its transitions expanded.</summary>
/// <param name="Transitions">Its steps.</param>
public sealed record ProjectWithTransitionsEntity(IReadOnlyList<ProjectTransitionEntity> Transitions) : JsonAnswer
{
    /// <summary>Its other members, by name (what the feed must not show is not among them).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Others { get; init; } = [];
}

/// <summary>An OData ProjectTransitions entity.</summary>
/// <param name="Action">The action (member name).</param>
public sealed record ProjectTransitionEntity(string Action) : JsonAnswer;

/// <summary>An OData Projects entity's organizations.</summary>
/// <param name="ApplicantOrganizationId">The applicant.</param>
public sealed record ProjectApplicantEntity(Guid ApplicantOrganizationId) : JsonAnswer;

/// <summary>An annual plan (<c>/api/annual-plans/{year}</c>).</summary>
/// <param name="Targets">Its targets with what was achieved.</param>
public sealed record AnnualPlanAnswer(IReadOnlyList<PlanTargetAnswer> Targets) : JsonAnswer;

/// <summary>One target of an annual plan.</summary>
/// <param name="Key">What it counts (a project type, county, sector…).</param>
/// <param name="ActualProjects">Projects so far.</param>
/// <param name="ActualTrainees">Trainees so far.</param>
public sealed record PlanTargetAnswer(string Key, int ActualProjects, int ActualTrainees) : JsonAnswer;
