using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>A project's budget: every funding line in fen (分), and the total in fen and yuan.</summary>
/// <param name="CentralFen">中央财政.</param>
/// <param name="ProvincialFen">省级财政.</param>
/// <param name="MunicipalFen">市级财政.</param>
/// <param name="SelfRaisedFen">自筹.</param>
/// <param name="EmployerFen">用人单位.</param>
/// <param name="IndividualFen">个人.</param>
/// <param name="TotalFen">合计（分）.</param>
/// <param name="TotalYuan">合计（元）.</param>
internal sealed record ProjectBudgetView(long CentralFen, long ProvincialFen, long MunicipalFen, long SelfRaisedFen, long EmployerFen, long IndividualFen, long TotalFen, decimal TotalYuan);

/// <summary>A project as the API shows it.</summary>
/// <param name="Id">Key.</param>
/// <param name="Number">Readable number.</param>
/// <param name="Title">Title.</param>
/// <param name="Type">Type.</param>
/// <param name="TypeName">Type, in Chinese.</param>
/// <param name="Level">Level.</param>
/// <param name="LevelName">Level, in Chinese.</param>
/// <param name="Status">State.</param>
/// <param name="StatusName">State, in Chinese.</param>
/// <param name="Field">Key industry or social field.</param>
/// <param name="FieldName">Field, in Chinese.</param>
/// <param name="ApplicantOrganizationId">申报单位.</param>
/// <param name="ApplicantName">申报单位名称.</param>
/// <param name="RecommenderOrganizationId">推荐单位.</param>
/// <param name="RecommenderName">推荐单位名称.</param>
/// <param name="ProviderId">承办单位.</param>
/// <param name="ProviderName">承办单位名称.</param>
/// <param name="RegionCode">Region.</param>
/// <param name="DepartmentCode">Sector.</param>
/// <param name="CreditYear">Credit year.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day.</param>
/// <param name="Capacity">Planned trainees.</param>
/// <param name="Mode">Delivery mode.</param>
/// <param name="Description">Description.</param>
/// <param name="Budget">Budget.</param>
/// <param name="TargetTitleLevel">Seminars: target talent level.</param>
/// <param name="SubjectCategory">Capacity building: public or professional.</param>
/// <param name="SubjectCode">Capacity building: subject.</param>
/// <param name="DigitalFieldCode">Digital engineers: field.</param>
/// <param name="EducationBaseId">Base construction: base designation.</param>
/// <param name="UpstreamReference">Upstream decision's reference number.</param>
/// <param name="NoticeStart">First day of the public notice.</param>
/// <param name="NoticeEnd">Last day of the public notice.</param>
/// <param name="Summary">Completion summary.</param>
/// <param name="CreatedAt">Created (UTC).</param>
/// <param name="UpdatedAt">Last changed (UTC).</param>
/// <param name="StatusChangedAt">Entered its state (UTC).</param>
/// <param name="NextActions">The path segments of the actions the table allows from the current state (for anyone).</param>
internal sealed record ProjectView(
    Guid Id, string Number, string Title, ProjectType Type, string TypeName, ProjectLevel Level, string LevelName,
    ProjectStatus Status, string StatusName, ProjectField Field, string FieldName,
    Guid ApplicantOrganizationId, string? ApplicantName, Guid RecommenderOrganizationId, string? RecommenderName,
    Guid? ProviderId, string? ProviderName, string RegionCode, string? DepartmentCode, int CreditYear,
    DateOnly StartDate, DateOnly EndDate, int Capacity, DeliveryMode Mode, string? Description, ProjectBudgetView Budget,
    TitleLevel? TargetTitleLevel, CreditCategory? SubjectCategory, string? SubjectCode, string? DigitalFieldCode, Guid? EducationBaseId,
    string? UpstreamReference, DateOnly? NoticeStart, DateOnly? NoticeEnd, string? Summary,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime StatusChangedAt, IReadOnlyList<string> NextActions);

/// <summary>One step of the history.</summary>
/// <param name="Sequence">1, 2, …</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Action">Action (path segment).</param>
/// <param name="ActionName">Action, in Chinese.</param>
/// <param name="ActorName">Who (the account's user name).</param>
/// <param name="ActorRole">In which role.</param>
/// <param name="ActorRoleName">The role, in Chinese.</param>
/// <param name="ActorOrganizationId">Of which organization.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Comment">Comment.</param>
/// <param name="ExpertName">Expert (scores).</param>
/// <param name="ExpertScore">Score (scores).</param>
/// <param name="ReferenceNumber">Upstream decision's number.</param>
/// <param name="ActorDisplayName">Who, by the person's name (the account's display name; what pages show).</param>
internal sealed record ProjectTransitionView(int Sequence, ProjectStatus From, ProjectStatus To, string Action, string ActionName, string? ActorName, string ActorRole, string ActorRoleName, Guid? ActorOrganizationId, DateTime At, string? Comment, string? ExpertName, int? ExpertScore, string? ReferenceNumber, string? ActorDisplayName = null);

