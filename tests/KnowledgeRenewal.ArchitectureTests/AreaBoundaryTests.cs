using System.Xml.Linq;

namespace KnowledgeRenewal.ArchitectureTests;

/// <summary>
/// The core by business area (see <see cref="ArchitectureRules"/>): who may use whom, only through published
/// surfaces, and pure domains — on the platform, and on planted violations to prove each rule bites.
/// </summary>
public sealed class AreaBoundaryTests
{
    public static TheoryData<string> Areas() => [.. ArchitectureRules.Areas];

    [Theory]
    [InlineData("Kernel")]
    [MemberData(nameof(Areas))]
    public void An_area_references_only_the_kernel_the_SDK_and_the_areas_before_it(string area)
    {
        var assembly = ArchitectureRules.AssemblyOf(area);

        Assert.Empty(ArchitectureRules.ForbiddenReferences(assembly));
    }

    [Theory]
    [InlineData("Kernel")]
    [MemberData(nameof(Areas))]
    public void An_area_project_references_exactly_the_project_before_it(string area)
    {
        var order = new[] { "Sdk", "Kernel" }.Concat(ArchitectureRules.Areas).ToList();
        var project = Path.Combine(RepositoryRoot(), "src", "KnowledgeRenewal." + area, $"KnowledgeRenewal.{area}.csproj");

        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();

        Assert.Equal(["KnowledgeRenewal." + order[order.IndexOf(area) - 1]], references);
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_uses_other_areas_only_through_their_domain_and_contracts(string area)
    {
        var roots = ArchitectureRules.Areas.Select(a => "KnowledgeRenewal." + a);

        var violations = ArchitectureRules.UsesOfOtherAreasInternals(ArchitectureRules.AssemblyOf(area), "KnowledgeRenewal." + area, roots);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_host_uses_areas_only_through_their_composition_domain_and_contracts()
    {
        // The host composes: it calls each area's Add/Use/Map entry point and may show domain data on the landing page.
        var host = typeof(Host.Composition.PlatformComposition).Assembly;
        var roots = ArchitectureRules.Areas.Select(a => "KnowledgeRenewal." + a).Prepend("KnowledgeRenewal.Host");

        var violations = ArchitectureRules.UsesOfOtherAreasInternals(host, "KnowledgeRenewal.Host", roots);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_domain_knows_no_EF_Core_no_web_and_none_of_its_use_cases(string area)
    {
        var violations = ArchitectureRules.ImpureDomainTypes(ArchitectureRules.AssemblyOf(area), "KnowledgeRenewal." + area);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_kernel_knows_no_area_no_host_and_no_module()
    {
        var result = NetArchTest.Rules.Types.InAssembly(ArchitectureRules.AssemblyOf("Kernel")).ShouldNot()
            .HaveDependencyOnAny([.. ArchitectureRules.Areas.Select(a => "KnowledgeRenewal." + a), "KnowledgeRenewal.Host", "KnowledgeRenewal.Modules"])
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void A_planted_use_of_another_areas_use_cases_is_caught()
    {
        var violations = ArchitectureRules.UsesOfOtherAreasInternals(
            typeof(AreaBoundaryTests).Assembly, Planted.PlantedAreas.Root + ".Registry", [Planted.PlantedAreas.Root + ".Registry", Planted.PlantedAreas.Root + ".Credits"]);

        Assert.Contains(violations, v => v.Contains("ReachesIntoCredits", StringComparison.Ordinal) && v.Contains(".Credits.UseCases", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("UsesPublishedSurface", StringComparison.Ordinal));
    }

    [Fact]
    public void A_planted_domain_type_using_EF_Core_is_caught()
    {
        var violations = ArchitectureRules.ImpureDomainTypes(typeof(AreaBoundaryTests).Assembly, Planted.PlantedAreas.Root + ".Registry");

        Assert.Contains(violations, v => v.Contains("LeakyRule", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("PureRule", StringComparison.Ordinal));
    }

    [Fact]
    public void A_planted_reference_to_a_later_area_is_caught()
    {
        // The architecture test assembly references the host, which comes after every area.
        var violations = ArchitectureRules.ForbiddenReferences(typeof(AreaBoundaryTests).Assembly);

        Assert.Contains(violations, v => v.EndsWith("references KnowledgeRenewal.Host", StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeRenewal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KnowledgeRenewal.sln not found above the test binaries.");
    }
}
