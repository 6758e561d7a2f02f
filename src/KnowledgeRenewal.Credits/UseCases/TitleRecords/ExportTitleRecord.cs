using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.TitleRecords;

/// <summary>
/// A person's title-evaluation record (职称评审继续教育记录) for the years <paramref name="From"/>–<paramref name="To"/>
/// as xlsx or as the signed JSON document (ADR 0029). Readers: whoever may read the person's compliance
/// (<see cref="ComplianceAccess.PersonReaders"/>, enforced at the endpoint and page) within the data layer's scope — the
/// person, their employer, the county/department over them, the program office; 404 for anyone else. Personal data is
/// masked; <paramref name="Unmask"/> with a <paramref name="Purpose"/> shows it in plaintext to the person themself or an
/// account holding the unmask permission (<see cref="PersonalDataEntitlement"/>), audited as
/// <see cref="AuditActions.PersonalDataViewed"/> (granted or refused). Every export is audited as
/// <see cref="AuditActions.DataExported"/>.
/// </summary>
/// <param name="ProfessionalId">The professional.</param>
/// <param name="From">First credit year (default 2023).</param>
/// <param name="To">Last credit year (default this year).</param>
/// <param name="Format">xlsx (default) or json.</param>
/// <param name="Unmask">Whether to show ID number and phone in plaintext.</param>
/// <param name="Purpose">Why (required with <paramref name="Unmask"/>).</param>
internal sealed record ExportTitleRecord(Guid ProfessionalId, int? From, int? To, string? Format, bool Unmask = false, string? Purpose = null) : IRequest<TitleRecordFile>;

/// <summary>Handles <see cref="ExportTitleRecord"/>.</summary>
internal sealed class ExportTitleRecordHandler(
    PlatformDbContext db,
    CertificateLinks links,
    CredentialKeys keys,
    ICurrentAccess access,
    IHttpContextAccessor http,
    IPersonalDataProtector protector,
    IAuditTrail audit,
    TimeProvider clock) : IRequestHandler<ExportTitleRecord, TitleRecordFile>
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = true };

    /// <inheritdoc />
    public async Task<TitleRecordFile> Handle(ExportTitleRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = TitleRecordRules.Format(request.Format);
        var period = TitleRecordRules.Period(request.From, request.To, ProgramCalendar.Today(clock).Year);
        var people = db.Professionals.Where(p => p.Id == request.ProfessionalId);
        var person = (await TitleRecordViews.LoadAsync(db, people, period, links, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (person is null)
        {
            if (request.Unmask)
            {
                await UnmaskDeniedAsync(request.ProfessionalId, "not found or out of scope", request.Purpose, cancellationToken).ConfigureAwait(false);
            }

            throw Professional.NotFound(request.ProfessionalId);
        }

        if (request.Unmask)
        {
            person = await UnmaskAsync(person, request.Purpose, cancellationToken).ConfigureAwait(false);
        }

        var id = person.Id.ToString("D");
        var name = $"职称评审继续教育记录-{person.Name}-{period}";
        TitleRecordFile file;
        if (format == "json")
        {
            var record = TitleRecordViews.Record(person, period, clock.GetUtcNow().UtcDateTime, links.BaseUrl + "/");
            var document = TitleRecordSignatures.Sign(record, keys.KeyId, links.KeySet, links.BaseUrl + TitleRecordRules.VerifyPath, data => keys.Sign(data));
            file = new TitleRecordFile(new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString(Json))), TitleRecordViews.JsonContentType, name + ".json");
        }
        else
        {
            file = new TitleRecordFile(TitleRecordViews.Workbook([person], period), TitleRecordViews.XlsxContentType, name + ".xlsx");
        }

        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format={format}; title-evaluation record {period} of professional {id}{(person.Unmasked ? "; unmasked" : "")}");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, nameof(Professional), id, details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await file.Content.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return file;
    }

    // The unmask rule of the registry (own record, or the permission), its purpose check, its audit.
    private async Task<TitleRecordPerson> UnmaskAsync(TitleRecordPerson person, string? purpose, CancellationToken cancellationToken)
    {
        var secret = await db.Professionals.AsNoTracking().Where(p => p.Id == person.Id)
            .Select(p => new { p.IdNumberCipher, p.PhoneCipher, p.UserId })
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var self = secret.UserId is { } owner && owner == access.UserId;
        if (!self && !PersonalDataEntitlement.HoldsPermission(http.HttpContext?.User, access))
        {
            await UnmaskDeniedAsync(person.Id, $"permission {PlatformPermissions.UnmaskPersonalData} missing", purpose, cancellationToken).ConfigureAwait(false);
            throw new PlatformException(
                RegistryProblemCodes.UnmaskForbidden,
                StatusCodes.Status403Forbidden,
                "无权查看原始个人信息",
                "导出含完整身份证号和手机号码的记录需要“查看原始个人信息”权限，请联系安全管理员授权，或导出脱敏的记录；本次请求已记入审计日志。");
        }

        if (UnmaskPurpose.Check(purpose) is { } error)
        {
            await UnmaskDeniedAsync(person.Id, "purpose missing or invalid", purpose, cancellationToken).ConfigureAwait(false);
            throw new RequestValidationException([error]);
        }

        await audit.RecordAsync(
            new AuditEvent(AuditActions.PersonalDataViewed, AuditOutcome.Success, nameof(Professional), person.Id.ToString("D"), (self ? "self; " : "") + "title-evaluation record; purpose=" + UnmaskPurpose.ForAudit(purpose)),
            cancellationToken).ConfigureAwait(false);
        return person with
        {
            IdNumber = protector.Unprotect(secret.IdNumberCipher),
            Phone = secret.PhoneCipher is null ? null : protector.Unprotect(secret.PhoneCipher),
            Unmasked = true,
        };
    }

    private Task UnmaskDeniedAsync(Guid id, string reason, string? purpose, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditEvent(AuditActions.PersonalDataViewed, AuditOutcome.Denied, nameof(Professional), id.ToString("D"), $"title-evaluation record; {reason}; purpose={UnmaskPurpose.ForAudit(purpose)}"),
            cancellationToken);
}