/// <summary>An expert review.</summary>
/// <param name="ExpertName">The expert's name as recorded (a snapshot).</param>
/// <param name="Score">0–100.</param>
/// <param name="Comment">Comment.</param>
/// <param name="RecordedByName">Who recorded it.</param>
/// <param name="RecordedAt">When (UTC).</param>
/// <param name="ExpertId">The expert of the pool (null on reviews recorded before the pool named experts).</param>
internal sealed record ProjectReviewView(string ExpertName, int Score, string? Comment, string? RecordedByName, DateTime RecordedAt, Guid? ExpertId);

/// <summary>A project with its history and reviews.</summary>
/// <param name="Project">The project.</param>
/// <param name="History">Every step, oldest first.</param>
/// <param name="Reviews">Expert reviews.</param>
/// <param name="AverageScore">Average expert score, if any.</param>
/// <param name="PendingObjections">Objections not yet resolved.</param>
internal sealed record ProjectDetail(ProjectView Project, IReadOnlyList<ProjectTransitionView> History, IReadOnlyList<ProjectReviewView> Reviews, decimal? AverageScore, int PendingObjections);

/// <summary>Reads projects into views (organization names read by id: a visible project names its organizations).</summary>
internal static class ProjectViews
{
    /// <summary>404 for a project outside the caller's scope.</summary>
    public static PlatformException NotFound(Guid id) =>
        new(ProjectProblemCodes.NotFound, StatusCodes.Status404NotFound, "项目不存在", $"未找到项目 {id}，或您无权查看该项目。");

    /// <summary>Views of <paramref name="projects"/>.</summary>
    public static async Task<IReadOnlyList<ProjectView>> OfAsync(PlatformDbContext db, IReadOnlyCollection<Project> projects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(projects);
        var ids = projects.SelectMany(p => new[] { p.ApplicantOrganizationId, p.RecommenderOrganizationId, p.ProviderId ?? Guid.Empty }).Distinct().ToArray();
        var names = await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name })
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        return [.. projects.Select(p => View(p, names))];
    }

    /// <summary>One project with its history, reviews and entity tag; 404 outside the caller's scope.</summary>
    public static async Task<Versioned<ProjectDetail>> GetAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(id);
        var history = await db.ProjectTransitions.AsNoTracking().Where(t => t.ProjectId == id).OrderBy(t => t.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reviews = await db.ProjectReviews.AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.RecordedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var pending = await db.ProjectObjections.CountAsync(o => o.ProjectId == id && o.Status == ObjectionStatus.Pending, cancellationToken).ConfigureAwait(false);
        var view = (await OfAsync(db, [project], cancellationToken).ConfigureAwait(false))[0];
        var people = await db.DisplayNamesAsync(history.Select(t => t.ActorName), cancellationToken).ConfigureAwait(false);
        var detail = new ProjectDetail(
            view,
            [.. history.Select(t => new ProjectTransitionView(t.Sequence, t.FromStatus, t.ToStatus, ProjectLabels.Slug(t.Action), ProjectLabels.Action(t.Action), t.ActorName, t.ActorRole, RoleCatalog.Find(t.ActorRole)?.DisplayName ?? t.ActorRole, t.ActorOrganizationId, t.At, t.Comment, t.ExpertName, t.ExpertScore, t.ReferenceNumber, t.ActorName is { } actor ? people.GetValueOrDefault(actor) : null))],
            [.. reviews.Select(r => new ProjectReviewView(r.ExpertName, r.Score, r.Comment, r.RecordedByName, r.RecordedAt, r.ExpertId))],
            reviews.Count == 0 ? null : Math.Round((decimal)reviews.Sum(r => r.Score) / reviews.Count, 1),
            pending);
        return new Versioned<ProjectDetail>(detail, project.ConcurrencyStamp);
    }

    private static ProjectView View(Project p, Dictionary<Guid, string> names) => new(
        p.Id, p.Number, p.Title, p.Type, ProjectLabels.Type(p.Type), p.Level, ProjectLabels.Level(p.Level),
        p.Status, ProjectLabels.Status(p.Status), p.Field, ProjectLabels.Field(p.Field),
        p.ApplicantOrganizationId, names.GetValueOrDefault(p.ApplicantOrganizationId),
        p.RecommenderOrganizationId, names.GetValueOrDefault(p.RecommenderOrganizationId),
        p.ProviderId, p.ProviderId is { } provider ? names.GetValueOrDefault(provider) : null,
        p.RegionCode, p.DepartmentCode, p.CreditYear, p.StartDate, p.EndDate, p.Capacity, p.Mode, p.Description,
        new ProjectBudgetView(p.CentralFundingFen, p.ProvincialFundingFen, p.MunicipalFundingFen, p.SelfRaisedFundingFen, p.EmployerFundingFen, p.IndividualFundingFen, p.BudgetTotalFen, p.BudgetTotalFen / 100m),
        p.TargetTitleLevel, p.SubjectCategory, p.SubjectCode, p.DigitalFieldCode, p.EducationBaseId,
        p.UpstreamReference, p.NoticeStart, p.NoticeEnd, p.Summary, p.CreatedAt, p.UpdatedAt, p.StatusChangedAt,
        [.. ProjectWorkflow.ActionsFrom(p.Status).Where(a => a != ProjectAction.UpholdObjection).Select(ProjectLabels.Slug)]);
}
