using System.Reflection;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Host.Modules;
using Microsoft.Extensions.DependencyModel;

namespace KnowledgeRenewal.Sdk.Conformance;

/// <summary>
/// The checks of the conformance kit that need no running host. Each returns the problems found (empty when the
/// module conforms), one sentence each that says what to fix. The catalog, rule and manifest checks are the SDK's own
/// (<see cref="ModuleContract"/>, <see cref="RuleSetContract"/>): the platform refuses to start a module that fails them.
/// </summary>
public static class ModuleConformance
{
    private const string SdkAssembly = "KnowledgeRenewal.Sdk";

    private static readonly Lazy<IReadOnlyList<DiscoveredModule>> HostModules =
        new(() => ModuleDiscovery.Discover(typeof(ModuleDiscovery).Assembly, modulesFolder: null));

    private static readonly Lazy<IReadOnlySet<string>> SdkClosure = new(ComputeSdkClosure);

    /// <summary>The modules the host references (what a deployment of this build can enable).</summary>
    public static IReadOnlyList<DiscoveredModule> DiscoveredByHost => HostModules.Value;

    /// <summary>Manifest: key, Chinese and English names, a line department, versions, dependencies and the SDK version.</summary>
    public static IReadOnlyList<string> CheckManifest(DepartmentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var problems = ModuleContract.CheckManifest(module.Manifest).ToList();
        if (module.Manifest.RequiresSdk is { } required && !SdkInfo.IsCompatible(required, SdkInfo.Version))
        {
            problems.Add($"RequiresSdk {required} does not run on this platform's SDK {SdkInfo.Version}; build against SDK {SdkInfo.Version.Major}.x and set RequiresSdk to at most {SdkInfo.Version}");
        }

        return problems;
    }

    /// <summary>
    /// Key: no other module of this platform build uses it, and the host finds the module (it references it, so a
    /// deployment can enable it).
    /// </summary>
    public static IReadOnlyList<string> CheckKey(DepartmentModule module, IEnumerable<DiscoveredModule> platformModules)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(platformModules);
        var problems = new List<string>();
        var key = module.Manifest.Key;
        var all = platformModules.ToArray();
        foreach (var other in all.Where(m => m.Module.GetType() != module.GetType() && string.Equals(m.Module.Manifest.Key, key, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"key '{key}' is already used by {other.Module.GetType().FullName}; choose another key (it names the configuration section, the routes and the table prefix)");
        }

        var sameType = all.Count(m => m.Module.GetType() == module.GetType());
        if (sameType == 0)
        {
            var name = module.GetType().Assembly.GetName().Name;
            problems.Add($"the host does not find {module.GetType().FullName}: reference it from src/KnowledgeRenewal.Host/KnowledgeRenewal.Host.csproj (<ProjectReference Include=\"..\\..\\modules\\{name}\\{name}.csproj\" />; build/new-module.sh does this) and mention it in appsettings.json (Modules:{key}:Enabled)");
        }
        else if (sameType > 1)
        {
            problems.Add($"{module.GetType().FullName} is found more than once; keep one module class per assembly");
        }

        return problems;
    }

    /// <summary>Catalog: unique codes (a retired code never reused), Chinese names, disciplines, hours in (0, 200], at least one active subject.</summary>
    public static IReadOnlyList<string> CheckCatalog(DepartmentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var problems = ModuleContract.CheckCatalog(module.Catalog).ToList();
        if (module.Catalog.Count > 0 && module.Catalog.All(s => s.IsRetired))
        {
            problems.Add("every subject of the catalog is retired; keep at least one active subject");
        }

        return problems;
    }

    /// <summary>Rule sets and credit classes: dates ordered and non-overlapping, minimums ≤ totals, positive conversions, known classes.</summary>
    public static IReadOnlyList<string> CheckRuleSets(DepartmentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return [.. ModuleContract.CheckCreditClasses(module.CreditClasses), .. RuleSetContract.Check(module.RuleSets, ModuleContract.CreditClassKeys(module))];
    }

    /// <summary>
    /// References: the module's assembly references the SDK and what the SDK brings (EF Core, OData, MediatR,
    /// FluentValidation, Mapster, Specification, Bogus, the .NET and ASP.NET Core frameworks) and nothing else of the
    /// platform — not the core, the data layer, the host or another module.
    /// </summary>
    /// <param name="module">The module.</param>
    /// <param name="alsoAllowed">Assembly names a module was explicitly allowed to use besides the SDK's.</param>
    public static IReadOnlyList<string> CheckReferences(DepartmentModule module, IEnumerable<string>? alsoAllowed = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        return CheckReferences(module.GetType().Assembly, DiscoveredByHost.Select(m => m.Module.GetType().Assembly.GetName().Name!), alsoAllowed);
    }

    /// <summary>The reference check on an assembly (see <see cref="CheckReferences(DepartmentModule, IEnumerable{string}?)"/>).</summary>
    public static IReadOnlyList<string> CheckReferences(Assembly assembly, IEnumerable<string> moduleAssemblies, IEnumerable<string>? alsoAllowed = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(moduleAssemblies);
        var self = assembly.GetName().Name!;
        var modules = moduleAssemblies.Where(n => n != self).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var extra = (alsoAllowed ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var references = assembly.GetReferencedAssemblies().Select(r => r.Name!).Order(StringComparer.Ordinal).ToArray();
        if (!references.Contains(SdkAssembly, StringComparer.Ordinal))
        {
            problems.Add($"{self} does not reference {SdkAssembly}; a module derives from KnowledgeRenewal.Sdk.DepartmentModule");
        }

        foreach (var name in references)
        {
            if (modules.Contains(name))
            {
                problems.Add($"{self} references the module {name}; modules never reference each other — declare Manifest.DependsOn and talk through the platform, or move shared code into your own module");
            }
            else if (name.StartsWith("KnowledgeRenewal.", StringComparison.Ordinal) && name != SdkAssembly)
            {
                problems.Add($"{self} references {name}, a platform internal; a module may reference only {SdkAssembly} (remove the reference and use the SDK's types)");
            }
            else if (!IsFramework(name) && !SdkClosure.Value.Contains(name) && !extra.Contains(name) && !name.StartsWith("KnowledgeRenewal.", StringComparison.Ordinal))
            {
                problems.Add($"{self} references {name}, which the SDK does not bring; use what the SDK provides (EF Core, OData, MediatR, FluentValidation, Mapster, Ardalis.Specification, Bogus) or list it in AllowedExtraAssemblies with a reason");
            }
        }

        return problems;
    }

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal) || name == "System"
        || name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Net.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
        || name == "Microsoft.CSharp" || name == "Microsoft.VisualBasic";

    // Every assembly of the SDK and of the packages it depends on, transitively, from the host's dependency manifest.
    private static IReadOnlySet<string> ComputeSdkClosure()
    {
        var context = DependencyContext.Load(typeof(ModuleDiscovery).Assembly)
            ?? throw new InvalidOperationException("KnowledgeRenewal.Host.deps.json is missing next to the test assembly.");
        var libraries = context.RuntimeLibraries.ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SdkAssembly };
        var pending = new Stack<string>([SdkAssembly]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name) || !libraries.TryGetValue(name, out var library))
            {
                continue;
            }

            names.Add(library.Name);
            foreach (var asset in library.RuntimeAssemblyGroups.SelectMany(g => g.AssetPaths))
            {
                names.Add(Path.GetFileNameWithoutExtension(asset));
            }

            foreach (var dependency in library.Dependencies)
            {
                pending.Push(dependency.Name);
            }
        }

        return names;
    }
}
