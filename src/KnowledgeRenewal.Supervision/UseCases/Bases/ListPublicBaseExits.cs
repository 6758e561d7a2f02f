using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>A base's exit in public notice, as the public sees it (no objections, no names of staff).</summary>
/// <param name="Id">The notice (to object to).</param>
/// <param name="BaseName">The base.</param>
/// <param name="Level">Its level.</param>
/// <param name="Reason">Why it exits.</param>
/// <param name="NoticeStart">First day.</param>
/// <param name="NoticeEnd">Last day.</param>
/// <param name="Phase">Where the period stands today.</param>
public sealed record PublicBaseExit(Guid Id, string BaseName, BaseLevel Level, string Reason, DateOnly NoticeStart, DateOnly NoticeEnd, NoticePhase Phase);

/// <summary>Public: the bases whose exit is in public notice (no sign-in).</summary>
internal sealed record ListPublicBaseExits : IRequest<IReadOnlyList<PublicBaseExit>>;

/// <summary>Handles <see cref="ListPublicBaseExits"/>.</summary>
internal sealed class ListPublicBaseExitsHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<ListPublicBaseExits, IReadOnlyList<PublicBaseExit>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PublicBaseExit>> Handle(ListPublicBaseExits request, CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var rows = await db.Set<BaseExitNotice>().IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(n => n.Status == BaseExitStatus.InNotice)
            .Join(db.Set<EducationBase>().IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]), n => n.BaseId, b => b.Id,
                (n, b) => new { n.Id, b.Name, b.Level, n.Reason, n.NoticeStart, n.NoticeEnd })
            .OrderBy(x => x.NoticeEnd).Take(200).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(x => new PublicBaseExit(x.Id, x.Name, x.Level, x.Reason, x.NoticeStart, x.NoticeEnd, PublicNoticeTerms.Phase(x.NoticeStart, x.NoticeEnd, today)))];
    }
}
