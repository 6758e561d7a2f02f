using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>The filer's phone in full.</summary>
/// <param name="Id">The complaint.</param>
/// <param name="ContactName">The filer's name.</param>
/// <param name="ContactPhone">The phone.</param>
public sealed record ComplaintContact(Guid Id, string ContactName, string ContactPhone)
{
    /// <inheritdoc />
    public override string ToString() => nameof(ComplaintContact);
}

/// <summary>
/// A handler of the complaint sees the filer's full phone to call them back, with a stated purpose: an account of a
/// business role holding the unmask permission (<see cref="PersonalDataEntitlement"/>), within its scope. Every
/// attempt is audited (granted or denied) before anything is shown.
/// </summary>
/// <param name="Id">The complaint.</param>
/// <param name="Purpose">Why (≥ 4 characters).</param>
internal sealed record RevealComplaintContact(Guid Id, string? Purpose) : IRequest<ComplaintContact>
{
    /// <inheritdoc />
    public override string ToString() => nameof(RevealComplaintContact);
}

/// <summary>Handles <see cref="RevealComplaintContact"/>.</summary>
internal sealed class RevealComplaintContactHandler(PlatformDbContext db, ICurrentAccess access, IHttpContextAccessor http, IPersonalDataProtector protector, IAuditTrail audit)
    : IRequestHandler<RevealComplaintContact, ComplaintContact>
{
    /// <inheritdoc />
    public async Task<ComplaintContact> Handle(RevealComplaintContact request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var purpose = UnmaskPurpose.ForAudit(request.Purpose);
        var row = await db.Complaints.AsNoTracking().Where(c => c.Id == request.Id)
            .Select(c => new { c.ContactName, c.ContactPhoneCipher }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            await RecordAsync(request.Id, AuditOutcome.Denied, $"not found or out of scope; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw ComplaintStore.NotFound();
        }

        if (!PersonalDataEntitlement.HoldsPermission(http.HttpContext?.User, access))
        {
            await RecordAsync(request.Id, AuditOutcome.Denied, $"permission {PlatformPermissions.UnmaskPersonalData} missing; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw new PlatformException("personal_data.unmask_forbidden", 403, "无权查看投诉人完整电话",
                "查看投诉人完整电话需要“查看原始个人信息”权限，请联系安全管理员授权；本次请求已记入审计日志。");
        }

        if (UnmaskPurpose.Check(request.Purpose) is { } error)
        {
            await RecordAsync(request.Id, AuditOutcome.Denied, $"purpose missing or invalid; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw new RequestValidationException([error]);
        }

        var contact = new ComplaintContact(request.Id, row.ContactName, protector.Unprotect(row.ContactPhoneCipher));
        await RecordAsync(request.Id, AuditOutcome.Success, "purpose=" + purpose, cancellationToken).ConfigureAwait(false);
        return contact;
    }

    private Task RecordAsync(Guid id, AuditOutcome outcome, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(AuditActions.PersonalDataViewed, outcome, nameof(Complaint), id.ToString(), details), cancellationToken);
}
