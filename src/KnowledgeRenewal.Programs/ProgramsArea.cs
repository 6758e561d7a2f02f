using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.Persistence;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Programs.Web;

namespace KnowledgeRenewal.Programs;

/// <summary>
/// The programs area: projects with their workflow, public notice and objections; annual plans; digital-technology
/// engineers. The host adds it with <see cref="AddProgramsArea"/> and maps <see cref="MapProgramsArea"/>; handlers,
/// validators and demo seeders are found by scanning.
/// </summary>
public static class ProgramsArea
{
    /// <summary>Registers the area: its model, its EDM parts, the project settings and the services its use cases share.</summary>
    public static IServiceCollection AddProgramsArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformModelPart<ProgramsModel>();
        ProjectChangeTracking.Add(services);
        ProjectEvents.Add(services);
        services.AddEdmModelPart<DigitalEngineersEdm>();
        services.AddEdmModelPart<ProjectsEdm>();
        services.AddEdmModelPart<PlansEdm>();
        services.AddProjects(configuration);
        services.AddScoped<PlanFactsReader>();
        services.AddScoped<AnnualPlanViews>();

        // Nested plans (ADR 0018): counties' and line departments' own plans under the city's, the share check.
        services.AddScoped<PlanShareReader>();
        services.AddScoped<NestedPlanViews>();

        services.AddMenuItem("项目", "项目公示", "/notices", 310);
        services.AddMenuItem("审核", "待推荐的项目", "/reviews/projects", 150, KnowledgeRenewal.Sdk.PlatformRoles.CountyAdmin, KnowledgeRenewal.Sdk.PlatformRoles.DepartmentAdmin);
        services.AddWorkbenchSection<Pages.Reviews.RecommendationsSection>();
        services.AddWorkbenchSection<Pages.Reviews.ProgramOfficeSection>();
        services.AddMenuItem("审核", "项目审批", "/office/projects", 140, KnowledgeRenewal.Sdk.PlatformRoles.ProgramOfficeAdmin);
        services.AddMenuItem("项目", "项目申报", "/projects", 305, [.. ProjectApplicants.AnyType]);
        services.AddWorkbenchSection<Pages.Projects.ProjectsWorkbenchSection>();
        services.AddMenuItem("我的", "数字技术工程师", "/my/digital", 204, KnowledgeRenewal.Sdk.PlatformRoles.Professional);
        services.AddMenuItem("培训", "数字技术工程师培训", "/digital/trainings", 315, KnowledgeRenewal.Sdk.PlatformRoles.ProviderStaff);
        services.AddWorkbenchSection<Pages.Digital.MyDigitalSection>();
        services.AddWorkbenchSection<Pages.Digital.InstitutionDigitalSection>();
        services.AddMenuItem("项目", "年度计划", "/plans", 320, [.. AnnualPlanAccess.Readers]);
        services.AddMenuItem("数字技术工程师", "补贴申领审核", "/digital/claims", 330, [.. DigitalEngineerAccess.Approvers]);
        services.AddMenuItem("数字技术工程师", "机构目录", "/digital/institutions", 331, [.. DigitalEngineerAccess.CatalogWriters]);
        services.AddWorkbenchSection<Pages.Plans.OfficeSupervisionSection>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Pages.Projects.ProjectPageModel.ReadersPolicy, policy => policy.RequireRole(ProjectAccess.Readers))
            .AddPolicy(Pages.Projects.ProjectPageModel.ApplicantsPolicy, policy => policy.RequireRole(ProjectApplicants.AnyType))
            .AddPolicy(Pages.Digital.DigitalPageModel.ProfessionalsPolicy, policy => policy.RequireRole(KnowledgeRenewal.Sdk.PlatformRoles.Professional))
            .AddPolicy(Pages.Digital.DigitalPageModel.InstitutionsPolicy, policy => policy.RequireRole(DigitalEngineerAccess.InstitutionActors));
        return services;
    }

    /// <summary>Maps <c>/api/digital-engineers</c>, <c>/api/projects</c>, <c>/api/notices</c> and <c>/api/annual-plans</c>.</summary>
    public static IEndpointRouteBuilder MapProgramsArea(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDigitalEngineersApi();
        endpoints.MapProjectsApi();
        endpoints.MapAnnualPlansApi();
        return endpoints;
    }
}
