using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Reports;
using MediatR;

namespace KnowledgeRenewal.Reporting.Web;

/// <summary><c>/api/reports</c>: the year-end and mid-term reports as files, cut to the caller's scope (the page <c>/reports</c> links to them).</summary>
internal static class ReportsApi
{
    private const string Tag = "报告 (reports)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        string[] readers = [.. DashboardAccess.Readers];
        var reports = endpoints.MapGroup("/api/reports").WithTags(Tag).RequireAuthorization(policy => policy.RequireRole(readers));

        reports.MapGet("/year-end/{year:int}", async (int year, string? format, IMediator mediator, CancellationToken ct) =>
                File(await mediator.Send(new GetYearEndReport(year, format), ct).ConfigureAwait(false)))
            .WithName("GetYearEndReport")
            .WithSummary("The year-end report of `year` (a program year) as `format` = xlsx (default; sheets: summary, overview, targets by project type, region and department, per month, compliance by region, department and title level, certificates, program targets, bases, charts as images) or pdf (the same tables and charts, Chinese). City-wide for the program office, the county's or sector's for county and department admins; the figures are the dashboard's (`/api/dashboard?year=`). 400 with a field error (report.year_out_of_range, report.unknown_format).");

        reports.MapGet("/mid-term", async (int? fromYear, int? toYear, string? format, IMediator mediator, CancellationToken ct) =>
                File(await mediator.Send(new GetMidTermReport(fromYear, toYear, format), ct).ConfigureAwait(false)))
            .WithName("GetMidTermReport")
            .WithSummary("The mid-term evaluation report of `fromYear`..`toYear` (default: the program's first year to the mid-term evaluation year) as `format` = xlsx (default) or pdf: every target of every year against the actuals, the period's totals, the trend, the program's own yearly targets (city-wide: 100,000 trained, ~20 advanced seminars with ~600 people, ~90,000 in capacity building, ≥ 1,000 per base) and the shortfalls. Scoped like the year-end report. 400 with a field error (report.year_out_of_range, report.period_reversed, report.unknown_format).");

        reports.MapGet("/equal-treatment", (int? year, IMediator mediator, CancellationToken ct) => mediator.Send(new GetEqualTreatment(year), ct))
            .WithName("GetEqualTreatment")
            .WithSummary("同等政策待遇 (seed 四(二)): the staff of public and of non-public employers side by side for `year` (default this year, within the program's years) — registered professionals, participants (distinct people with an approved record of the credit year), hours and hours per participant, compliance of the cycles containing the year (as OData `Compliance?$apply=groupby((EmployerOwnership,Status),aggregate($count as n))`), certificates issued and valid, digital-engineer subsidy claims approved and paid (count, yuan). Each figure by the employer recorded with it; scoped like the dashboard, and every row in scope is in one of the two groups. 400 with a field error (year out of range).")
            .Produces<EqualTreatmentView>();

        return endpoints;
    }

    private static IResult File(ReportFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}
