using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>
/// Finds the migrations of the active provider only. One assembly holds a folder of migrations per provider
/// (<c>Migrations/Sqlite</c>, <c>Migrations/PostgreSql</c>, <c>Migrations/SqlServer</c>); EF Core's default would
/// mix them, so this picks the types whose namespace ends in <c>.Migrations.{Provider}</c>. The platform and every
/// module database context use it.
/// </summary>
public sealed class ProviderMigrationsAssembly : IMigrationsAssembly
{
    private readonly Type contextType;
    private readonly string namespaceSuffix;
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;
    private bool snapshotLoaded;

    /// <summary>Created by EF Core's internal service provider.</summary>
    public ProviderMigrationsAssembly(ICurrentDbContext currentContext, IDbContextOptions options)
    {
        ArgumentNullException.ThrowIfNull(currentContext);
        ArgumentNullException.ThrowIfNull(options);
        contextType = currentContext.Context.GetType();
        var relational = RelationalOptionsExtension.Extract(options);
        Assembly = relational.MigrationsAssemblyObject
            ?? (relational.MigrationsAssembly is { } name ? Assembly.Load(new AssemblyName(name)) : contextType.Assembly);
        namespaceSuffix = ".Migrations." + FolderOf(currentContext.Context.Database.ProviderName);
    }

    /// <inheritdoc />
    public Assembly Assembly { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, TypeInfo> Migrations => migrations ??= FindMigrations();

    /// <inheritdoc />
    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!snapshotLoaded)
            {
                var type = Assembly.DefinedTypes.FirstOrDefault(t =>
                    t.IsSubclassOf(typeof(ModelSnapshot)) && !t.IsAbstract && BelongsHere(t));
                snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
                snapshotLoaded = true;
            }

            return snapshot;
        }
    }

    /// <summary>The migrations folder name of a provider.</summary>
    public static string FolderOf(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Microsoft.EntityFrameworkCore.SqlServer" => "SqlServer",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "PostgreSql",
        _ => throw new NotSupportedException($"Database provider '{providerName}' has no migrations folder."),
    };

    /// <inheritdoc />
    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id =>
            string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(id.Length > 15 ? id[15..] : id, nameOrId, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        ArgumentNullException.ThrowIfNull(migrationClass);
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var found = new SortedList<string, TypeInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in Assembly.DefinedTypes.Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract && BelongsHere(t)))
        {
            if (type.GetCustomAttribute<MigrationAttribute>()?.Id is { } id)
            {
                found.Add(id, type);
            }
        }

        return found;
    }

    private bool BelongsHere(TypeInfo type) =>
        type.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType
        && type.Namespace?.EndsWith(namespaceSuffix, StringComparison.Ordinal) == true;
}
