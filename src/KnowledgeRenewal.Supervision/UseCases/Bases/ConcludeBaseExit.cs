using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>
/// The program office concludes a base's exit once its notice period has ended with no objection pending (Programs'
/// rule: 409 <c>project.notice_running</c>, <c>project.objection_pending</c>) and none upheld: the base moves to
/// 已撤销（退出） with a status-history entry naming the notice. If-Match: the notice's tag (428/412).
/// </summary>
/// <param name="NoticeId">The exit notice.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
internal sealed record ConcludeBaseExit(Guid NoticeId, string? IfMatch) : IRequest<BaseExitView>;

/// <summary>Handles <see cref="ConcludeBaseExit"/>.</summary>
internal sealed class ConcludeBaseExitHandler(PlatformDbContext db, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<ConcludeBaseExit, BaseExitView>
{
    /// <inheritdoc />
    public async Task<BaseExitView> Handle(ConcludeBaseExit request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notice = await db.Set<BaseExitNotice>().Include(n => n.Objections).FirstOrDefaultAsync(n => n.Id == request.NoticeId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("基地退出公示", request.NoticeId);
        var read = Preconditions.Require(request.IfMatch, notice.ConcurrencyStamp);
        if (notice.Status != BaseExitStatus.InNotice)
        {
            throw new PlatformException("supervision.exit_concluded", StatusCodes.Status409Conflict, "退出公示已办结", $"该基地的退出公示已办结（{BaseExitRules.Label(notice.Status)}）。");
        }

        var today = ProgramCalendar.Today(clock);
        var pending = notice.Objections.Count(o => o.Status == BaseExitObjectionStatus.Pending);
        if (PublicNoticeTerms.RefuseConclusion(notice.NoticeStart, notice.NoticeEnd, today, pending, BaseExitViews.Subject, "退出") is { } refusal)
        {
            throw new PlatformException(refusal.Code, refusal.Status, refusal.Title, refusal.Detail);
        }

        var b = await db.EducationBases.FirstOrDefaultAsync(x => x.Id == notice.BaseId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("继续教育基地", notice.BaseId);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = actors.Current.UserName ?? "unknown";
        if (b.Status != BaseStatus.Revoked)
        {
            db.Set<BaseStatusChange>().Add(new BaseStatusChange
            {
                BaseId = b.Id,
                From = b.Status,
                To = BaseStatus.Revoked,
                Reason = $"退出公示（{notice.NoticeStart:yyyy-MM-dd} 至 {notice.NoticeEnd:yyyy-MM-dd}）期满，无成立的异议，基地退出：{notice.Reason}",
                ChangedByUserId = access.UserId,
                ChangedByName = by,
                ChangedAt = now,
            });
            b.Status = BaseStatus.Revoked;
            b.ConcurrencyStamp = Guid.NewGuid();
        }

        notice.Status = BaseExitStatus.Exited;
        notice.ConcludedAt = now;
        notice.ConcludedByName = by;
        db.Entry(notice).Property(n => n.ConcurrencyStamp).OriginalValue = read;
        notice.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return BaseExitViews.View(notice, b.Name, today, seesObjectors: true);
    }
}
