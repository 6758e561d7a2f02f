using KnowledgeRenewal.Sdk;
using Microsoft.Extensions.Configuration;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Modules;

/// <summary>
/// Applies a deployment's configuration (<c>Modules:{key}:Enabled</c>) to the discovered modules and refuses
/// to start on anything ambiguous: a module present but not configured, a configured module that is missing,
/// duplicate keys, two enabled modules for one department, a missing or disabled dependency, an incompatible
/// SDK version, or a module that breaks the SDK contract.
/// </summary>
public static class ModuleComposition
{
    /// <summary>Configuration section holding one sub-section per module key.</summary>
    public const string Section = "Modules";

    /// <summary>Composes the registry or throws <see cref="PlatformConfigurationException"/> listing every problem.</summary>
    public static ModuleRegistry Compose(IEnumerable<DiscoveredModule> discovered, IConfiguration modulesSection, Version sdkVersion)
    {
        ArgumentNullException.ThrowIfNull(discovered);
        ArgumentNullException.ThrowIfNull(modulesSection);
        ArgumentNullException.ThrowIfNull(sdkVersion);

        var problems = new List<string>();
        var configured = modulesSection.GetChildren().ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);
        var descriptors = new List<ModuleDescriptor>();
        foreach (var group in discovered.GroupBy(d => d.Module.Manifest.Key, StringComparer.Ordinal))
        {
            var candidates = group.ToArray();
            if (candidates.Length > 1)
            {
                problems.Add($"Module key '{group.Key}' is declared more than once: {string.Join(", ", candidates.Select(Describe))}. Remove one of them.");
                continue;
            }

            var candidate = candidates[0];
            if (!configured.TryGetValue(group.Key, out var section))
            {
                problems.Add($"Module '{group.Key}' ({Describe(candidate)}) is present but not mentioned in configuration. Set Modules:{group.Key}:Enabled to true or false (environment variable Modules__{group.Key}__Enabled).");
                continue;
            }

            if (!bool.TryParse(section["Enabled"], out var isEnabled))
            {
                problems.Add($"Modules:{group.Key}:Enabled must be true or false, not '{section["Enabled"]}'.");
                continue;
            }

            descriptors.Add(new ModuleDescriptor(candidate.Module, candidate.Source, isEnabled));
        }

        var discoveredKeys = discovered.Select(d => d.Module.Manifest.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in configured.Keys.Where(k => !discoveredKeys.Contains(k)))
        {
            problems.Add($"Modules:{key} is configured but no module with key '{key}' was found (neither referenced by the host nor in the modules folder). Install the module or remove the setting.");
        }

        var enabled = descriptors.Where(d => d.Enabled).ToArray();
        foreach (var module in enabled)
        {
            CheckEnabled(module, descriptors, sdkVersion, problems);
        }

        foreach (var department in enabled.GroupBy(m => m.Manifest.DepartmentCode).Where(g => g.Count() > 1))
        {
            problems.Add($"Department '{department.Key}' has more than one enabled module ({string.Join(", ", department.Select(m => m.Key))}); enable one.");
        }

        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException("The platform cannot start with its modules:", problems);
        }

        return new ModuleRegistry(descriptors);
    }

    private static void CheckEnabled(ModuleDescriptor module, List<ModuleDescriptor> all, Version sdkVersion, List<string> problems)
    {
        var manifest = module.Manifest;
        if (!SdkInfo.IsCompatible(manifest.RequiresSdk, sdkVersion))
        {
            problems.Add($"Module '{module.Key}' {manifest.Version} requires SDK {manifest.RequiresSdk} but this platform provides SDK {sdkVersion}; install a module version built for SDK {sdkVersion.Major}.x (at most {sdkVersion}).");
        }

        foreach (var dependency in manifest.DependsOn)
        {
            var target = all.FirstOrDefault(d => string.Equals(d.Key, dependency, StringComparison.Ordinal));
            if (target is null)
            {
                problems.Add($"Module '{module.Key}' depends on module '{dependency}', which is not installed.");
            }
            else if (!target.Enabled)
            {
                problems.Add($"Module '{module.Key}' depends on module '{dependency}', which is disabled; enable it (Modules:{dependency}:Enabled=true) or disable '{module.Key}'.");
            }
        }

        problems.AddRange(ModuleContract.Check(module.Module));
    }

    private static string Describe(DiscoveredModule module) => $"{module.Module.GetType().FullName} from {module.Source}";
}
