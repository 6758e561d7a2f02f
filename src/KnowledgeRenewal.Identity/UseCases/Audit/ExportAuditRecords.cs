using System.Globalization;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using MediatR;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KnowledgeRenewal.Identity.UseCases.Audit;

/// <summary>
/// The audit records matching <paramref name="Filter"/> (the same filters and validation as
/// <see cref="ListAuditRecords"/>; its paging is ignored) as an xlsx workbook, newest first, at most
/// <see cref="MaxRows"/> rows; audited as an export (<c>data.export</c>).
/// </summary>
/// <param name="Filter">The list's filters.</param>
internal sealed record ExportAuditRecords(ListAuditRecords Filter) : IRequest<AuditRecordsFile>
{
    /// <summary>The most rows one export holds (narrow the filters for more).</summary>
    public const int MaxRows = 50_000;
}

/// <summary>An exported audit log.</summary>
/// <param name="Content">The workbook (the caller disposes it).</param>
/// <param name="FileName">The download name.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Truncated">Whether more records matched than <see cref="ExportAuditRecords.MaxRows"/>.</param>
internal sealed record AuditRecordsFile(Stream Content, string FileName, int Rows, bool Truncated);

/// <summary>Handles <see cref="ExportAuditRecords"/>: validates the filters through the list (one page), reads the matching records, writes the sheet.</summary>
internal sealed class ExportAuditRecordsHandler(IMediator mediator, PlatformDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ExportAuditRecords, AuditRecordsFile>
{
    /// <summary>The content type of xlsx.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <inheritdoc />
    public async Task<AuditRecordsFile> Handle(ExportAuditRecords request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Filter with { Page = 1, PageSize = 1 };

        // The list's validator refuses bad filters the same way (400 with the fields); its total says how many match.
        var total = (await mediator.Send(filter, cancellationToken).ConfigureAwait(false)).Total;
        var matching = new AuditRecordsMatching(filter);
        var query = db.AuditRecords.WithSpecification(matching);
        var records = await query.Take(ExportAuditRecords.MaxRows).ToListAsync(cancellationToken).ConfigureAwait(false);

        var rows = records.Select(r => new Dictionary<string, object?>
        {
            ["序号"] = r.Sequence,
            ["时间（北京时间）"] = ChinaTime.Format(r.OccurredAt),
            ["操作"] = AuditLabels.Action(r.Action),
            ["操作代码"] = r.Action,
            ["结果"] = AuditLabels.Outcome(r.Outcome),
            ["操作人"] = r.UserName ?? r.ClientId ?? "",
            ["角色"] = r.Roles ?? "",
            ["对象类型"] = r.EntityType ?? "",
            ["对象标识"] = r.EntityKey ?? "",
            ["来源地址"] = r.SourceIp ?? "",
            ["请求追踪号"] = r.CorrelationId ?? "",
            ["详情"] = r.Details ?? "",
            ["前一条哈希"] = r.PreviousHash,
            ["本条哈希"] = r.Hash,
        }).ToList();

        var path = Path.Combine(Path.GetTempPath(), "kr-audit-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await MiniExcel.SaveAsAsync(stream, rows, sheetName: "审计日志", excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { AutoFilter = true, FastMode = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
            stream.Position = 0;
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; rows={rows.Count}; matched={total}; audit log");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, nameof(AuditRecord), null, details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var stamp = ChinaTime.Format(clock.GetUtcNow().UtcDateTime).Replace(":", "", StringComparison.Ordinal).Replace(" ", "-", StringComparison.Ordinal);
        return new AuditRecordsFile(stream, $"审计日志-{stamp}.xlsx", rows.Count, total > rows.Count);
    }
}
