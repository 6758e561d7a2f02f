using System.Reflection;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Modules;

/// <summary>A module found by discovery, with where it came from and whether this deployment enables it.</summary>
/// <param name="Module">The module instance.</param>
/// <param name="Source"><c>referenced</c> for modules the host references, else the file it was loaded from.</param>
/// <param name="Enabled">Whether configuration enables it.</param>
public sealed record ModuleDescriptor(DepartmentModule Module, string Source, bool Enabled)
{
    /// <summary>The module's manifest.</summary>
    public ModuleManifest Manifest => Module.Manifest;

    /// <summary>The module's key.</summary>
    public string Key => Module.Manifest.Key;

    /// <summary>The assembly that holds the module.</summary>
    public Assembly Assembly => Module.GetType().Assembly;

    /// <summary>Active subjects in the module's catalog.</summary>
    public int ActiveSubjectCount => Module.Catalog.Count(s => !s.IsRetired);
}

/// <summary>A module candidate as discovery found it, before configuration is applied.</summary>
/// <param name="Module">The module instance.</param>
/// <param name="Source">Where it came from.</param>
public sealed record DiscoveredModule(DepartmentModule Module, string Source);
