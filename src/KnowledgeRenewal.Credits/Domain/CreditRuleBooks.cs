using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.Configuration;

using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// The rule books in force in this deployment: the platform default and one per enabled module, each the
/// declared rule sets plus the deployment's data overrides (<c>CreditRules:Overrides:{scope}</c>, a list of
/// rule sets; one with the same EffectiveFrom replaces the declared one, others are added).
/// </summary>
public sealed class CreditRuleBooks
{
    /// <summary>Configuration section of rule overrides.</summary>
    public const string OverridesSection = "CreditRules:Overrides";

    private readonly Dictionary<string, RuleBook> moduleBooks;
    private readonly ModuleRegistry modules;

    /// <summary>Builds and checks every rule book; throws <see cref="PlatformConfigurationException"/> on malformed rules.</summary>
    public CreditRuleBooks(ModuleRegistry modules, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(configuration);
        this.modules = modules;
        var problems = new List<string>();
        var overrides = configuration.GetSection(OverridesSection);

        Platform = Build(PlatformCreditRules.Scope, PlatformCreditRules.RuleSets, [], overrides, problems);
        moduleBooks = new Dictionary<string, RuleBook>(StringComparer.Ordinal);
        foreach (var module in modules.Enabled)
        {
            var classes = module.Module.CreditClasses.Select(c => c.Key).ToArray();
            moduleBooks[module.Key] = Build(module.Key, module.Module.RuleSets, classes, overrides, problems);
        }

        foreach (var scope in overrides.GetChildren().Select(c => c.Key))
        {
            if (!string.Equals(scope, PlatformCreditRules.Scope, StringComparison.OrdinalIgnoreCase)
                && !modules.Installed.Any(m => string.Equals(m.Key, scope, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{OverridesSection}:{scope} names no installed module; use 'platform' or a module key.");
            }
        }

        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException("The platform cannot start with its credit rules:", problems);
        }
    }

    /// <summary>The platform default rule book.</summary>
    public RuleBook Platform { get; }

    /// <summary>Every rule book in force: the platform's first, then the enabled modules' by key.</summary>
    public IEnumerable<RuleBook> All => moduleBooks.Values.OrderBy(b => b.Scope, StringComparer.Ordinal).Prepend(Platform);

    /// <summary>The rule book of an enabled module, or null when the module is unknown or disabled.</summary>
    public RuleBook? ForModule(string moduleKey) => moduleBooks.GetValueOrDefault(moduleKey);

    /// <summary>The rule book that applies to a professional of <paramref name="departmentCode"/>: the department's module's, else the platform's.</summary>
    public RuleBook ForDepartment(string? departmentCode) =>
        departmentCode is not null && modules.FindEnabledForDepartment(departmentCode) is { } module
            ? moduleBooks[module.Key]
            : Platform;

    private static RuleBook Build(
        string scope,
        IReadOnlyList<CreditRuleSet> declared,
        IReadOnlyCollection<string> classes,
        IConfiguration overrides,
        List<string> problems)
    {
        var replacements = overrides.GetSection(scope).Get<List<CreditRuleSet>>() ?? [];
        var merged = declared
            .Where(d => replacements.All(r => r.EffectiveFrom != d.EffectiveFrom))
            .Concat(replacements)
            .ToArray();
        problems.AddRange(RuleSetContract.Check(merged, classes).Select(p => $"rules of '{scope}': {p}"));
        return new RuleBook(scope, merged);
    }
}
