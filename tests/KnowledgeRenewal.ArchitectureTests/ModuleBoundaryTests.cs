using System.Reflection;
using System.Xml.Linq;
using KnowledgeRenewal.Host.Modules;
using NetArchTest.Rules;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Modules;

namespace KnowledgeRenewal.ArchitectureTests;

/// <summary>
/// The shape of the modular monolith at its edge: a department module sees only the SDK; the SDK sees nothing of
/// the platform; only the host references modules (the areas' own rules are in AreaBoundaryTests). Every module the host can discover is checked,
/// so a new module is covered without touching this file.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Sdk = "KnowledgeRenewal.Sdk";
    private const string Host = "KnowledgeRenewal.Host";
    private const string Modules = "KnowledgeRenewal.Modules";

    public static TheoryData<string> ModuleAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var name in DiscoveredModuleAssemblies().Select(a => a.GetName().Name!).Distinct().Order())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void The_host_discovers_every_module_project_under_modules()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "modules"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Contains("KnowledgeRenewal.Modules.Education", projects);
        Assert.Equal(projects, DiscoveredModuleAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_depends_on_no_platform_project_but_the_SDK(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var others = DiscoveredModuleAssemblies().Select(a => a.GetName().Name!).Where(n => n != assemblyName);

        var result = Types.InAssembly(assembly).ShouldNot()
            .HaveDependencyOnAny([.. ArchitectureRules.PlatformAssemblies, .. others])
            .GetResult();

        Assert.True(result.IsSuccessful, $"{assemblyName} types reach into the platform: {string.Join(", ", result.FailingTypeNames ?? [])}");
        Assert.All(
            assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(n => n.StartsWith("KnowledgeRenewal.", StringComparison.Ordinal)),
            name => Assert.Equal(Sdk, name));
        Assert.All(assembly.GetTypes().Where(t => t.Namespace is not null), t => Assert.StartsWith(assemblyName, t.Namespace!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_project_references_only_the_SDK_project(string assemblyName)
    {
        var project = Path.Combine(RepositoryRoot(), "modules", assemblyName, assemblyName + ".csproj");

        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();

        Assert.Equal([Sdk], references);
    }

    [Fact]
    public void The_SDK_depends_on_nothing_of_the_platform()
    {
        var result = Types.InAssembly(typeof(Sdk.DepartmentModule).Assembly).ShouldNot()
            .HaveDependencyOnAny([.. ArchitectureRules.PlatformAssemblies, Modules])
            .GetResult();

        Assert.True(result.IsSuccessful, $"SDK types with platform dependencies: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Only_the_host_references_module_projects()
    {
        var root = RepositoryRoot();
        var platformProjects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Host, StringComparison.Ordinal));

        Assert.All(platformProjects, project =>
            Assert.DoesNotContain(
                XDocument.Load(project).Descendants("ProjectReference"),
                r => r.Attribute("Include")!.Value.Contains(Modules, StringComparison.Ordinal)));
    }

    private static IEnumerable<Assembly> DiscoveredModuleAssemblies() =>
        ModuleDiscovery.Discover(typeof(ModuleDiscovery).Assembly, modulesFolder: null).Select(m => m.Module.GetType().Assembly);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeRenewal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KnowledgeRenewal.sln not found above the test folder.");
    }
}
