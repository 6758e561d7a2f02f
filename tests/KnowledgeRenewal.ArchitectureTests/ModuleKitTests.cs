using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Host.Modules;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.ArchitectureTests;

/// <summary>
/// What the module developer kit promises and CI relies on: the build scripts find every module's database context by
/// themselves, and the program's years are written once, in the SDK's <see cref="ProgramPeriod"/>.
/// </summary>
public sealed partial class ModuleKitTests
{
    /// <summary>Files where 2023 or 2030 is data, not the program's period (outside comments, migrations and demo data).</summary>
    private static readonly Dictionary<string, string> YearLiteralsThatAreData = new(StringComparer.Ordinal)
    {
        ["src/KnowledgeRenewal.Sdk/ProgramPeriod.cs"] = "the definition itself",
        ["src/KnowledgeRenewal.Identity/Persistence/IdentityConfigurations.cs"] = "the audit chain head's seeded timestamp, baked into the migrations",
    };

    [Fact]
    public void The_build_scripts_find_exactly_the_database_contexts_the_modules_hold()
    {
        var expected = DiscoveredModuleAssemblies()
            .SelectMany(assembly => assembly.GetTypes()
                .Where(t => t is { IsAbstract: false } && typeof(DbContext).IsAssignableFrom(t))
                .Select(t => $"modules/{assembly.GetName().Name} {t.Name} {KeyOf(t)}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var listed = RunScript("build/module-contexts.sh");

        Assert.Contains("modules/KnowledgeRenewal.Modules.Health HealthDbContext health", expected);
        Assert.Equal(expected, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_programs_years_are_written_only_in_ProgramPeriod()
    {
        var root = RepositoryRoot();
        var offending = new[] { "src", "modules" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !IsBuildOutputMigrationOrDemoData(path) && !YearLiteralsThatAreData.ContainsKey(path))
            .SelectMany(path => File.ReadLines(Path.Combine(root, path)).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => !IsComment(l.line) && ProgramYear().IsMatch(DocumentNumber().Replace(l.line, "")))
            .Select(l => $"{l.path}:{l.number}: {l.line.Trim()}")
            .ToArray();

        Assert.True(
            offending.Length == 0,
            "The program's years are written as literals; use KnowledgeRenewal.Sdk.ProgramPeriod (FirstYear, LastYear, Start, End, Contains):\n"
            + string.Join('\n', offending));
    }

    private static bool IsBuildOutputMigrationOrDemoData(string path) =>
        path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal)
        || path.Contains("/Migrations/", StringComparison.Ordinal) || path.Contains("/Seeding/Demo/", StringComparison.Ordinal)
        || Path.GetFileName(path).Contains("Demo", StringComparison.Ordinal);

    private static bool IsComment(string line)
    {
        var text = line.TrimStart();
        return text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith('*') || text.StartsWith("@*", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(2023|2030)\b")]
    private static partial Regex ProgramYear();

    /// <summary>A document number such as 济人社发〔2023〕4号 names a document, not the period.</summary>
    [GeneratedRegex(@"〔\d{4}〕")]
    private static partial Regex DocumentNumber();

    private static string KeyOf(Type context)
    {
        var module = context.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(ModuleDbContext<>)
            ? baseType.GetGenericArguments()[0]
            : throw new Xunit.Sdk.XunitException(
                $"{context.FullName} must derive directly from ModuleDbContext<TModule> (its tables get the module's prefix, and the build scripts find it).");
        return ((DepartmentModule)Activator.CreateInstance(module)!).Manifest.Key;
    }

    private static string[] RunScript(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} failed ({process.ExitCode}): {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static IEnumerable<Assembly> DiscoveredModuleAssemblies() =>
        ModuleDiscovery.Discover(typeof(ModuleDiscovery).Assembly, modulesFolder: null).Select(m => m.Module.GetType().Assembly).Distinct();

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
