using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>A person's transcript as xlsx (masked), audited as an export; 404 when the caller may not see the person.</summary>
/// <param name="ProfessionalId">The professional.</param>
internal sealed record ExportTranscript(Guid ProfessionalId) : IRequest<TranscriptFile>;

/// <summary>An exported transcript.</summary>
/// <param name="Content">The workbook (the caller disposes it).</param>
/// <param name="FileName">The download name.</param>
internal sealed record TranscriptFile(Stream Content, string FileName);

/// <summary>Handles <see cref="ExportTranscript"/>: one row per record, every year, newest first.</summary>
internal sealed class ExportTranscriptHandler(PlatformDbContext db, IAuditTrail audit) : IRequestHandler<ExportTranscript, TranscriptFile>
{
    private static readonly string[] Columns =
        ["学年", "日期", "名称", "科目类别", "科目代码", "科目名称", "学习形式", "学时", "录入数量", "录入单位", "状态", "来源", "施教机构", "来源文件", "认定/驳回人", "认定/驳回时间", "审核意见", "撤销人", "撤销时间", "撤销理由", "记录编号", "更正记录编号"];

    /// <inheritdoc />
    public async Task<TranscriptFile> Handle(ExportTranscript request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.ProfessionalId;
        var transcript = await TranscriptViews.BuildAsync(db, id, cancellationToken).ConfigureAwait(false);
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
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, nameof(CreditRecord), id.ToString("D"), details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new TranscriptFile(stream, $"学时档案-{transcript.Holder.Name}.xlsx");
    }

    private static string Time(DateTime? utc) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(value, ProgramCalendar.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
}
