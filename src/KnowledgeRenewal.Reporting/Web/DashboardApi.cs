using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using MediatR;

namespace KnowledgeRenewal.Reporting.Web;

/// <summary><c>/api/dashboard</c>: the program dashboard's figures, cut to the caller's scope (the page <c>/dashboard</c> shows the same use case).</summary>
internal static class DashboardApi
{
    private const string Tag = "领导驾驶舱 (dashboard)";

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        string[] readers = [.. DashboardAccess.Readers];
        endpoints.MapGet("/api/dashboard", (int? year, int? fromYear, int? toYear, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetDashboard(year, fromYear, toYear), ct))
            .WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(readers))
            .WithName("GetDashboard")
            .WithSummary("The dashboard of a year (year, default this year) or a period (fromYear..toYear, within the program's years), city-wide for the program office and cut to the county or sector for county and department admins: the phase of the program; per year the annual plan's targets against actuals by project type, region and department, trainees/learners/records/hours, per month, compliance by region, department and title level, certificates issued and verified.")
            .Produces<DashboardView>();
        return endpoints;
    }
}
