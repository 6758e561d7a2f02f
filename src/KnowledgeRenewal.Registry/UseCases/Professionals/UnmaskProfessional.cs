using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>The body of an unmasking: why the caller needs the data.</summary>
/// <param name="Purpose">The purpose, at least <see cref="UnmaskPurpose.MinLength"/> characters (e.g. “职称评审资格复核”).</param>
internal sealed record UnmaskBody(string? Purpose);

/// <summary>A professional's personal data in plaintext (never cached: the answer says <c>Cache-Control: no-store</c>).</summary>
/// <param name="Id">The professional.</param>
/// <param name="IdNumber">The resident ID number.</param>
/// <param name="Phone">The mobile number, when known.</param>
internal sealed record UnmaskedPersonalData(Guid Id, string IdNumber, string? Phone)
{
    /// <inheritdoc />
    public override string ToString() => nameof(UnmaskedPersonalData);
}

/// <summary>
/// Shows a professional's ID number and phone unmasked. Needs the permission
/// <see cref="PlatformPermissions.UnmaskPersonalData"/> (granted per account by a security administrator; the rule is
/// <see cref="PersonalDataEntitlement"/>, the same as for look-ups by ID number) — or it is
/// the person's own record — the record within the caller's scope (404 otherwise) and a stated purpose (400).
/// Every answer, granted or refused, is audited as <see cref="AuditActions.PersonalDataViewed"/> with the purpose
/// in the details and never the data itself.
/// </summary>
/// <param name="Id">The professional.</param>
/// <param name="Purpose">Why.</param>
internal sealed record UnmaskProfessional(Guid Id, string? Purpose) : IRequest<UnmaskedPersonalData>;

/// <summary>Handles <see cref="UnmaskProfessional"/>.</summary>
internal sealed class UnmaskProfessionalHandler(
    PlatformDbContext db,
    ICurrentAccess access,
    IHttpContextAccessor http,
    IPersonalDataProtector protector,
    IAuditTrail audit) : IRequestHandler<UnmaskProfessional, UnmaskedPersonalData>
{
    /// <inheritdoc />
    public async Task<UnmaskedPersonalData> Handle(UnmaskProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var purpose = UnmaskPurpose.ForAudit(request.Purpose);
        var record = await db.Professionals.AsNoTracking()
            .Where(p => p.Id == request.Id)
            .Select(p => new { p.IdNumberCipher, p.PhoneCipher, p.UserId })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (record is null)
        {
            await DeniedAsync(request.Id, $"not found or out of scope; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw Professional.NotFound(request.Id);
        }

        var self = record.UserId is { } owner && owner == access.UserId;
        var permitted = PersonalDataEntitlement.HoldsPermission(http.HttpContext?.User, access);
        if (!self && !permitted)
        {
            await DeniedAsync(request.Id, $"permission {PlatformPermissions.UnmaskPersonalData} missing; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw new PlatformException(
                RegistryProblemCodes.UnmaskForbidden,
                StatusCodes.Status403Forbidden,
                "无权查看原始个人信息",
                "查看完整身份证号和手机号码需要“查看原始个人信息”权限，请联系安全管理员授权；本次请求已记入审计日志。");
        }

        if (UnmaskPurpose.Check(request.Purpose) is { } error)
        {
            await DeniedAsync(request.Id, $"purpose missing or invalid; purpose={purpose}", cancellationToken).ConfigureAwait(false);
            throw new RequestValidationException([error]);
        }

        var data = new UnmaskedPersonalData(
            request.Id,
            protector.Unprotect(record.IdNumberCipher),
            record.PhoneCipher is null ? null : protector.Unprotect(record.PhoneCipher));

        // Audited before the answer leaves: if the record cannot be written, nothing is shown.
        await audit.RecordAsync(
            new AuditEvent(AuditActions.PersonalDataViewed, AuditOutcome.Success, nameof(Professional), request.Id.ToString(), (self ? "self; " : "") + "purpose=" + purpose),
            cancellationToken).ConfigureAwait(false);
        return data;
    }

    private Task DeniedAsync(Guid id, string details, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEvent(AuditActions.PersonalDataViewed, AuditOutcome.Denied, nameof(Professional), id.ToString(), details), cancellationToken);
}
