using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Sdk.Hosting;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>Gives module database contexts the platform's provider, their own migrations and history table, and the platform's interceptors (the audit trail).</summary>
public sealed class ModuleDatabase(DatabaseOptions database, IServiceProvider services) : IModuleDatabase
{
    /// <summary>The migrations history table of a module.</summary>
    public static string HistoryTableOf(string moduleKey) => "__EFMigrationsHistory_" + moduleKey;

    /// <inheritdoc />
    public void Configure(DbContextOptionsBuilder options, ModuleManifest manifest, Type contextType)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(contextType);
        // Module writes are audited like the platform's, in the same transaction.
        PlatformInterceptor.AddAll(DatabaseSetup.Configure(options, database, contextType.Assembly, HistoryTableOf(manifest.Key)), services);
    }
}
