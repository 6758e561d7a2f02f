using System.Globalization;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>The holder of a transcript (masked).</summary>
public sealed record TranscriptHolder(Guid Id, string Name, string IdNumber, string? EmployerName, string RegionCode, string DepartmentCode);

/// <summary>One credit year of a transcript: approved hours per category, what is pending, every record.</summary>
public sealed record TranscriptYear(
    int Year,
    decimal PublicHours,
    decimal ProfessionalHours,
    decimal TotalHours,
    decimal PendingHours,
    IReadOnlyList<CreditRecordView> Records);

/// <summary>A person's transcript (学时档案): every year, every record with its status and provenance.</summary>
public sealed record TranscriptView(TranscriptHolder Holder, decimal TotalApprovedHours, IReadOnlyList<TranscriptYear> Years);

/// <summary>A person's transcript.</summary>
public sealed record GetTranscript(Guid ProfessionalId) : IRequest<TranscriptView>;

/// <summary>
/// Builds transcripts: all of a person's records — approved, pending, rejected, revoked (with the correction that
/// replaced it) — grouped by credit year, newest first, with the approved hours per category. Visible to whoever may
/// see the person; the export is the same as xlsx, masked, and audited.
/// </summary>
public sealed class Transcripts(PlatformDbContext db) : IRequestHandler<GetTranscript, TranscriptView>
{
    private static readonly string[] Columns =
        ["学年", "日期", "名称", "科目类别", "科目代码", "科目名称", "学习形式", "学时", "录入数量", "录入单位", "状态", "来源", "施教机构", "来源文件", "认定/驳回人", "认定/驳回时间", "审核意见", "撤销人", "撤销时间", "撤销理由", "记录编号", "更正记录编号"];

    /// <inheritdoc />
    public async Task<TranscriptView> Handle(GetTranscript request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await BuildAsync(db, request.ProfessionalId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The transcript, or 404 when the person is not visible to the caller.</summary>
    public static async Task<TranscriptView> BuildAsync(PlatformDbContext db, Guid professionalId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.Professionals.AsNoTracking().Where(p => p.Id == professionalId)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.EmployerId, p.RegionCode, p.DepartmentCode })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("专业技术人员", professionalId);
        var employer = await db.Employers.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(e => e.Id == person.EmployerId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        var records = await LedgerQueries.Project(db.CreditRecords.AsNoTracking().Where(r => r.ProfessionalId == professionalId)
                .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var providerIds = records.Where(r => r.ProviderId is not null).Select(r => r.ProviderId!.Value).Distinct().ToList();
        var providers = await db.TrainingProviders.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
        var named = records.Select(r => r.ProviderId is { } id ? r with { ProviderName = providers.GetValueOrDefault(id) } : r).ToList();

        var years = named.GroupBy(r => r.CreditYear).OrderByDescending(g => g.Key).Select(g =>
        {
            var approved = g.Where(r => r.Status == CreditRecordStatus.Approved).ToList();
            var publicHours = approved.Where(r => r.Category == CreditCategory.Public).Sum(r => r.Hours);
            var professionalHours = approved.Where(r => r.Category == CreditCategory.Professional).Sum(r => r.Hours);
            return new TranscriptYear(g.Key, publicHours, professionalHours, publicHours + professionalHours, g.Where(r => r.Status == CreditRecordStatus.Pending).Sum(r => r.Hours), [.. g]);
        }).ToList();
        return new TranscriptView(
            new TranscriptHolder(person.Id, person.Name, person.IdNumberMasked, employer, person.RegionCode, person.DepartmentCode),
            years.Sum(y => y.TotalHours),
            years);
    }

    /// <summary>The transcript as xlsx (masked), audited as an export.</summary>
    public static async Task<IResult> ExportAsync(Guid id, PlatformDbContext db, IAuditTrail audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var transcript = await BuildAsync(db, id, ct).ConfigureAwait(false);
        var rows = transcript.Years.SelectMany(y => y.Records).Select(r => new object?[]
        {
            r.CreditYear,
            r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Title,
            r.CategoryLabel,
            r.SubjectCode ?? "",
            r.SubjectName ?? "",
            r.ActivityLabel,
            r.Hours,
            r.EnteredAmount,
            r.EnteredUnit == CreditUnit.Credit ? "学分" : "学时",
            r.StatusLabel,
            r.SourceLabel,
            r.ProviderName ?? "",
            r.SourceFile ?? r.ExternalReference ?? "",
            r.ReviewedBy ?? "",
            Time(r.ReviewedAt),
            r.ReviewReason ?? "",
            r.RevokedBy ?? "",
            Time(r.RevokedAt),
            r.RevocationReason ?? "",
            r.Id.ToString("D"),
            r.CorrectedByRecordId?.ToString("D") ?? "",
        }).ToList();
        var stream = ImportWorkbooks.Sheet("学时档案", Columns, rows);
        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; rows={rows.Count}; transcript of professional {id:D}");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, nameof(CreditRecord), id.ToString("D"), details), ct).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var file = $"学时档案-{transcript.Holder.Name}.xlsx";
        return Results.File(stream, ImportWorkbooks.XlsxContentType, file);
    }

    private static string Time(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(value, ProgramCalendar.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
