using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.OData;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Host.Modules;

/// <summary>
/// Wires the enabled modules into the web layer — their controllers, OData route components and endpoint
/// groups — and leaves no trace of disabled ones (their controllers are not even discovered). Whatever a module
/// serves is business data: its endpoints and its controllers (OData feeds included) require
/// <see cref="PlatformPolicies.BusinessReader"/> on top of their own authorization, so the separated system,
/// security and audit administrators are refused (403) without the module doing anything; only an explicit
/// <c>AllowAnonymous</c> (public reference data) opts out.
/// </summary>
internal static class ModuleWebParts
{
    /// <summary>
    /// Keeps exactly the enabled modules' assemblies as MVC application parts: their controllers and, for a module that
    /// is a Razor class library, its compiled pages (a disabled module's pages vanish with its feeds).
    /// </summary>
    public static void ApplyTo(ApplicationPartManager parts, ModuleRegistry registry)
    {
        var moduleAssemblies = registry.Installed.Select(m => m.Assembly).ToHashSet();
        foreach (var part in parts.ApplicationParts
            .Where(p => p is AssemblyPart { Assembly: var a } && moduleAssemblies.Contains(a)
                || p is CompiledRazorAssemblyPart { Assembly: var r } && moduleAssemblies.Contains(r))
            .ToArray())
        {
            parts.ApplicationParts.Remove(part);
        }

        foreach (var assembly in registry.Enabled.Select(m => m.Assembly).Distinct())
        {
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                parts.ApplicationParts.Add(part);
            }
        }
    }

    /// <summary>Adds <c>/odata/{key}</c> for every enabled module that declares entity sets.</summary>
    public static void AddRouteComponents(ODataOptions options, ModuleRegistry registry)
    {
        foreach (var module in registry.Enabled)
        {
            var builder = new ODataConventionModelBuilder { Namespace = $"{EdmNames.Namespace}.{ToPascal(module.Key)}", ContainerName = ToPascal(module.Key) };
            module.Module.BuildODataModel(builder);
            if (builder.NavigationSources.Any())
            {
                var descriptions = new EdmDescriptions();
                module.Module.DescribeODataModel(descriptions);
                options.AddRouteComponents($"odata/{module.Key}", EdmNames.Finish(builder, _ => descriptions), KeysetSkipTokens.AddTo);
            }
        }
    }

    /// <summary>Maps <c>/api/{key}</c> groups of the enabled modules.</summary>
    public static void MapEndpoints(IEndpointRouteBuilder endpoints, ModuleRegistry registry)
    {
        foreach (var module in registry.Enabled)
        {
            var group = endpoints.MapGroup($"/api/{module.Key}").WithTags($"{module.Manifest.NameZh}模块 ({module.Key})")
                .RequireAuthorization(PlatformPolicies.BusinessReader);
            module.Module.MapEndpoints(group);
        }
    }

    private static string ToPascal(string key) =>
        string.Concat(key.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}

/// <summary>
/// The modules' controllers (their OData feeds among them) serve business data: every action requires
/// <see cref="PlatformPolicies.BusinessReader"/> besides its own authorization (policies combine), so the separated
/// administrators are refused like on the platform's own feeds. Recognised by assembly: any installed module's.
/// </summary>
internal sealed class ModuleControllersAreBusinessData(ModuleRegistry registry) : IActionModelConvention
{
    private readonly HashSet<System.Reflection.Assembly> modules = [.. registry.Installed.Select(m => m.Assembly)];

    public void Apply(ActionModel action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!modules.Contains(action.Controller.ControllerType.Assembly))
        {
            return;
        }

        foreach (var selector in action.Selectors)
        {
            selector.EndpointMetadata.Add(new AuthorizeAttribute(PlatformPolicies.BusinessReader));
        }
    }
}

/// <summary>
/// The modules' pages show business data: every page of an installed module's assembly requires
/// <see cref="PlatformPolicies.BusinessUser"/> (a signed-in person with a business role; not the separated
/// administrators, not integrator clients) besides its own authorization — a module's developer cannot forget it.
/// </summary>
internal sealed class ModulePagesAreBusinessData(ModuleRegistry registry) : Microsoft.AspNetCore.Mvc.ApplicationModels.IPageApplicationModelConvention
{
    private readonly HashSet<System.Reflection.Assembly> modules = [.. registry.Installed.Select(m => m.Assembly)];

    public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageApplicationModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (modules.Contains(model.HandlerType.Assembly) || modules.Contains(model.PageType.Assembly))
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(PlatformPolicies.BusinessUser));
        }
    }
}

/// <summary>OData feeds are described by <c>$metadata</c>, not by the OpenAPI document of the REST API.</summary>
internal sealed class HideODataControllersFromOpenApi : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        if (typeof(ODataController).IsAssignableFrom(controller.ControllerType))
        {
            controller.ApiExplorer.IsVisible = false;
        }
    }
}

/// <summary><c>$metadata</c> describes the feeds' shape, not their data: integrators read it before they authenticate.</summary>
internal sealed class PublicODataMetadata : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        if (action.Controller.ControllerType == typeof(Microsoft.AspNetCore.OData.Routing.Controllers.MetadataController))
        {
            foreach (var selector in action.Selectors)
            {
                selector.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        }
    }
}
