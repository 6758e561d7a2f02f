using KnowledgeRenewal.Core;
using KnowledgeRenewal.Data.Seeding;
using KnowledgeRenewal.Host.Composition;

// `dotnet run --project src/KnowledgeRenewal.Host`            runs the platform (SQLite + demo data on http://localhost:5080)
// `dotnet run --project src/KnowledgeRenewal.Host -- migrate` applies pending migrations for the configured provider and exits
var migrate = args.Length > 0 && args[0] == "migrate";
try
{
    var builder = WebApplication.CreateBuilder(migrate ? args[1..] : args);
    builder.AddKnowledgeRenewal();
    var app = builder.Build();
    if (migrate)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        return 0;
    }

    await app.InitializeKnowledgeRenewalAsync();
    app.UseKnowledgeRenewal();
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
