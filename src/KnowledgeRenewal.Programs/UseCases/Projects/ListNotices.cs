using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The projects in public notice, for anyone (no sign-in).</summary>
internal sealed record ListNotices : IRequest<IReadOnlyList<PublicNotice>>;

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

/// <summary>Handles <see cref="ListNotices"/>: read without the caller's scope (the notice is public), organizations named by id.</summary>
internal sealed class ListNoticesHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<ListNotices, IReadOnlyList<PublicNotice>>
{
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
}
