namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>The database providers the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>SQLite file — the embedded default.</summary>
    Sqlite = 1,

    /// <summary>Microsoft SQL Server — the production target of the design card.</summary>
    SqlServer = 2,

    /// <summary>PostgreSQL (and PostgreSQL-compatible databases).</summary>
    PostgreSql = 3,
}

/// <summary>Configuration section <c>Database</c> plus <c>ConnectionStrings:Platform</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Database";

    /// <summary>Name of the connection string.</summary>
    public const string ConnectionStringName = "Platform";

    /// <summary>The provider.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string (for SQLite defaults to a file under <see cref="DataDirectory"/>).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Whether start-up applies pending migrations. When unset: yes for SQLite (the embedded default migrates
    /// itself), no for server databases (migrate with the <c>migrate</c> command or set this to true).
    /// </summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>Folder of the SQLite file and other local data, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Whether start-up migrates, with the provider's default applied.</summary>
    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}
