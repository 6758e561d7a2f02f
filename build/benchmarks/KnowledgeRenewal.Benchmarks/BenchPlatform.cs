using System.Globalization;
using KnowledgeRenewal.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Benchmarks;

/// <summary>The real platform on a fresh SQLite file of its own: migrated, reference data seeded, no demo data.</summary>
internal sealed class BenchPlatform(WebApplication app, string connectionString, string file) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The database file.</summary>
    public string File { get; } = file;

    /// <summary>Starts the platform on <c>platform.db</c> in <paramref name="directory"/> (created if missing).</summary>
    public static async Task<BenchPlatform> StartAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "platform.db");
        var connectionString = $"Data Source={file}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Benchmark" });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host-appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = directory,
            ["ConnectionStrings:Platform"] = connectionString,
            ["Platform:DemoMode"] = "false",
            ["Platform:ModulesFolder"] = Path.Combine(directory, "no-modules"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.AddKnowledgeRenewal();
        var app = builder.Build();
        await app.InitializeKnowledgeRenewalAsync().ConfigureAwait(false);
        return new BenchPlatform(app, connectionString, file);
    }

    /// <summary>Runs raw SQL returning one number.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
    }
}
