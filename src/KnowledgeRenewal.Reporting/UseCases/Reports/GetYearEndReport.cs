using FluentValidation;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using MediatR;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// The year-end report of <paramref name="Year"/> as xlsx or PDF, from the dashboard's figures of that year cut to
/// the caller's scope (the city for the program office, the county or sector for their admins).
/// </summary>
/// <param name="Year">The program year (2023–2030).</param>
/// <param name="Format"><c>xlsx</c> (default) or <c>pdf</c>.</param>
internal sealed record GetYearEndReport(int Year, string? Format) : IRequest<ReportFile>;

/// <summary>Checks the year and the format.</summary>
internal sealed class GetYearEndReportValidator : AbstractValidator<GetYearEndReport>
{
    /// <summary>Creates the validator.</summary>
    public GetYearEndReportValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(ProgramPhases.FirstYear, ProgramPhases.LastYear)
            .WithErrorCode(ReportProblems.YearOutOfRange).WithMessage(ReportProblems.YearMessage);
        RuleFor(r => r.Format).Must(f => ReportFormats.Parse(f) is not null)
            .WithErrorCode(ReportProblems.UnknownFormat).WithMessage(ReportProblems.FormatMessage);
    }
}

/// <summary>Handles <see cref="GetYearEndReport"/>.</summary>
internal sealed class GetYearEndReportHandler(IMediator mediator, TimeProvider clock) : IRequestHandler<GetYearEndReport, ReportFile>
{
    /// <inheritdoc />
    public async Task<ReportFile> Handle(GetYearEndReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await mediator.Send(new GetDashboard(request.Year), cancellationToken).ConfigureAwait(false);
        var bases = await mediator.Send(new GetBaseTraining(request.Year, request.Year), cancellationToken).ConfigureAwait(false);
        var report = YearEndReport.Compose(view, bases, clock.GetUtcNow().UtcDateTime);
        return ReportRenderer.Render(report, ReportFormats.Parse(request.Format)!);
    }
}

/// <summary>The reports' problem codes (field errors) and their Chinese messages.</summary>
internal static class ReportProblems
{
    /// <summary>A year outside the program.</summary>
    public const string YearOutOfRange = "report.year_out_of_range";

    /// <summary>A period whose end comes before its start.</summary>
    public const string PeriodReversed = "report.period_reversed";

    /// <summary>A format other than xlsx or pdf.</summary>
    public const string UnknownFormat = "report.unknown_format";

    /// <summary>The message of <see cref="YearOutOfRange"/>.</summary>
    public static readonly string YearMessage = $"年度应在 {KnowledgeRenewal.Sdk.ProgramPeriod.FirstYear} 至 {KnowledgeRenewal.Sdk.ProgramPeriod.LastYear} 年之间（工程实施期）。";

    /// <summary>The message of <see cref="UnknownFormat"/>.</summary>
    public const string FormatMessage = "请选择文件格式：Excel 表格或 PDF 文档。";
}
