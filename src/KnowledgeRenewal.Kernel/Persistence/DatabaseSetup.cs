using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>Configures a database context for the deployment's provider. The one place provider choice lives.</summary>
public static class DatabaseSetup
{
    /// <summary>Applies provider, connection, migrations assembly and history table.</summary>
    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder options,
        DatabaseOptions database,
        Assembly migrationsAssembly,
        string historyTable)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.SqlServer:
                // No retrying execution strategy: audited writes run in explicit transactions, which it forbids.
                options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly(migrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
            default:
                throw new NotSupportedException($"Database provider '{database.Provider}' is not supported; use Sqlite, SqlServer or PostgreSql.");
        }

        return options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
    }
}
