using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using Xunit;

namespace KnowledgeRenewal.Sdk.Conformance;

/// <summary>
/// The two hosts a module's conformance tests share (an xunit class fixture): one with the module enabled, one with
/// it disabled. Every other module the host ships stays enabled, except another module of the same department
/// (a deployment enables one module per department). Hosts start on first use, so the checks that need no host do
/// not wait for them, and a host that refuses to start fails only the tests that need it — with the platform's message.
/// </summary>
/// <typeparam name="TModule">The module under test.</typeparam>
public sealed class ModuleHosts<TModule> : IAsyncLifetime
    where TModule : DepartmentModule, new()
{
    private readonly Lazy<Task<ConformanceHost>> enabled;
    private readonly Lazy<Task<ConformanceHost>> disabled;

    /// <summary>Prepares (does not start) the two hosts.</summary>
    public ModuleHosts()
    {
        enabled = new(() => ConformanceHost.StartAsync(Switches(on: true)));
        disabled = new(() => ConformanceHost.StartAsync(Switches(on: false)));
    }

    /// <summary>The module's key.</summary>
    public string Key { get; } = new TModule().Manifest.Key;

    /// <summary>The host with the module enabled; throws <see cref="StartFailedException"/> when the platform refuses to start.</summary>
    public Task<ConformanceHost> EnabledAsync() => StartedAsync(enabled, "enabled");

    /// <summary>The host with the module disabled; throws <see cref="StartFailedException"/> when the platform refuses to start.</summary>
    public Task<ConformanceHost> DisabledAsync() => StartedAsync(disabled, "disabled");

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var host in new[] { enabled, disabled }.Where(h => h.IsValueCreated))
        {
            try
            {
                await (await host.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (PlatformConfigurationException)
            {
                // It never started; its test already failed with the message.
            }
        }
    }

    private static async Task<ConformanceHost> StartedAsync(Lazy<Task<ConformanceHost>> host, string state)
    {
        try
        {
            return await host.Value.ConfigureAwait(false);
        }
        catch (PlatformConfigurationException exception)
        {
            throw new StartFailedException(state, exception);
        }
    }

    private static Dictionary<string, bool> Switches(bool on)
    {
        var module = new TModule();
        var switches = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var other in ModuleConformance.DiscoveredByHost.Select(d => d.Module).Where(m => m.GetType() != typeof(TModule)))
        {
            switches[other.Manifest.Key] = other.Manifest.DepartmentCode != module.Manifest.DepartmentCode;
        }

        switches[module.Manifest.Key] = on;
        return switches;
    }
}

/// <summary>The platform refused to start with the module in a given state; the message is the platform's, with its fixes.</summary>
public sealed class StartFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StartFailedException(string state, PlatformConfigurationException inner)
        : base($"The platform does not start with the module {state} (平台无法在模块{(state == "enabled" ? "启用" : "停用")}时启动):{Environment.NewLine}{inner?.Message}", inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StartFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StartFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StartFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
