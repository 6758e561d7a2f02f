using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Reporting.Domain;
using KnowledgeRenewal.Reporting.Web;

namespace KnowledgeRenewal.Reporting;

/// <summary>
/// The reporting area: the program dashboard (city-wide for the program office, scoped for county and department
/// admins, its public part on the landing page) and the year-end and mid-term reports. It owns no tables: it reads
/// the other areas' published data (their <c>Contracts</c>) under the caller's access scope. The host adds it with
/// <see cref="AddReportingArea"/> and maps <see cref="MapReportingArea"/>.
/// </summary>
public static class ReportingArea
{
    /// <summary>Registers the area's services, menu items and workbench sections.</summary>
    public static IServiceCollection AddReportingArea(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMemoryCache();
        services.AddMenuItem("统计", "领导驾驶舱", "/dashboard", 400, [.. DashboardAccess.Readers]);
        services.AddMenuItem("统计", "年度与中期报告", "/reports", 410, [.. DashboardAccess.Readers]);
        services.AddMenuItem("统计", "同等政策待遇", "/reports/equal-treatment", 420, [.. DashboardAccess.Readers]);
        return services;
    }

    /// <summary>Maps the area's REST endpoints.</summary>
    public static IEndpointRouteBuilder MapReportingArea(this IEndpointRouteBuilder endpoints) => endpoints.MapDashboardApi().MapReportsApi();
}
