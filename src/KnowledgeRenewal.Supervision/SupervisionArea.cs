using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Persistence;
using KnowledgeRenewal.Supervision.UseCases.Complaints;
using KnowledgeRenewal.Supervision.Web;

namespace KnowledgeRenewal.Supervision;

/// <summary>
/// The supervision area (监督管理): bases from designation to exit with computed scorecards, the December 10 filing,
/// the course catalog and the expert pool, double-random inspections, complaints, training evaluations, funding
/// checks and reminders. It keeps its own tables and reads Registry, Programs and Credit hours through their
/// published surfaces. The host adds it with <see cref="AddSupervisionArea"/> and maps <see cref="MapSupervisionArea"/>.
/// </summary>
public static class SupervisionArea
{
    /// <summary>Registers the area's model, services, menu items and workbench sections.</summary>
    public static IServiceCollection AddSupervisionArea(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPlatformModelPart<SupervisionModel>();

        // Bases: designation, status history, scorecards, assessment, evaluations.

        // The December 10 filing and reminders.

        // Course catalog, expert pool and inspections.

        // Complaints and funding.
        services.AddComplaints(configuration);

        return services;
    }

    /// <summary>Maps the area's REST endpoints.</summary>
    public static IEndpointRouteBuilder MapSupervisionArea(this IEndpointRouteBuilder endpoints)
    {
        // Bases: designation, status history, scorecards, assessment, evaluations.

        // The December 10 filing and reminders.

        // Course catalog, expert pool and inspections.

        // Complaints and funding.
        endpoints.MapComplaintsApi();

        return endpoints;
    }
}
