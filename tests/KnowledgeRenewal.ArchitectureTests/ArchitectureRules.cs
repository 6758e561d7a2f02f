using System.Reflection;
using NetArchTest.Rules;

namespace KnowledgeRenewal.ArchitectureTests;

/// <summary>
/// The rules of the core's layout, as functions over assemblies and namespace roots, so the tests can run them on the
/// platform and on planted violations alike (a rule that cannot fail is no rule).
/// <list type="bullet">
/// <item>The kernel, then Identity, Registry, Programs, Credits, Supervision, Reporting: each area may use the ones before it, never after.</item>
/// <item>An area uses another only through its published surface: <c>Domain</c> and <c>Contracts</c> (demo data may
/// build on other areas' <c>Demo</c>); never its <c>UseCases</c>, <c>Persistence</c>, <c>Web</c>, <c>Pages</c>.</item>
/// <item>An area's <c>Domain</c> knows no EF Core and no ASP.NET (but Identity's store-agnostic abstractions), and
/// nothing of its own use cases, persistence or web.</item>
/// </list>
/// </summary>
public static class ArchitectureRules
{
    /// <summary>The core's areas in dependency order (each may use those before it).</summary>
    public static readonly string[] Areas = ["Identity", "Registry", "Programs", "Credits", "Supervision", "Reporting"];

    /// <summary>The platform's own assemblies (a module may reference none but the SDK).</summary>
    public static readonly string[] PlatformAssemblies =
        ["KnowledgeRenewal.Kernel", "KnowledgeRenewal.Identity", "KnowledgeRenewal.Registry", "KnowledgeRenewal.Programs", "KnowledgeRenewal.Credits", "KnowledgeRenewal.Supervision", "KnowledgeRenewal.Reporting", "KnowledgeRenewal.Host"];

    /// <summary>Folders of an area that no other area may use.</summary>
    public static readonly string[] Internals = ["UseCases", "Persistence", "Web", "Pages", "Demo"];

    /// <summary>What a domain may not depend on.</summary>
    public static readonly string[] DomainForbidden =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.AspNetCore.OData", "OpenIddict", "MediatR",
    ];

    /// <summary>The platform assembly of an area or the kernel.</summary>
    public static Assembly AssemblyOf(string area) => Assembly.Load("KnowledgeRenewal." + area);

    /// <summary>
    /// Types of the area rooted at <paramref name="root"/> (in <paramref name="assembly"/>) that reach into another
    /// area's internals (<see cref="Internals"/>, or its composition type), with what they reach.
    /// </summary>
    public static IReadOnlyList<string> UsesOfOtherAreasInternals(Assembly assembly, string root, IEnumerable<string> otherRoots)
    {
        var violations = new List<string>();
        foreach (var other in otherRoots.Where(o => o != root))
        {
            foreach (var folder in Internals)
            {
                var types = Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(root + ".");
                if (folder == "Demo")
                {
                    // Demo data builds on other areas' demo data (the demo accounts' organizations, the demo registry).
                    types = types.And().DoNotResideInNamespaceStartingWith(root + ".Demo");
                }

                violations.AddRange(Failing(types.ShouldNot().HaveDependencyOn($"{other}.{folder}").GetResult(), $"uses {other}.{folder}"));
            }
        }

        return violations;
    }

    /// <summary>Types of <paramref name="root"/>'s domain that depend on EF Core, the web, or the area's own use cases, persistence or web.</summary>
    public static IReadOnlyList<string> ImpureDomainTypes(Assembly assembly, string root)
    {
        var domain = Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(root + ".Domain");
        var result = domain.ShouldNot().HaveDependencyOnAny([.. DomainForbidden, .. Internals.Select(f => $"{root}.{f}")]).GetResult();
        return [.. Failing(result, "domain type with forbidden dependencies")];
    }

    /// <summary>The platform assemblies <paramref name="assembly"/> references that are not before it in the order.</summary>
    public static IReadOnlyList<string> ForbiddenReferences(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var order = new[] { "KnowledgeRenewal.Sdk", "KnowledgeRenewal.Kernel" }.Concat(Areas.Select(a => "KnowledgeRenewal." + a)).ToList();
        var position = order.IndexOf(name);
        var allowed = order.Take(position).ToHashSet();
        return
        [
            .. assembly.GetReferencedAssemblies().Select(r => r.Name!)
                .Where(r => r.StartsWith("KnowledgeRenewal.", StringComparison.Ordinal) && !allowed.Contains(r))
                .Select(r => $"{name} references {r}"),
        ];
    }

    private static IEnumerable<string> Failing(TestResult result, string what) =>
        result.IsSuccessful ? [] : (result.FailingTypeNames ?? []).Select(t => $"{t}: {what}");
}
