using System.Globalization;
using KnowledgeRenewal.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Benchmarks;

/// <summary>
/// The real platform on a fresh SQLite file of its own: migrated, reference data seeded, no demo data; with
/// <c>serve</c>, also its whole request pipeline on a loopback port (<see cref="Address"/>).
/// </summary>
internal sealed class BenchPlatform(WebApplication app, string connectionString, string file) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    /// <summary>Where the platform serves (only when started with <c>serve</c>).</summary>
    public Uri? Address { get; private init; }

    public string ConnectionString { get; } = connectionString;

    /// <summary>The database file.</summary>
    public string File { get; } = file;

    /// <summary>
    /// Starts the platform on <c>platform.db</c> in <paramref name="directory"/> (created if missing); with
    /// <paramref name="serve"/>, serves the platform's pipeline plus what <paramref name="serve"/> maps on a free
    /// loopback port.
    /// </summary>
    public static async Task<BenchPlatform> StartAsync(string directory, Action<WebApplication>? serve = null)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "platform.db");
        var connectionString = $"Data Source={file}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Benchmark", ApplicationName = typeof(PlatformComposition).Assembly.GetName().Name });
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
        if (serve is not null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        var app = builder.Build();
        await app.InitializeKnowledgeRenewalAsync().ConfigureAwait(false);
        if (serve is null)
        {
            return new BenchPlatform(app, connectionString, file);
        }

        app.UseKnowledgeRenewal();
        serve(app);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BenchPlatform(app, connectionString, file) { Address = new Uri(address) };
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
        if (Address is not null)
        {
            // Served: stop the server and the background services (the scheduler among them) before the file goes.
            await App.StopAsync().ConfigureAwait(false);
        }

        await App.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
    }
}
