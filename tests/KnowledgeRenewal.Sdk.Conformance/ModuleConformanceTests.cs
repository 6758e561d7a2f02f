using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Modules;
using MediatR;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.ModelBuilder;
using Xunit;

namespace KnowledgeRenewal.Sdk.Conformance;

/// <summary>
/// The conformance kit: derive one test class per module from it and every check below runs for that module.
/// <code>
/// public sealed class IndustryItModuleConformanceTests(ModuleHosts&lt;IndustryItModule&gt; hosts)
///     : ModuleConformanceTests&lt;IndustryItModule&gt;(hosts);
/// </code>
/// A module that breaks a rule gets a failing test whose message names the problem and the fix.
/// </summary>
/// <typeparam name="TModule">The module under test.</typeparam>
public abstract class ModuleConformanceTests<TModule>(ModuleHosts<TModule> hosts) : IClassFixture<ModuleHosts<TModule>>
    where TModule : DepartmentModule, new()
{
    /// <summary>A fresh instance of the module.</summary>
    protected TModule Module { get; } = new();

    /// <summary>
    /// Assemblies the module may reference besides the SDK and what the SDK brings. Empty by default; a module that
    /// really needs another package lists its assembly name here (and the reason in a comment).
    /// </summary>
    protected virtual IEnumerable<string> AllowedExtraAssemblies => [];

    private string Key => Module.Manifest.Key;

    /// <summary>Key, names, department, versions: the manifest is valid and runs on this platform's SDK.</summary>
    [Fact]
    public void Manifest_is_valid_and_runs_on_this_SDK() =>
        ConformanceFailure.ThrowIfAny(Module, "manifest · 模块清单（键、名称、部门、版本）", ModuleConformance.CheckManifest(Module));

    /// <summary>No other module of the platform uses the key, and the host finds the module.</summary>
    [Fact]
    public void Key_is_unique_and_the_host_finds_the_module() =>
        ConformanceFailure.ThrowIfAny(Module, "key and discovery · 模块键唯一且平台能发现模块", ModuleConformance.CheckKey(Module, ModuleConformance.DiscoveredByHost));

    /// <summary>Codes unique (retired codes never reused), Chinese names, disciplines, hours in (0, 200].</summary>
    [Fact]
    public void Catalog_is_valid() =>
        ConformanceFailure.ThrowIfAny(Module, "catalog · 专业科目目录", ModuleConformance.CheckCatalog(Module));

    /// <summary>Effective dates ordered and non-overlapping, minimums within totals, positive conversions.</summary>
    [Fact]
    public void Rule_sets_are_well_formed() =>
        ConformanceFailure.ThrowIfAny(Module, "credit rules · 学时规则", ModuleConformance.CheckRuleSets(Module));

    /// <summary>The module references only the SDK (and what it brings): no platform internals, no other module.</summary>
    [Fact]
    public void References_only_the_SDK() =>
        ConformanceFailure.ThrowIfAny(Module, "references · 程序集引用（只能引用 SDK）", ModuleConformance.CheckReferences(Module, AllowedExtraAssemblies));

    /// <summary>With the module enabled the platform starts, lists it, serves its subjects and its rules.</summary>
    [Fact]
    public async Task Enabled_the_module_is_listed_and_its_subjects_and_rules_are_served()
    {
        var host = await hosts.EnabledAsync();
        var problems = new List<string>();

        if (!(await ModuleKeysAsync(host)).Contains(Key))
        {
            problems.Add($"GET /api/modules does not list '{Key}' although Modules:{Key}:Enabled=true");
        }

        var served = await SubjectCodesAsync(host);
        foreach (var missing in Module.Catalog.Where(s => !s.IsRetired).Select(s => s.Code).Where(c => !served.Contains(c)))
        {
            problems.Add($"GET /odata/Subjects does not serve the active subject '{missing}'");
        }

        using var rules = await host.Client.GetAsync(new Uri($"/api/rules/{Key}", UriKind.Relative));
        if (rules.StatusCode != HttpStatusCode.OK)
        {
            problems.Add($"GET /api/rules/{Key} answers {(int)rules.StatusCode}, not 200");
        }

        ConformanceFailure.ThrowIfAny(Module, "enabled · 启用后可见", problems);
    }

    /// <summary>With the module disabled the platform starts and shows nothing of it.</summary>
    [Fact]
    public async Task Disabled_the_module_leaves_no_trace()
    {
        var host = await hosts.DisabledAsync();
        var problems = new List<string>();

        if ((await ModuleKeysAsync(host)).Contains(Key))
        {
            problems.Add($"GET /api/modules lists '{Key}' although Modules:{Key}:Enabled=false");
        }

        if ((await SubjectCodesAsync(host)).Count > 0)
        {
            problems.Add($"GET /odata/Subjects serves subjects of '{Key}' although it is disabled");
        }

        using var rules = await host.Client.GetAsync(new Uri($"/api/rules/{Key}", UriKind.Relative));
        if (rules.StatusCode != HttpStatusCode.NotFound)
        {
            problems.Add($"GET /api/rules/{Key} answers {(int)rules.StatusCode}, not 404, although the module is disabled");
        }

        ConformanceFailure.ThrowIfAny(Module, "disabled · 停用后不留痕迹", problems);
    }

    /// <summary>The module's REST endpoints (under <c>/api/{key}</c>) and OData sets (under <c>/odata/{key}</c>) appear and vanish with the switch.</summary>
    [Fact]
    public async Task Its_endpoints_and_OData_sets_appear_and_vanish_with_the_switch()
    {
        var on = await hosts.EnabledAsync();
        var off = await hosts.DisabledAsync();
        var problems = new List<string>();

        var prefix = $"/api/{Key}";
        var endpointsOn = ModuleRoutes(on, prefix);
        var endpointsOff = ModuleRoutes(off, prefix);
        if (DeclaresEndpoints() && endpointsOn.Count == 0)
        {
            problems.Add($"{typeof(TModule).Name} overrides MapEndpoints but the enabled platform has no endpoint under {prefix}; map them on the group it is given");
        }

        problems.AddRange(endpointsOff.Select(route => $"the endpoint {route} is still mapped with the module disabled; map endpoints only in MapEndpoints"));

        var sets = DeclaredEntitySets();
        using var metadataOn = await on.Client.GetAsync(new Uri($"/odata/{Key}/$metadata", UriKind.Relative));
        using var metadataOff = await off.Client.GetAsync(new Uri($"/odata/{Key}/$metadata", UriKind.Relative));
        if (sets.Count > 0)
        {
            var metadata = metadataOn.IsSuccessStatusCode ? await metadataOn.Content.ReadAsStringAsync() : "";
            if (!metadataOn.IsSuccessStatusCode)
            {
                problems.Add($"GET /odata/{Key}/$metadata answers {(int)metadataOn.StatusCode} with the module enabled although BuildODataModel declares {string.Join(", ", sets)}");
            }

            foreach (var set in sets.Where(s => !metadata.Contains($"EntitySet Name=\"{s}\"", StringComparison.Ordinal)))
            {
                problems.Add($"the OData set '{set}' is missing from /odata/{Key}/$metadata; add an ODataController for it");
            }

            foreach (var set in sets)
            {
                using var feed = await off.Client.GetAsync(new Uri($"/odata/{Key}/{set}", UriKind.Relative));
                if (feed.StatusCode != HttpStatusCode.NotFound)
                {
                    problems.Add($"GET /odata/{Key}/{set} answers {(int)feed.StatusCode}, not 404, with the module disabled");
                }
            }
        }

        if (metadataOff.StatusCode != HttpStatusCode.NotFound)
        {
            problems.Add($"GET /odata/{Key}/$metadata answers {(int)metadataOff.StatusCode}, not 404, with the module disabled");
        }

        ConformanceFailure.ThrowIfAny(Module, "endpoints and OData sets · 接口与 OData 数据集随开关出现和消失", problems);
    }

    /// <summary>Every MediatR request handler of the module resolves with the module enabled, and none with it disabled.</summary>
    [Fact]
    public async Task Its_handlers_are_reachable_only_when_enabled()
    {
        var on = await hosts.EnabledAsync();
        var off = await hosts.DisabledAsync();
        var problems = new List<string>();
        foreach (var (handler, service) in HandlerServices())
        {
            if (!Resolves(on, handler, service))
            {
                problems.Add($"{handler.Name} ({service.Name}) is not reachable with the module enabled; make it a public non-abstract class in the module's assembly");
            }

            if (Resolves(off, handler, service))
            {
                problems.Add($"{handler.Name} ({service.Name}) is still reachable with the module disabled; do not register handlers yourself in ConfigureServices, the platform finds them");
            }
        }

        ConformanceFailure.ThrowIfAny(Module, "handlers · 请求处理程序", problems);
    }

    private static bool Resolves(ConformanceHost host, Type handler, Type service)
    {
        using var system = SystemScope.Enter();
        using var scope = host.App.Services.CreateScope();
        return scope.ServiceProvider.GetServices(service).Any(h => h?.GetType() == handler);
    }

    private static async Task<HashSet<string>> ModuleKeysAsync(ConformanceHost host)
    {
        using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/api/modules", UriKind.Relative)));
        return document.RootElement.EnumerateArray().Select(m => m.GetProperty("key").GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> ModuleRoutes(ConformanceHost host, string prefix) =>
        host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Where(r => r.Equals(prefix, StringComparison.OrdinalIgnoreCase) || r.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToArray();

    private static bool DeclaresEndpoints() =>
        typeof(TModule).GetMethod(nameof(DepartmentModule.MapEndpoints))?.DeclaringType != typeof(DepartmentModule);

    private static IEnumerable<(Type Handler, Type Service)> HandlerServices() =>
        typeof(TModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))
                .Select(i => (t, i)));

    private async Task<HashSet<string>> SubjectCodesAsync(ConformanceHost host)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var next = $"/odata/Subjects?$filter=ModuleKey eq '{Key}'&$select=Code&$orderby=Code";
        while (next is not null)
        {
            using var document = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri(next, UriKind.RelativeOrAbsolute)));
            foreach (var subject in document.RootElement.GetProperty("value").EnumerateArray())
            {
                codes.Add(subject.GetProperty("Code").GetString()!);
            }

            next = document.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return codes;
    }

    private IReadOnlyList<string> DeclaredEntitySets()
    {
        var builder = new ODataConventionModelBuilder();
        Module.BuildODataModel(builder);
        return builder.NavigationSources.Select(s => s.Name).ToArray();
    }
}
