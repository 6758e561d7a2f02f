using System.Text.RegularExpressions;

namespace KnowledgeRenewal.Sdk;

/// <summary>
/// The rules every module must keep. The platform checks them at start-up (a module that breaks one does not
/// start) and module test projects can assert them. Every message says what to fix.
/// </summary>
public static partial class ModuleContract
{
    /// <summary>Most credit hours a single catalog subject may carry by default.</summary>
    public const decimal MaxDefaultCreditHours = 200m;

    /// <summary>Returns the problems of <paramref name="module"/>, each prefixed by the module key (empty when it conforms).</summary>
    public static IReadOnlyList<string> Check(DepartmentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var problems = new List<string>();
        var manifest = module.Manifest;
        CheckManifest(manifest, problems);
        CheckCatalog(module.Catalog, problems);
        problems.AddRange(CheckCreditClasses(module.CreditClasses));
        problems.AddRange(RuleSetContract.Check(module.RuleSets, CreditClassKeys(module)));
        var key = string.IsNullOrWhiteSpace(manifest.Key) ? module.GetType().FullName : manifest.Key;
        return problems.Select(p => $"module '{key}': {p}").ToArray();
    }

    /// <summary>Checks the manifest alone: key, names, department, versions and dependencies.</summary>
    public static IReadOnlyList<string> CheckManifest(ModuleManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        CheckManifest(manifest, problems);
        return problems;
    }

    /// <summary>Checks the declared credit classes: unique non-empty keys and Chinese names.</summary>
    public static IReadOnlyList<string> CheckCreditClasses(IReadOnlyList<CreditClassDefinition> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var problems = new List<string>();
        var classKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var creditClass in classes)
        {
            if (string.IsNullOrWhiteSpace(creditClass.Key) || !classKeys.Add(creditClass.Key))
            {
                problems.Add($"credit class key '{creditClass.Key}' is empty or declared twice");
            }

            if (!ContainsChinese(creditClass.Name))
            {
                problems.Add($"credit class '{creditClass.Key}' needs a Chinese Name");
            }
        }

        return problems;
    }

    /// <summary>The credit-class keys rule sets of <paramref name="module"/> may refer to.</summary>
    public static IReadOnlyCollection<string> CreditClassKeys(DepartmentModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.CreditClasses.Select(c => c.Key).Where(k => !string.IsNullOrWhiteSpace(k)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="key"/> is a valid module key.</summary>
    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>Checks one catalog (also used for the platform's public-subject catalog).</summary>
    public static IReadOnlyList<string> CheckCatalog(IReadOnlyList<SubjectDefinition> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var problems = new List<string>();
        CheckCatalog(catalog, problems);
        return problems;
    }

    private static void CheckManifest(ModuleManifest manifest, List<string> problems)
    {
        if (!IsValidKey(manifest.Key))
        {
            problems.Add($"key '{manifest.Key}' must be 2–32 lowercase letters, digits or hyphens, starting with a letter");
        }

        if (!ContainsChinese(manifest.NameZh))
        {
            problems.Add("NameZh must be the module's Chinese name");
        }

        if (string.IsNullOrWhiteSpace(manifest.NameEn))
        {
            problems.Add("NameEn must be the module's English name");
        }

        if (!Departments.All.Contains(manifest.DepartmentCode))
        {
            problems.Add($"DepartmentCode '{manifest.DepartmentCode}' is not a line department; use a constant of KnowledgeRenewal.Sdk.Departments");
        }

        if (manifest.Version is null || manifest.RequiresSdk is null)
        {
            problems.Add("Version and RequiresSdk must be set");
        }

        foreach (var dependency in manifest.DependsOn)
        {
            if (!IsValidKey(dependency) || dependency == manifest.Key)
            {
                problems.Add($"DependsOn entry '{dependency}' must be another module's key");
            }
        }
    }

    private static void CheckCatalog(IReadOnlyList<SubjectDefinition> catalog, List<string> problems)
    {
        if (catalog.Count == 0)
        {
            problems.Add("the catalog is empty; declare the department's professional subjects");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in catalog)
        {
            if (!CodePattern().IsMatch(subject.Code ?? ""))
            {
                problems.Add($"subject code '{subject.Code}' must be 2–32 upper-case letters, digits or hyphens");
            }
            else if (!codes.Add(subject.Code!))
            {
                var first = catalog.First(s => s.Code == subject.Code);
                problems.Add(first.IsRetired || subject.IsRetired
                    ? $"subject code '{subject.Code}' is retired and used again; a retired code is never reused: give the new subject a new code"
                    : $"subject code '{subject.Code}' is used twice; give each subject its own code");
            }

            if (!ContainsChinese(subject.Name))
            {
                problems.Add($"subject '{subject.Code}' needs a Chinese Name");
            }

            if (string.IsNullOrWhiteSpace(subject.Discipline))
            {
                problems.Add($"subject '{subject.Code}' needs a Discipline");
            }

            if (subject.DefaultCreditHours <= 0 || subject.DefaultCreditHours > MaxDefaultCreditHours)
            {
                problems.Add($"subject '{subject.Code}' DefaultCreditHours {Number(subject.DefaultCreditHours)} must be in (0, {Number(MaxDefaultCreditHours)}]");
            }
            else if (!CreditHours.TryFromHours(subject.DefaultCreditHours, out _))
            {
                problems.Add($"subject '{subject.Code}' DefaultCreditHours {Number(subject.DefaultCreditHours)} must be exact to 0.01");
            }
        }
    }

    private static string Number(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool ContainsChinese(string? text) =>
        text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,31}\z")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{1,31}\z")]
    private static partial Regex CodePattern();
}
