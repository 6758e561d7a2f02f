using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>
/// The compliance summary (<see cref="GetComplianceSummary"/> — the same numbers, the same scope) as an xlsx
/// workbook, one row per group and a total row; audited as an export.
/// </summary>
/// <param name="Year">The year; this year when null.</param>
/// <param name="GroupBy"><c>region</c> (default), <c>department</c> or <c>employer</c>.</param>
internal sealed record ExportComplianceSummary(int? Year, string? GroupBy) : IRequest<ComplianceSummaryFile>;

/// <summary>An exported summary.</summary>
/// <param name="Content">The workbook (the caller disposes it).</param>
/// <param name="FileName">The download name.</param>
internal sealed record ComplianceSummaryFile(Stream Content, string FileName);

/// <summary>Handles <see cref="ExportComplianceSummary"/>: reads the summary through the mediator (its validation and scope), writes the sheet.</summary>
internal sealed class ExportComplianceSummaryHandler(IMediator mediator, IAuditTrail audit) : IRequestHandler<ExportComplianceSummary, ComplianceSummaryFile>
{
    private static readonly string[] Columns = ["分组", "人数", "达标", "进行中", "未达标", "无适用规则", "达标率（%）", "累计学时"];

    /// <inheritdoc />
    public async Task<ComplianceSummaryFile> Handle(ExportComplianceSummary request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var summary = await mediator.Send(new GetComplianceSummary(request.Year, request.GroupBy), cancellationToken).ConfigureAwait(false);
        var rows = summary.Groups.Select(g => Row(g.Name ?? g.Key, g)).Append(Row("合计", summary.Total)).ToList();
        var stream = ImportWorkbooks.Sheet("达标情况", Columns, rows);
        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; rows={rows.Count}; compliance summary {summary.Year} by {summary.GroupBy}");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, "ComplianceSummary", summary.Year.ToString(CultureInfo.InvariantCulture), details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var by = summary.GroupBy switch { SummaryGrouping.Department => "按行业", SummaryGrouping.Employer => "按用人单位", _ => "按区县" };
        return new ComplianceSummaryFile(stream, $"达标情况-{summary.Year}-{by}.xlsx");
    }

    private static object?[] Row(string name, ComplianceSummaryGroup g) =>
        [name, g.People, g.Met, g.InProgress, g.NotMet, g.NoRules, Math.Round(g.ShareMet * 100, 2), g.CountedHours];
}
