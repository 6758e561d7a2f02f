using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, real database for one test host: a SQLite file by default, or a new PostgreSQL database when
/// <c>KR_TEST_PROVIDER=PostgreSql</c> and <c>KR_TEST_POSTGRES</c> (admin connection string) are set.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    // The demo city is seeded once per test run into a template database; every other demo-mode host starts from a
    // copy of it (the seeding itself is tested by hosts on databases created with demoTemplate: false).
    private static readonly Lazy<Task<TestDatabase>> DemoTemplate = new(() => Task.Run(SeedDemoTemplateAsync));

    private readonly string? postgresName;
    private readonly string? sqliteDirectory;
    private bool demoTemplate;

    private TestDatabase(string provider, string connectionString, string? postgresName, string? sqliteDirectory, bool demoTemplate)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.postgresName = postgresName;
        this.sqliteDirectory = sqliteDirectory;
        this.demoTemplate = demoTemplate;
    }

    /// <summary>Whether this test run uses PostgreSQL.</summary>
    public static bool UsesPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("KR_TEST_PROVIDER"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Settings that point a host at this database (and let it migrate itself).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Platform"] = ConnectionString,
        ["Database:MigrateOnStartup"] = "true",
        ["Database:DataDirectory"] = sqliteDirectory ?? Path.GetTempPath(),
    };

    /// <summary>
    /// A fresh database. With <paramref name="demoTemplate"/> (the default) the first demo-mode host on it starts from
    /// a copy of the run's seeded demo city instead of seeding it again; pass false where the seeding itself is tested.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(bool demoTemplate = true)
    {
        if (UsesPostgres)
        {
            var admin = Environment.GetEnvironmentVariable("KR_TEST_POSTGRES")
                ?? throw new InvalidOperationException("KR_TEST_POSTGRES must hold an admin connection string when KR_TEST_PROVIDER=PostgreSql.");
            var name = "kr_test_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE {name}";
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            return new TestDatabase("PostgreSql", builder.ConnectionString, name, null, demoTemplate);
        }

        var directory = Path.Combine(Path.GetTempPath(), "kr-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "platform.db")}", null, directory, demoTemplate);
    }

    /// <summary>
    /// Before the first demo-mode host starts on this still empty database: fills it with a copy of the seeded demo
    /// template (SQLite: the file and its data folder's keys; PostgreSQL: CREATE DATABASE … TEMPLATE; the PostgreSQL
    /// hosts share one key folder). Does nothing afterwards or for databases created with demoTemplate: false.
    /// </summary>
    public void UseDemoTemplate()
    {
        if (!demoTemplate)
        {
            return;
        }

        demoTemplate = false;
        var template = DemoTemplate.Value.GetAwaiter().GetResult();
        if (postgresName is not null)
        {
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("KR_TEST_POSTGRES"));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE {postgresName}; CREATE DATABASE {postgresName} TEMPLATE {template.postgresName}";
            command.ExecuteNonQuery();
            return;
        }

        CopyFolder(template.sqliteDirectory!, sqliteDirectory!);
    }

    private static async Task<TestDatabase> SeedDemoTemplateAsync()
    {
        var template = await CreateAsync(demoTemplate: false);
        await using (var host = new PlatformFactory(template))
        {
            _ = host.Services; // the host starts once migrations and demo data are in
        }

        // Nothing may hold the template open while it is copied; it goes when the test run ends.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    /// <summary>Runs raw SQL returning one number (bypassing the platform, e.g. to prove rows still exist).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Quotes an identifier for this provider's SQL.</summary>
    public static string Quote(string identifier) => $"\"{identifier}\"";

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("KR_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }

        if (sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A host still shutting down may hold the file for a moment; the temp folder is cleaned later.
            }
        }
    }

    private DbConnection Open() => Provider == "PostgreSql" ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
}
