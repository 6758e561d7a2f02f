using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.UseCases.Catalog;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Host.Commands;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Host.Composition;

// `dotnet run --project src/KnowledgeRenewal.Host`            runs the platform (SQLite + demo data on http://localhost:5080)
// `dotnet run --project src/KnowledgeRenewal.Host -- migrate` applies pending migrations for the configured provider and exits
// `dotnet run --project src/KnowledgeRenewal.Host -- bootstrap-admin --role system-admin --username NAME` creates the first
//   account of a separated administrator role with a one-time password (see README)
// `dotnet run --project src/KnowledgeRenewal.Host -- recompute-compliance --year 2025` recomputes compliance in bulk and exits
// `dotnet run --project src/KnowledgeRenewal.Host -- backup --to FILE.zip` takes an online backup (SQLite) of the database and keys
// `dotnet run --project src/KnowledgeRenewal.Host -- restore --from FILE.zip [--to FOLDER] [--force]` restores one and verifies it
var migrate = args.Length > 0 && args[0] == "migrate";
var bootstrap = args.Length > 0 && args[0] == BootstrapAdminCommand.Name;
var recompute = args.Length > 0 && args[0] == RecomputeComplianceCommand.Name;
var backup = args.Length > 0 && args[0] == BackupCommand.Name;
var restore = args.Length > 0 && args[0] == RestoreCommand.Name;
try
{
    var builder = WebApplication.CreateBuilder(
        migrate ? args[1..]
        : bootstrap ? BootstrapAdminCommand.HostArguments(args[1..])
        : recompute ? RecomputeComplianceCommand.HostArguments(args[1..])
        : backup ? BackupCommand.HostArguments(args[1..])
        : restore ? RestoreCommand.HostArguments(args[1..])
        : args);
    builder.AddKnowledgeRenewal();
    var app = builder.Build();
    if (migrate)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        return 0;
    }

    if (bootstrap)
    {
        return await BootstrapAdminCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None);
    }

    if (recompute)
    {
        return await RecomputeComplianceCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None);
    }

    if (backup)
    {
        return await BackupCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None);
    }

    if (restore)
    {
        return await RestoreCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error, CancellationToken.None);
    }

    // The database gets ready (migrations, reference data, catalogs, demo data) while the request pipeline, the OData
    // models and every endpoint are built: both are CPU-bound and independent; nothing is served before both are done.
    var initialization = Task.Run(app.InitializeKnowledgeRenewalAsync);
    try
    {
        app.UseKnowledgeRenewal();
        app.WarmUpEndpoints();
    }
    finally
    {
        await initialization;
    }

    await app.RunAsync();
    return 0;
}
catch (PlatformConfigurationException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 1;
}

/// <summary>The host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
