using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Host.Composition;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Sdk.Conformance;

/// <summary>
/// The real platform, composed exactly as the host composes it, on a fresh SQLite file of its own and an in-memory
/// test server, with every module switched as given. No demo data: the module's catalog and rules are all there is.
/// </summary>
public sealed class ConformanceHost : IAsyncDisposable
{
    private readonly string directory;

    private ConformanceHost(WebApplication app, string directory)
    {
        App = app;
        this.directory = directory;
        Client = app.GetTestClient();
    }

    /// <summary>The running application (its services, its endpoints).</summary>
    public WebApplication App { get; }

    /// <summary>An anonymous client of the application.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Starts the platform with <paramref name="switches"/> (module key → enabled). Throws the platform's own
    /// start-up error (<see cref="KnowledgeRenewal.Kernel.PlatformConfigurationException"/>, which says what to fix) when it refuses to start.
    /// </summary>
    public static async Task<ConformanceHost> StartAsync(IReadOnlyDictionary<string, bool> switches)
    {
        ArgumentNullException.ThrowIfNull(switches);
        var directory = Path.Combine(Path.GetTempPath(), "kr-conformance", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = directory,
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:Platform"] = $"Data Source={Path.Combine(directory, "platform.db")}",
            ["Platform:DemoMode"] = "false",
            ["Platform:ModulesFolder"] = Path.Combine(directory, "no-modules"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:KnowledgeRenewal"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, enabled) in switches)
        {
            settings[$"{ModuleComposition.Section}:{key}:Enabled"] = enabled ? "true" : "false";
        }

        // The host's application name makes MVC find its controllers and pages as the real host does.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PlatformComposition).Assembly.GetName().Name,
            ContentRootPath = directory,
            EnvironmentName = "Conformance",
        });
        var hostSettings = Path.Combine(AppContext.BaseDirectory, "host-appsettings.json");
        if (File.Exists(hostSettings))
        {
            builder.Configuration.AddJsonFile(hostSettings, optional: false);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseTestServer();
        builder.AddKnowledgeRenewal();
        var app = builder.Build();
        try
        {
            await app.InitializeKnowledgeRenewalAsync().ConfigureAwait(false);
            app.UseKnowledgeRenewal();
            await app.StartAsync().ConfigureAwait(false);
            return new ConformanceHost(app, directory);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment; the temp folder is cleaned later.
        }
    }
}
