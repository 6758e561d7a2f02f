using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Sdk.Hosting;

/// <summary>Implemented by the platform: configures a module's database context for the active provider.</summary>
public interface IModuleDatabase
{
    /// <summary>Applies provider, connection, migrations assembly and history table for <paramref name="contextType"/>.</summary>
    void Configure(DbContextOptionsBuilder options, ModuleManifest manifest, Type contextType);
}

/// <summary>Marks a module database context the platform must migrate.</summary>
/// <param name="ModuleKey">The owning module.</param>
/// <param name="ContextType">The context type.</param>
public sealed record ModuleDbContextRegistration(string ModuleKey, Type ContextType);
