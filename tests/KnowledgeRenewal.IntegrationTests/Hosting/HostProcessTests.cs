using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Modules;

namespace KnowledgeRenewal.IntegrationTests.Hosting;

/// <summary>The host as operators run it: configured by environment variables, refusing to start on bad setups.</summary>
public sealed class HostProcessTests
{
    [Fact]
    public async Task Environment_variable_switches_a_module_off_and_on()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = HostProcess.EnvironmentFor(database);

        environment["Modules__health__Enabled"] = "false";
        await using (var off = HostProcess.Start(environment))
        {
            using var client = await off.WaitUntilReadyAsync();
            Assert.Equal(["education", "transport"], (await client.GetJsonAsync("/api/modules")).Strings("key"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/odata/health/$metadata", UriKind.Relative))).StatusCode);
        }

        environment["Modules__health__Enabled"] = "true";
        await using var on = HostProcess.Start(environment);
        using var again = await on.WaitUntilReadyAsync();
        Assert.Equal(["education", "health", "transport"], (await again.GetJsonAsync("/api/modules")).Strings("key"));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/odata/health/$metadata", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Module_present_but_not_configured_stops_startup_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Platform__ModulesFolder"] = DropInModuleTests.DropInFolder;

        await using var host = HostProcess.Start(environment);

        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("Module 'water'", host.Output, StringComparison.Ordinal);
        Assert.Contains("Set Modules:water:Enabled to true or false", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_configured_module_stops_startup()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Modules__forestry__Enabled"] = "true";

        await using var host = HostProcess.Start(environment);

        Assert.Equal(1, await host.WaitForExitAsync());
        Assert.Contains("no module with key 'forestry'", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_migrate_on_startup_an_empty_database_is_refused_until_the_migrate_command_runs()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Database__MigrateOnStartup"] = "false";

        await using (var refused = HostProcess.Start(environment))
        {
            Assert.Equal(1, await refused.WaitForExitAsync());
            Assert.Contains("is not migrated", refused.Output, StringComparison.Ordinal);
            Assert.Contains("-- migrate", refused.Output, StringComparison.Ordinal);
        }

        await using (var migrate = HostProcess.Start(environment, "migrate"))
        {
            Assert.Equal(0, await migrate.WaitForExitAsync());
        }

        await using var started = HostProcess.Start(environment);
        using var client = await started.WaitUntilReadyAsync();
        Assert.Equal(3, (await client.GetJsonAsync("/api/modules")).GetArrayLength());
    }
}
