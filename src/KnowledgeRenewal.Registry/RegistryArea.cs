using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Registry.UseCases.PersonalData;
using KnowledgeRenewal.Registry.Web;

namespace KnowledgeRenewal.Registry;

/// <summary>
/// The base registry area: professionals, employers, training providers, bases, employment history, import and
/// export. The host adds it with <see cref="AddRegistryArea"/> and maps <see cref="MapRegistryArea"/>.
/// </summary>
public static class RegistryArea
{
    /// <summary>Registers the area: its model, the personal-data protector, the import pipeline.</summary>
    public static IServiceCollection AddRegistryArea(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformModelPart<RegistryModel>();
        RegistryChangeTracking.Add(services);
        services.AddEdmModelPart<RegistryEdm>();
        services.AddSingleton<IPersonalDataProtector, PersonalDataProtector>();
        services.AddRegistryImport(configuration);
        services.AddIdNumberLookups(configuration);
        services.AddMenuItem("我的", "我的信息", "/my/profile", 203, PlatformRoles.Professional);

        string[] staff = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin];
        services.AddMenuItem("基础库", "专业技术人员", "/registry/professionals", 110, staff);
        services.AddMenuItem("基础库", "用人单位", "/registry/employers", 120, staff);
        services.AddMenuItem("基础库", "施教机构", "/registry/providers", 130, staff);
        services.AddMenuItem("基础库", "继续教育基地", "/registry/bases", 135, staff);
        services.AddMenuItem("本单位", "本单位人员", "/staff", 100, PlatformRoles.EmployerHr);
        services.AddMenuItem("本单位", "登记人员", "/staff/new", 105, PlatformRoles.EmployerHr);
        services.AddMenuItem("本单位", "批量导入", "/staff/import", 110, PlatformRoles.EmployerHr);
        services.AddWorkbenchSection<Pages.Staff.StaffImportsSection>();
        return services;
    }

    /// <summary>Maps <c>/api/registry/*</c> (records, import jobs, exports).</summary>
    public static IEndpointRouteBuilder MapRegistryArea(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRegistryApi();
        endpoints.MapRegistryImportApi();
        endpoints.MapRegistryExportApi();
        return endpoints;
    }
}
