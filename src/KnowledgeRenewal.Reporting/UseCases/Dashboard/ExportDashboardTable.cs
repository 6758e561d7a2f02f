using System.Globalization;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Registry.Contracts;
using MediatR;

namespace KnowledgeRenewal.Reporting.UseCases.Dashboard;

/// <summary>
/// One of the dashboard's tables (<see cref="DashboardTables"/>) as an xlsx workbook — the numbers of the chart and its
/// table view, from <see cref="GetDashboard"/> (its validation and scope); audited as an export.
/// </summary>
/// <param name="Year">The year; this year when null.</param>
/// <param name="Table">The table's id (<see cref="DashboardTables.Ids"/>).</param>
public sealed record ExportDashboardTable(int? Year, string Table) : IRequest<DashboardTableFile>;

/// <summary>An exported table.</summary>
/// <param name="Content">The workbook (the caller disposes it).</param>
/// <param name="FileName">The download name.</param>
public sealed record DashboardTableFile(Stream Content, string FileName);

/// <summary>Checks the table's name.</summary>
public sealed class ExportDashboardTableValidator : AbstractValidator<ExportDashboardTable>
{
    /// <summary>Creates the validator.</summary>
    public ExportDashboardTableValidator() =>
        RuleFor(r => r.Table).Must(t => DashboardTables.Ids.Contains(t)).WithErrorCode("invalid").WithMessage("没有这张统计表，请从领导驾驶舱页面下载。");
}

/// <summary>Handles <see cref="ExportDashboardTable"/>.</summary>
public sealed class ExportDashboardTableHandler(IMediator mediator, IAuditTrail audit) : IRequestHandler<ExportDashboardTable, DashboardTableFile>
{
    /// <inheritdoc />
    public async Task<DashboardTableFile> Handle(ExportDashboardTable request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await mediator.Send(new GetDashboard(request.Year), cancellationToken).ConfigureAwait(false);
        var year = view.Years[0];
        var table = DashboardTables.For(view, year).FirstOrDefault(t => t.Id == request.Table)
            ?? throw new PlatformException("dashboard.table_empty", StatusCodes.Status404NotFound, "没有数据", "该年度这张统计表没有数据。");
        var rows = table.Rows.Select(r => r.Select(c => c.Value).ToArray()).ToList();
        var stream = ImportWorkbooks.Sheet(table.Title.Length > 31 ? table.Title[..31] : table.Title, table.Columns, rows);
        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; rows={rows.Count}; dashboard {table.Id} {year.Year} ({view.Scope.Name})");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, "Dashboard", table.Id, details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new DashboardTableFile(stream, $"{table.Title}-{year.Year}-{view.Scope.Name}.xlsx");
    }
}
