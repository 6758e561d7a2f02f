using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>The program office's answer to an objection.</summary>
/// <param name="Uphold">True: the objection holds and the exit is withdrawn; false: dismissed, the exit goes on.</param>
/// <param name="Resolution">The answer (required).</param>
public sealed record BaseExitResolutionInput(bool? Uphold, [property: DataType(DataType.MultilineText)] string? Resolution);

/// <summary>
/// The program office resolves a pending objection to a base's exit: upheld withdraws the exit (the base stays, like an
/// upheld objection rejects a project in notice); dismissed leaves it to be concluded after the period. 409
/// <c>supervision.objection_resolved</c> when already resolved or the exit is no longer in notice.
/// </summary>
/// <param name="NoticeId">The exit notice.</param>
/// <param name="ObjectionId">The objection.</param>
/// <param name="Body">The answer.</param>
internal sealed record ResolveBaseExitObjection(Guid NoticeId, Guid ObjectionId, BaseExitResolutionInput Body) : IRequest<BaseExitView>;

/// <summary>Needs the answer.</summary>
internal sealed class ResolveBaseExitObjectionValidator : AbstractValidator<ResolveBaseExitObjection>
{
    /// <summary>Creates the validator.</summary>
    public ResolveBaseExitObjectionValidator()
    {
        RuleFor(r => r.Body).NotNull().WithErrorCode("required").WithMessage("请选择处理意见。");
        RuleFor(r => r.Body.Uphold).NotNull().When(r => r.Body is not null).OverridePropertyName("uphold").WithErrorCode("required").WithMessage("请选择异议是否成立。");
        RuleFor(r => r.Body.Resolution).Must(r => !string.IsNullOrWhiteSpace(r)).When(r => r.Body is not null)
            .OverridePropertyName("resolution").WithErrorCode("required").WithMessage("请填写处理意见。");
        RuleFor(r => r.Body.Resolution).MaximumLength(BaseExitNotice.ReasonLength).When(r => r.Body is not null)
            .OverridePropertyName("resolution").WithErrorCode("too_long").WithMessage($"处理意见最多 {BaseExitNotice.ReasonLength} 个字。");
    }
}

/// <summary>Handles <see cref="ResolveBaseExitObjection"/>.</summary>
internal sealed class ResolveBaseExitObjectionHandler(PlatformDbContext db, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<ResolveBaseExitObjection, BaseExitView>
{
    /// <inheritdoc />
    public async Task<BaseExitView> Handle(ResolveBaseExitObjection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notice = await db.Set<BaseExitNotice>().Include(n => n.Objections).FirstOrDefaultAsync(n => n.Id == request.NoticeId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("基地退出公示", request.NoticeId);
        var objection = notice.Objections.FirstOrDefault(o => o.Id == request.ObjectionId) ?? throw new NotFoundException("异议", request.ObjectionId);
        if (objection.Status != BaseExitObjectionStatus.Pending || notice.Status != BaseExitStatus.InNotice)
        {
            throw new PlatformException("supervision.objection_resolved", StatusCodes.Status409Conflict, "这件异议已经处理", "异议已处理或退出公示已办结。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var by = actors.Current.UserName ?? "unknown";
        objection.Status = request.Body.Uphold!.Value ? BaseExitObjectionStatus.Upheld : BaseExitObjectionStatus.Dismissed;
        objection.Resolution = request.Body.Resolution!.Trim();
        objection.ResolvedAt = now;
        objection.ResolvedByName = by;
        if (objection.Status == BaseExitObjectionStatus.Upheld)
        {
            notice.Status = BaseExitStatus.Withdrawn;
            notice.ConcludedAt = now;
            notice.ConcludedByName = by;
        }

        notice.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var name = await db.EducationBases.Where(b => b.Id == notice.BaseId).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? "";
        return BaseExitViews.View(notice, name, ProgramCalendar.Today(clock), seesObjectors: true);
    }
}
