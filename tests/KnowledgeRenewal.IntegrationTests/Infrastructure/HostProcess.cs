using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// The real host as a separate process, configured only through environment variables — as an operator runs it.
/// Used where in-process hosting would hide something: environment-variable toggles, start-up refusals, commands.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private bool disposed;

    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The host's build output next to the test build (same configuration).</summary>
    public static string HostDirectory
    {
        get
        {
            var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testDirectory.Name;
            var configuration = testDirectory.Parent!.Name;
            var root = testDirectory;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "KnowledgeRenewal.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root!.FullName, "src", "KnowledgeRenewal.Host", "bin", configuration, framework);
        }
    }

    /// <summary>Starts <c>dotnet KnowledgeRenewal.Host.dll [arguments]</c> with the given environment.</summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = HostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("KnowledgeRenewal.Host.dll");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Environment variables that point the host at a test database.</summary>
    public static Dictionary<string, string?> EnvironmentFor(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200; fails with the host's output if it exits or times out.</summary>
    public async Task<HttpClient> WaitUntilReadyAsync(TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"host exited with {(process.HasExited ? process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return client;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // listening, but still initializing (migrations on a loaded machine): one probe timed out, try again
            }

            await Task.Delay(50);
        }

        client.Dispose();
        Assert.Fail($"host not ready in time:\n{Output}");
        return null!;
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cancel.Token);
        process.WaitForExit();
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
