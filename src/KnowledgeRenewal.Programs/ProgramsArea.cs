using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Persistence;
using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Kernel.Web;

namespace KnowledgeRenewal.Programs;

/// <summary>
/// The programs area: projects with their workflow, public notice and objections; annual plans; digital-technology
/// engineers. The host adds it with <see cref="AddProgramsArea"/> and maps <see cref="MapProgramsArea"/>.
/// </summary>
public static class ProgramsArea
{
    /// <summary>Registers the area: its model and services.</summary>
    public static IServiceCollection AddProgramsArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformModelPart<ProgramsModel>();
        services.AddEdmModelPart<DigitalEngineersEdm>();
        services.AddEdmModelPart<ProjectsEdm>();
        services.AddEdmModelPart<PlansEdm>();
        services.AddDigitalEngineers();
        services.AddProjects(configuration);
        services.AddPlans();
        services.AddMenuItem("项目", "项目公示", "/notices", 310);
        return services;
    }

    /// <summary>Maps <c>/api/digital-engineers</c>, <c>/api/projects</c>, <c>/api/notices</c> and <c>/api/annual-plans</c>.</summary>
    public static IEndpointRouteBuilder MapProgramsArea(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDigitalEngineers();
        endpoints.MapProjects();
        endpoints.MapPlans();
        return endpoints;
    }
}
