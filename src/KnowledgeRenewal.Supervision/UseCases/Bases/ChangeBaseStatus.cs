using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>The body of a status change.</summary>
/// <param name="Status">The new status: Active, UnderReview or Revoked.</param>
/// <param name="Reason">Why (required).</param>
public sealed record BaseStatusInput(BaseStatus? Status, [property: DataType(DataType.MultilineText)] string? Reason);

/// <summary>The program office changes a base's status (<see cref="BaseStatusRules.Allowed"/>), with a reason; needs <c>If-Match</c> (the base's tag).</summary>
/// <param name="Id">The base.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">The new status and reason.</param>
public sealed record ChangeBaseStatus(Guid Id, string? IfMatch, BaseStatusInput Body) : IRequest<Versioned<BaseSupervisionView>>;

internal sealed class ChangeBaseStatusValidator : AbstractValidator<ChangeBaseStatus>
{
    public ChangeBaseStatusValidator()
    {
        RuleFor(r => r.Body.Status).NotNull().OverridePropertyName("status").WithErrorCode("required").WithMessage("请选择新的状态。");
        RuleFor(r => r.Body.Status).IsInEnum().OverridePropertyName("status").WithErrorCode("invalid_enum").WithMessage("请选择新的状态。");
        RuleFor(r => r.Body.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).OverridePropertyName("reason").WithErrorCode("required").WithMessage("请填写变更原因。");
        RuleFor(r => r.Body.Reason).MaximumLength(BaseStatusChange.ReasonLength).OverridePropertyName("reason").WithErrorCode("too_long").WithMessage($"变更原因最多 {BaseStatusChange.ReasonLength} 个字。");
    }
}

internal sealed class ChangeBaseStatusHandler(PlatformDbContext db, IMediator mediator, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<ChangeBaseStatus, Versioned<BaseSupervisionView>>
{
    public async Task<Versioned<BaseSupervisionView>> Handle(ChangeBaseStatus request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = await db.EducationBases.FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("继续教育基地", request.Id);
        var read = Preconditions.Require(request.IfMatch, b.ConcurrencyStamp);
        var to = request.Body.Status!.Value;
        if (!BaseStatusRules.Allowed(b.Status, to))
        {
            throw new PlatformException(BaseProblemCodes.StatusNotAllowed, StatusCodes.Status409Conflict, "不能这样变更状态",
                b.Status == BaseStatus.Revoked
                    ? "基地已撤销，只能通过新的基地建设项目获批重新认定。"
                    : $"基地当前为“{BaseStatusRules.Label(b.Status)}”，不能变更为“{BaseStatusRules.Label(to)}”。");
        }

        db.Set<BaseStatusChange>().Add(new BaseStatusChange
        {
            BaseId = b.Id,
            From = b.Status,
            To = to,
            Reason = request.Body.Reason!.Trim(),
            ChangedByUserId = access.UserId,
            ChangedByName = actors.Current.UserName ?? "unknown",
            ChangedAt = clock.GetUtcNow().UtcDateTime,
        });
        b.Status = to;
        db.Entry(b).Property(x => x.ConcurrencyStamp).OriginalValue = read;
        b.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return await mediator.Send(new GetBaseSupervision(b.Id), cancellationToken).ConfigureAwait(false);
    }
}
