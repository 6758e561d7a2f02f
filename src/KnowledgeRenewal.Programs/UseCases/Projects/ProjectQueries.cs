using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>A page of projects within the caller's scope, newest first.</summary>
/// <param name="Type">Only this type.</param>
/// <param name="Level">Only this level.</param>
/// <param name="Status">Only this state.</param>
/// <param name="Year">Only this credit year.</param>
/// <param name="RegionCode">Only this region.</param>
/// <param name="DepartmentCode">Only this sector.</param>
/// <param name="Field">Only this field.</param>
/// <param name="Page">Page number (from 1).</param>
/// <param name="PageSize">Rows per page (1–100).</param>
public sealed record ListProjects(ProjectType? Type, ProjectLevel? Level, ProjectStatus? Status, int? Year, string? RegionCode, string? DepartmentCode, ProjectField? Field, int Page = 1, int PageSize = 20)
    : IRequest<Paged<ProjectView>>;

/// <summary>One project with its history and reviews (404 outside the caller's scope).</summary>
/// <param name="Id">The project.</param>
public sealed record GetProject(Guid Id) : IRequest<Versioned<ProjectDetail>>;

/// <summary>The caller's overdue projects: in a state with a deadline (<see cref="ProjectOptions.Deadlines"/>) for longer than it allows.</summary>
public sealed record ListOverdueProjects : IRequest<IReadOnlyList<OverdueProject>>;

/// <summary>The projects in public notice, for anyone (no sign-in).</summary>
public sealed record ListNotices : IRequest<IReadOnlyList<PublicNotice>>;

/// <summary>An overdue project.</summary>
/// <param name="Id">The project.</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Its state.</param>
/// <param name="StatusName">Its state, in Chinese.</param>
/// <param name="Since">The day (CST) it entered the state.</param>
/// <param name="DueDate">The last working day allowed.</param>
/// <param name="WorkingDaysOverdue">Working days past the due date.</param>
/// <param name="Responsible">Who must act, in Chinese.</param>
public sealed record OverdueProject(Guid Id, string Number, string Title, ProjectStatus Status, string StatusName, DateOnly Since, DateOnly DueDate, int WorkingDaysOverdue, string Responsible);

/// <summary>A project in public notice as the public sees it: what it is, who runs it, the notice period.</summary>
/// <param name="Id">The project (to file an objection).</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="TypeName">Type, in Chinese.</param>
/// <param name="LevelName">Level, in Chinese.</param>
/// <param name="FieldName">Field, in Chinese.</param>
/// <param name="ApplicantName">申报单位.</param>
/// <param name="ProviderName">承办单位.</param>
/// <param name="RecommenderName">推荐单位.</param>
/// <param name="StartDate">First day of delivery.</param>
/// <param name="EndDate">Last day of delivery.</param>
/// <param name="Capacity">Planned trainees.</param>
/// <param name="NoticeStart">First day of the notice.</param>
/// <param name="NoticeEnd">Last day of the notice.</param>
/// <param name="Phase">Where the notice stands today (China Standard Time): objections are taken only while it is <see cref="NoticePhase.Open"/>.</param>
/// <param name="PhaseName">The phase, in Chinese (待公示, 公示中, 公示期满).</param>
public sealed record PublicNotice(Guid Id, string Number, string Title, string TypeName, string LevelName, string FieldName, string? ApplicantName, string? ProviderName, string? RecommenderName, DateOnly StartDate, DateOnly EndDate, int Capacity, DateOnly? NoticeStart, DateOnly? NoticeEnd, NoticePhase Phase, string PhaseName)
{
    /// <summary>Whether objections are taken today.</summary>
    public bool TakesObjections => Phase == NoticePhase.Open;
}

/// <summary>Checks paging.</summary>
public sealed class ListProjectsValidator : AbstractValidator<ListProjects>
{
    /// <summary>Most rows per page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Creates the validator.</summary>
    public ListProjectsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithErrorCode("out_of_range").WithMessage("页码（page）应从 1 开始。");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithErrorCode("out_of_range").WithMessage($"每页条数（pageSize）应在 1 至 {MaxPageSize} 之间。");
    }
}

