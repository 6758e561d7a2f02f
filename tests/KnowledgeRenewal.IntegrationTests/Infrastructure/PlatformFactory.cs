using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// The real host over a <see cref="TestDatabase"/>. Settings go in with UseSetting because module discovery and
/// the provider are read before the host is built. Every SQL command the platform context runs is logged. A demo-mode
/// host on a fresh database starts from a copy of the run's seeded demo city (see <see cref="TestDatabase.UseDemoTemplate"/>).
/// <paramref name="testServices"/> changes the host's services after the platform has registered its own (e.g. a
/// recording handler added, a service replaced).
/// </summary>
public sealed class PlatformFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null) : WebApplicationFactory<Program>
{
    public SqlLog Sql { get; } = new();

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Platform:DemoMode", "true");
        builder.UseSetting("Platform:ModulesFolder", Path.Combine(AppContext.BaseDirectory, "no-modules-here"));
        builder.UseSetting("Supervision:Scheduler:Enabled", "false"); // reminders run through the API; the scheduler's own tests switch it on
        builder.UseSetting("EventPush:Enabled", "false"); // its polling would count in the SQL budgets; the event push tests switch it on
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        var demoMode = settings is null || !settings.TryGetValue("Platform:DemoMode", out var demo) || !string.Equals(demo, "false", StringComparison.OrdinalIgnoreCase);
        if (demoMode)
        {
            database.UseDemoTemplate();
        }

        builder.ConfigureServices(services =>
            services.ConfigureDbContext<PlatformDbContext>(options => options.AddInterceptors(Sql)));
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }
}
