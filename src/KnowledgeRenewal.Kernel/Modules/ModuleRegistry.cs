using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Modules;

/// <summary>The modules of this running platform: every installed one, and which of them are enabled.</summary>
public sealed class ModuleRegistry
{
    private readonly Dictionary<string, ModuleDescriptor> enabledByKey;

    /// <summary>Creates the registry from composed descriptors.</summary>
    public ModuleRegistry(IEnumerable<ModuleDescriptor> installed)
    {
        Installed = installed.OrderBy(m => m.Key, StringComparer.Ordinal).ToArray();
        Enabled = Installed.Where(m => m.Enabled).ToArray();
        enabledByKey = Enabled.ToDictionary(m => m.Key, StringComparer.Ordinal);
        EnabledKeys = Enabled.Select(m => m.Key).ToArray();
    }

    /// <summary>Every module found, enabled or not, ordered by key.</summary>
    public IReadOnlyList<ModuleDescriptor> Installed { get; }

    /// <summary>The enabled modules, ordered by key.</summary>
    public IReadOnlyList<ModuleDescriptor> Enabled { get; }

    /// <summary>Keys of the enabled modules.</summary>
    public IReadOnlyList<string> EnabledKeys { get; }

    /// <summary>The enabled module with <paramref name="key"/>, or null.</summary>
    public ModuleDescriptor? FindEnabled(string key) => enabledByKey.GetValueOrDefault(key);

    /// <summary>The enabled module owned by <paramref name="departmentCode"/>, or null.</summary>
    public ModuleDescriptor? FindEnabledForDepartment(string departmentCode) =>
        Enabled.FirstOrDefault(m => m.Manifest.DepartmentCode == departmentCode);
}
