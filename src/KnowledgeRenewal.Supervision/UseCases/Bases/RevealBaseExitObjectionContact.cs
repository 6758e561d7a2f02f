using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>An objector's full phone.</summary>
/// <param name="Id">The objection.</param>
/// <param name="ContactName">The objector's name.</param>
/// <param name="ContactPhone">The phone.</param>
public sealed record BaseExitObjectorContact(Guid Id, string ContactName, string ContactPhone)
{
    /// <inheritdoc />
    public override string ToString() => nameof(BaseExitObjectorContact);
}

/// <summary>
/// The program office, which answers objections to a base's exit, sees an objector's full phone to call them back,
/// with a stated purpose: an account holding the unmask permission (<see cref="PersonalDataEntitlement"/>) — the same
/// rule as a complaint's contact. Every attempt is audited (granted or denied) before anything is shown.
/// </summary>
/// <param name="NoticeId">The exit notice.</param>
/// <param name="ObjectionId">The objection.</param>
/// <param name="Purpose">Why (≥ 4 characters).</param>
internal sealed record RevealBaseExitObjectionContact(Guid NoticeId, Guid ObjectionId, string? Purpose) : IRequest<BaseExitObjectorContact>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RevealBaseExitObjectionContact);
}

/// <summary>Handles <see cref="RevealBaseExitObjectionContact"/>.</summary>
internal sealed class RevealBaseExitObjectionContactHandler(
    PlatformDbContext db, ICurrentAccess access, IHttpContextAccessor http, IPersonalDataProtector protector, IAuditTrail audit)
    : IRequestHandler<RevealBaseExitObjectionContact, BaseExitObjectorContact>
{
    /// <inheritdoc />
    public async Task<BaseExitObjectorContact> Handle(RevealBaseExitObjectionContact request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var purpose = UnmaskPurpose.ForAudit(request.Purpose);
        var row = BaseExitViews.SeesObjectors(access)
            ? await db.Set<BaseExitObjection>().AsNoTracking()
                .Where(o => o.Id == request.ObjectionId && o.NoticeId == request.NoticeId && db.Set<BaseExitNotice>().Any(n => n.Id == o.NoticeId))
                .Select(o => new { o.ContactName, o.ContactPhoneCipher }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        if (row is null)
        {
            await RecordAsync(request.ObjectionId, AuditOutcome.Denied, $"not found, out of scope or not the program office; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw new NotFoundException("异议", request.ObjectionId);
        }

        if (!PersonalDataEntitlement.HoldsPermission(http.HttpContext?.User, access))
        {
            await RecordAsync(request.ObjectionId, AuditOutcome.Denied, $"permission {PlatformPermissions.UnmaskPersonalData} missing; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw new PlatformException("personal_data.unmask_forbidden", StatusCodes.Status403Forbidden, "无权查看异议人完整电话",
                "查看异议人完整电话需要“查看原始个人信息”权限，请联系安全管理员授权；本次请求已记入审计日志。");
        }

        if (UnmaskPurpose.Check(request.Purpose) is { } error)
        {
            await RecordAsync(request.ObjectionId, AuditOutcome.Denied, $"purpose missing or invalid; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw new RequestValidationException([error]);
        }

        var contact = new BaseExitObjectorContact(request.ObjectionId, row.ContactName, protector.Unprotect(row.ContactPhoneCipher));
        await RecordAsync(request.ObjectionId, AuditOutcome.Success, "purpose=" + purpose, cancellationToken).ConfigureAwait(false);
        return contact;
    }

    private Task RecordAsync(Guid id, AuditOutcome outcome, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(AuditActions.PersonalDataViewed, outcome, nameof(BaseExitObjection), id.ToString(), details), cancellationToken);
}
