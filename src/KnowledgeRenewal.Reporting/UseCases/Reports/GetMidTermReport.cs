using FluentValidation;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using MediatR;

namespace KnowledgeRenewal.Reporting.UseCases.Reports;

/// <summary>
/// The mid-term evaluation report of a period (default 2023–2025) as xlsx or PDF, from the dashboard's figures of
/// each year of the period cut to the caller's scope.
/// </summary>
/// <param name="FromYear">First year (default 2023).</param>
/// <param name="ToYear">Last year (default 2025).</param>
/// <param name="Format"><c>xlsx</c> (default) or <c>pdf</c>.</param>
internal sealed record GetMidTermReport(int? FromYear, int? ToYear, string? Format) : IRequest<ReportFile>
{
    /// <summary>The first year, defaulted.</summary>
    public int From => FromYear ?? ProgramPhases.MidTermPeriod.FromYear;

    /// <summary>The last year, defaulted.</summary>
    public int To => ToYear ?? ProgramPhases.MidTermPeriod.ToYear;
}

/// <summary>Checks the period and the format.</summary>
internal sealed class GetMidTermReportValidator : AbstractValidator<GetMidTermReport>
{
    /// <summary>Creates the validator.</summary>
    public GetMidTermReportValidator()
    {
        RuleFor(r => r.FromYear).InclusiveBetween(ProgramPhases.FirstYear, ProgramPhases.LastYear).When(r => r.FromYear is not null)
            .WithErrorCode(ReportProblems.YearOutOfRange).WithMessage(ReportProblems.YearMessage);
        RuleFor(r => r.ToYear).InclusiveBetween(ProgramPhases.FirstYear, ProgramPhases.LastYear).When(r => r.ToYear is not null)
            .WithErrorCode(ReportProblems.YearOutOfRange).WithMessage(ReportProblems.YearMessage);
        RuleFor(r => r.ToYear).Must((r, _) => r.To >= r.From)
            .When(r => r.From is >= ProgramPhases.FirstYear and <= ProgramPhases.LastYear && r.To is >= ProgramPhases.FirstYear and <= ProgramPhases.LastYear)
            .WithErrorCode(ReportProblems.PeriodReversed).WithMessage("结束年度应不早于起始年度。");
        RuleFor(r => r.Format).Must(f => ReportFormats.Parse(f) is not null)
            .WithErrorCode(ReportProblems.UnknownFormat).WithMessage(ReportProblems.FormatMessage);
    }
}

/// <summary>Handles <see cref="GetMidTermReport"/>.</summary>
internal sealed class GetMidTermReportHandler(IMediator mediator, TimeProvider clock) : IRequestHandler<GetMidTermReport, ReportFile>
{
    /// <inheritdoc />
    public async Task<ReportFile> Handle(GetMidTermReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await mediator.Send(new GetDashboard(null, request.From, request.To), cancellationToken).ConfigureAwait(false);
        var bases = await mediator.Send(new GetBaseTraining(request.From, request.To), cancellationToken).ConfigureAwait(false);
        var report = MidTermReport.Compose(view, bases, clock.GetUtcNow().UtcDateTime);
        return ReportRenderer.Render(report, ReportFormats.Parse(request.Format)!);
    }
}
