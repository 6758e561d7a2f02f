using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>The body of an exit notice.</summary>
/// <param name="Reason">Why the base exits (published with the notice; required).</param>
public sealed record BaseExitInput([property: DataType(DataType.MultilineText)] string? Reason);

/// <summary>
/// The program office puts a base proposed for exit (its last assessment below the bar, the year before too) to public
/// notice (公示); the period comes from Programs' notice terms. 409 <c>supervision.exit_not_proposed</c> when the last
/// assessment does not propose exit or the base is no longer designated; 409 <c>supervision.exit_in_notice</c> when a
/// notice is already running.
/// </summary>
/// <param name="BaseId">The base.</param>
/// <param name="Body">The reason.</param>
internal sealed record StartBaseExit(Guid BaseId, BaseExitInput Body) : IRequest<BaseExitView>;

/// <summary>Needs a reason.</summary>
internal sealed class StartBaseExitValidator : AbstractValidator<StartBaseExit>
{
    /// <summary>Creates the validator.</summary>
    public StartBaseExitValidator()
    {
        RuleFor(r => r.Body).NotNull().WithErrorCode("required").WithMessage("请填写退出理由。");
        RuleFor(r => r.Body.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).When(r => r.Body is not null)
            .OverridePropertyName("reason").WithErrorCode("required").WithMessage("请填写退出理由。");
        RuleFor(r => r.Body.Reason).MaximumLength(BaseExitNotice.ReasonLength).When(r => r.Body is not null)
            .OverridePropertyName("reason").WithErrorCode("too_long").WithMessage($"退出理由最多 {BaseExitNotice.ReasonLength} 个字。");
    }
}

/// <summary>Handles <see cref="StartBaseExit"/>.</summary>
internal sealed class StartBaseExitHandler(PlatformDbContext db, PublicNoticeTerms terms, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<StartBaseExit, BaseExitView>
{
    /// <inheritdoc />
    public async Task<BaseExitView> Handle(StartBaseExit request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = await BaseAccess.VisibleAsync(db, request.BaseId, cancellationToken).ConfigureAwait(false);
        var last = await db.Set<BaseAssessment>().AsNoTracking().Where(a => a.BaseId == b.Id).OrderByDescending(a => a.Year)
            .Select(a => new { a.Year, a.ProposedExit }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (last is null || !BaseExitRules.MayStart(b.Status, last.ProposedExit))
        {
            throw new PlatformException("supervision.exit_not_proposed", StatusCodes.Status409Conflict, "该基地没有被建议退出",
                "只有最近一次考核连续两年不合格、建议退出且仍在认定中的基地，才能进入退出公示。");
        }

        if (await db.Set<BaseExitNotice>().AnyAsync(n => n.BaseId == b.Id && n.Status == BaseExitStatus.InNotice, cancellationToken).ConfigureAwait(false))
        {
            throw new PlatformException("supervision.exit_in_notice", StatusCodes.Status409Conflict, "该基地正在退出公示", "该基地的退出公示尚未办结。");
        }

        var today = ProgramCalendar.Today(clock);
        var (start, end) = terms.PeriodFrom(today);
        var notice = new BaseExitNotice
        {
            BaseId = b.Id,
            Year = last.Year,
            Reason = request.Body.Reason!.Trim(),
            NoticeStart = start,
            NoticeEnd = end,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            StartedByName = actors.Current.UserName ?? "unknown",
        };
        db.Set<BaseExitNotice>().Add(notice);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return BaseExitViews.View(notice, b.Name, today, seesObjectors: true);
    }
}
