using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.DependencyModel;

namespace KnowledgeRenewal.Host.Modules;

/// <summary>
/// Finds department modules by assembly scanning (Scrutor): in the assemblies the host references that depend
/// on the SDK, and in the assemblies dropped into the modules folder.
/// </summary>
public static class ModuleDiscovery
{
    /// <summary>Source name of modules the host references.</summary>
    public const string Referenced = "referenced";

    private const string SdkAssemblyName = "KnowledgeRenewal.Sdk";

    // Folders whose dependency resolution is hooked up; a process (e.g. a test run) may compose several hosts.
    private static readonly ConcurrentDictionary<string, byte> WatchedFolders = new(StringComparer.Ordinal);

    /// <summary>Discovers every module available to the host.</summary>
    /// <param name="hostAssembly">The host assembly, whose dependency manifest lists the referenced modules.</param>
    /// <param name="modulesFolder">Absolute path of the drop-in folder; skipped when missing.</param>
    public static IReadOnlyList<DiscoveredModule> Discover(Assembly hostAssembly, string? modulesFolder)
    {
        ArgumentNullException.ThrowIfNull(hostAssembly);
        var context = DependencyContext.Load(hostAssembly)
            ?? throw new InvalidOperationException($"{hostAssembly.GetName().Name}.deps.json is missing; module discovery needs it.");
        var referenced = ReferencedCandidates(context).ToArray();
        var known = context.RuntimeLibraries.Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var dropped = modulesFolder is not null && Directory.Exists(modulesFolder)
            ? LoadFolder(modulesFolder, known)
            : [];

        return Scan(referenced).Select(m => new DiscoveredModule(m, Referenced))
            .Concat(Scan(dropped).Select(m => new DiscoveredModule(m, m.GetType().Assembly.Location)))
            .ToArray();
    }

    private static IEnumerable<DepartmentModule> Scan(IReadOnlyCollection<Assembly> assemblies)
    {
        if (assemblies.Count == 0)
        {
            return [];
        }

        // Scrutor finds the concrete DepartmentModule types; a throwaway collection just receives its findings.
        var found = new ServiceCollection();
        found.Scan(scan => scan
            .FromAssemblies(assemblies)
            .AddClasses(classes => classes.AssignableTo<DepartmentModule>(), publicOnly: true)
            .As<DepartmentModule>()
            .WithSingletonLifetime());
        return found
            .Select(d => d.ImplementationType!)
            .Distinct()
            .Select(type => (DepartmentModule)(Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"Module {type.FullName} needs a public parameterless constructor.")))
            .ToArray();
    }

    private static IEnumerable<Assembly> ReferencedCandidates(DependencyContext context) =>
        context.RuntimeLibraries
            .Where(library => library.Dependencies.Any(d => d.Name.Equals(SdkAssemblyName, StringComparison.OrdinalIgnoreCase)))
            .Select(library => Assembly.Load(new AssemblyName(library.Name)));

    private static Assembly[] LoadFolder(string folder, HashSet<string> hostLibraries)
    {
        var files = Directory.GetFiles(folder, "*.dll")
            .Where(f => !hostLibraries.Contains(Path.GetFileNameWithoutExtension(f)))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), Path.GetFullPath, StringComparer.OrdinalIgnoreCase);

        // A dropped module's own dependencies load from the same folder; the platform's (SDK, EF Core, OData …)
        // always come from the host, so a module never brings a second copy of them.
        if (WatchedFolders.TryAdd(Path.GetFullPath(folder), 0))
        {
            AssemblyLoadContext.Default.Resolving += (loadContext, name) =>
                name.Name is { } simple && files.TryGetValue(simple, out var path) ? loadContext.LoadFromAssemblyPath(path) : null;
        }

        var loaded = AppDomain.CurrentDomain.GetAssemblies()
            .GroupBy(a => a.GetName().Name ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return files
            .Select(file => loaded.TryGetValue(file.Key, out var assembly) ? assembly : AssemblyLoadContext.Default.LoadFromAssemblyPath(file.Value))
            .Where(a => a.GetReferencedAssemblies().Any(r => r.Name == SdkAssemblyName))
            .ToArray();
    }
}