/// <summary>Projects matching the filters, newest first.</summary>
public sealed class ProjectsMatching : Specification<Project>
{
    /// <summary>Creates the specification.</summary>
    public ProjectsMatching(ListProjects query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Query.Where(p => p.Type == query.Type, query.Type is not null)
            .Where(p => p.Level == query.Level, query.Level is not null)
            .Where(p => p.Status == query.Status, query.Status is not null)
            .Where(p => p.CreditYear == query.Year, query.Year is not null)
            .Where(p => p.RegionCode == query.RegionCode, query.RegionCode is not null)
            .Where(p => p.DepartmentCode == query.DepartmentCode, query.DepartmentCode is not null)
            .Where(p => p.Field == query.Field, query.Field is not null)
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles the project queries.</summary>
public sealed class ProjectQueryHandlers(PlatformDbContext db, WorkingDayCalendar calendar, IOptions<ProjectOptions> options, TimeProvider clock)
    : IRequestHandler<ListProjects, Paged<ProjectView>>,
      IRequestHandler<GetProject, Versioned<ProjectDetail>>,
      IRequestHandler<ListOverdueProjects, IReadOnlyList<OverdueProject>>,
      IRequestHandler<ListNotices, IReadOnlyList<PublicNotice>>
{
    /// <inheritdoc />
    public async Task<Paged<ProjectView>> Handle(ListProjects request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var specification = new ProjectsMatching(request);
        var total = await db.Projects.WithCriteria(specification).CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await db.Projects.WithSpecification(specification)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Paged<ProjectView>(request.Page, request.PageSize, total, await ProjectViews.OfAsync(db, page, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public Task<Versioned<ProjectDetail>> Handle(GetProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ProjectViews.GetAsync(db, request.Id, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OverdueProject>> Handle(ListOverdueProjects request, CancellationToken cancellationToken)
    {
        var deadlines = options.Value.Deadlines;
        if (deadlines.Count == 0)
        {
            return [];
        }

        var states = deadlines.Keys.ToArray();
        var today = ProgramCalendar.Today(clock);
        var candidates = await db.Projects.AsNoTracking().Where(p => states.Contains(p.Status))
            .Select(p => new { p.Id, p.Number, p.Title, p.Status, p.StatusChangedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. candidates
            .Select(p =>
            {
                var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(p.StatusChangedAt, DateTimeKind.Utc), ProgramCalendar.TimeZone));
                var due = calendar.AddWorkingDays(since, deadlines[p.Status]);
                return new OverdueProject(p.Id, p.Number, p.Title, p.Status, ProjectLabels.Status(p.Status), since, due, calendar.WorkingDaysBetween(due, today), Responsible(p.Status));
            })
            .Where(o => o.WorkingDaysOverdue > 0)
            .OrderByDescending(o => o.WorkingDaysOverdue).ThenBy(o => o.Number, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublicNotice>> Handle(ListNotices request, CancellationToken cancellationToken)
    {
        var scope = new[] { PlatformDbContext.AccessScopeFilter };
        var projects = await db.Projects.IgnoreQueryFilters(scope).AsNoTracking()
            .Where(p => p.Status == ProjectStatus.PublicNotice)
            .OrderBy(p => p.NoticeEnd).ThenBy(p => p.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = projects.SelectMany(p => new[] { p.ApplicantOrganizationId, p.RecommenderOrganizationId, p.ProviderId ?? Guid.Empty }).Distinct().ToArray();
        var names = await db.Organizations.IgnoreQueryFilters(scope).AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var today = ProgramCalendar.Today(clock);
        return [.. projects.Select(p =>
        {
            var phase = PublicNoticePeriod.Phase(p, today);
            return new PublicNotice(
                p.Id, p.Number, p.Title, ProjectLabels.Type(p.Type), ProjectLabels.Level(p.Level), ProjectLabels.Field(p.Field),
                names.GetValueOrDefault(p.ApplicantOrganizationId), p.ProviderId is { } provider ? names.GetValueOrDefault(provider) : null,
                names.GetValueOrDefault(p.RecommenderOrganizationId), p.StartDate, p.EndDate, p.Capacity, p.NoticeStart, p.NoticeEnd, phase, ProjectLabels.Notice(phase));
        })];
    }

    private static string Responsible(ProjectStatus status) => status switch
    {
        ProjectStatus.Draft => "申报单位",
        ProjectStatus.Submitted => "推荐单位",
        ProjectStatus.ForwardedUpstream => "项目办（待登记上级批复）",
        ProjectStatus.Published or ProjectStatus.InProgress => "申报单位或承办单位",
        _ => "项目办",
    };
}
