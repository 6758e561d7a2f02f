using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeRenewal.Benchmarks;

/// <summary>
/// OData at city scale (issue 17 item 2): the real platform served by Kestrel on loopback over a SQLite file with N
/// professionals and ~M credit records (the compliance benchmark's generator), then, side by side in one run and
/// interleaved request by request, the OData feed <c>/odata/CreditRecords</c> against a hand-written EF Core endpoint
/// (<c>/bench/credit-records</c>, mapped here) doing the same query through the same scoped <see cref="PlatformDbContext"/>:
/// a filtered first page of 50, the same with the total count, and a grouped sum — as a county administrator (scope:
/// one region, the data layer's filter) and as a feed client (<c>feeds.credits</c>: the whole city). Prints medians and
/// p95 per shape, the ratio OData / hand-written, the first page's median, and the SQLite query plans of the
/// statements the feed sent. Goal: median ratio ≤ 1.3 and the first page ≤ 100 ms (exit code 2 when missed).
/// </summary>
internal static class ODataBenchmark
{
    private const int Year = 2025;
    private const string CountyRegion = "370811";
    private const string Password = "Bench-Account-2023!";
    private const double RatioGoal = 1.3;
    private const double FirstPageGoalMs = 100;

    // The filter every shape shares: approved professional-subject hours of the year.
    private const string ODataFilter = "CreditYear eq 2025 and Status eq 'Approved' and Category eq 'Professional'";

    private static readonly Shape[] Shapes =
    [
        new("page", $"/odata/CreditRecords?$filter={ODataFilter}&$top=50", "/bench/credit-records?shape=page"),
        new("page+count", $"/odata/CreditRecords?$filter={ODataFilter}&$top=50&$count=true", "/bench/credit-records?shape=count"),
        new("groupby", $"/odata/CreditRecords?$apply=filter({ODataFilter})/groupby((RegionCode,Activity),aggregate(Hours with sum as Hours))", "/bench/credit-records?shape=groupby"),
    ];

    public static async Task<int> RunAsync(int people, int records, int rounds, string work, TextWriter output)
    {
        output.WriteLine($"KnowledgeRenewal OData benchmark — {people:N0} professionals, ~{records:N0} credit records, {rounds} rounds per shape, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var watch = Stopwatch.StartNew();
        using var commands = new CommandRecorder();
        await using var platform = await BenchPlatform.StartAsync(Path.Combine(work, "odata"), MapHandWritten).ConfigureAwait(false);
        var employers = await ComplianceBenchmark.EmployersAsync(platform.App.Services).ConfigureAwait(false);
        var written = await ComplianceBenchmark.GenerateAsync(platform.ConnectionString, employers, people, records).ConfigureAwait(false);
        await ExecuteAsync(platform.ConnectionString, "ANALYZE").ConfigureAwait(false);
        output.WriteLine($"generated {people:N0} professionals and {written:N0} credit records in {watch.Elapsed.TotalSeconds:F1} s ({new FileInfo(platform.File).Length / 1024.0 / 1024:F0} MB file); serving on {platform.Address}");

        using var http = new HttpClient { BaseAddress = platform.Address, Timeout = TimeSpan.FromMinutes(5) };
        var callers = new[]
        {
            new Caller($"county administrator ({CountyRegion})", await CountyAdminTokenAsync(platform, http).ConfigureAwait(false)),
            new Caller("feed client (feeds.credits)", await FeedClientTokenAsync(platform, http).ConfigureAwait(false)),
        };

        var met = true;
        output.WriteLine();
        output.WriteLine($"{"caller",-34} {"shape",-11} {"rows",6} {"OData p50",10} {"p95",8} {"EF p50",9} {"p95",8} {"ratio",6}");
        foreach (var caller in callers)
        {
            foreach (var shape in Shapes)
            {
                var result = await CompareAsync(http, caller, shape, rounds).ConfigureAwait(false);
                var ratio = result.OData.Median / result.HandWritten.Median;
                var firstPage = shape.Name == "page" && result.OData.Median > FirstPageGoalMs;
                met &= ratio <= RatioGoal && !firstPage;
                output.WriteLine($"{caller.Name,-34} {shape.Name,-11} {result.Rows,6} {result.OData.Median,8:F1}ms {result.OData.P95,6:F1}ms {result.HandWritten.Median,7:F1}ms {result.HandWritten.P95,6:F1}ms {ratio,6:F2}{(ratio > RatioGoal ? "  over " + RatioGoal.ToString("F1", CultureInfo.InvariantCulture) : "")}{(firstPage ? $"  first page over {FirstPageGoalMs} ms" : "")}");
            }
        }

        output.WriteLine();
        output.WriteLine("Query plans (SQLite EXPLAIN QUERY PLAN) of the credit-record statements each side sent, county administrator:");
        foreach (var shape in Shapes)
        {
            foreach (var (side, url) in new[] { ("OData", shape.OData), ("EF", shape.HandWritten) })
            {
                commands.Clear();
                await GetAsync(http, callers[0], url).ConfigureAwait(false);
                foreach (var command in commands.Taken().Where(c => c.Text.Contains("\"CreditRecords\"", StringComparison.Ordinal)))
                {
                    output.WriteLine($"  [{shape.Name}, {side}] {Summary(command.Text)}");
                    foreach (var line in await PlanAsync(platform, command).ConfigureAwait(false))
                    {
                        output.WriteLine("      plan: " + line);
                    }
                }
            }
        }

        output.WriteLine();
        output.WriteLine($"goal: OData median ≤ {RatioGoal:F1}× the hand-written endpoint for every shape and caller, first page ≤ {FirstPageGoalMs:F0} ms: {(met ? "met" : "NOT met")}");
        return met ? 0 : 2;
    }

    // The hand-written endpoint: the same query through the same scoped DbContext (the caller's scope filter applies).
    private static void MapHandWritten(WebApplication app) =>
        app.MapGet("/bench/credit-records", async (string shape, PlatformDbContext db, CancellationToken cancellationToken) =>
            {
                var matching = db.CreditRecords.AsNoTracking()
                    .Where(r => r.CreditYear == Year && r.Status == CreditRecordStatus.Approved && r.Category == CreditCategory.Professional);
                switch (shape)
                {
                    case "page":
                        return Results.Ok(new { value = await matching.OrderBy(r => r.Id).Take(50).ToListAsync(cancellationToken).ConfigureAwait(false) });
                    case "count":
                        var count = await matching.CountAsync(cancellationToken).ConfigureAwait(false);
                        return Results.Ok(new { count, value = await matching.OrderBy(r => r.Id).Take(50).ToListAsync(cancellationToken).ConfigureAwait(false) });
                    case "groupby":
                        return Results.Ok(new
                        {
                            value = await matching.GroupBy(r => new { r.RegionCode, r.Activity })
                                .Select(g => new { g.Key.RegionCode, g.Key.Activity, Hours = g.Sum(r => r.HoursDecimal) })
                                .ToListAsync(cancellationToken).ConfigureAwait(false),
                        });
                    default:
                        return Results.BadRequest();
                }
            })
            .WithMetadata(new RegistryReadersAttribute(FeedScopes.Credits));

    // Interleaved: each round sends the OData request and the hand-written one, alternating which goes first.
    private static async Task<Comparison> CompareAsync(HttpClient http, Caller caller, Shape shape, int rounds)
    {
        var rows = await GetAsync(http, caller, shape.OData).ConfigureAwait(false);
        var handRows = await GetAsync(http, caller, shape.HandWritten).ConfigureAwait(false);
        if (rows != handRows)
        {
            throw new InvalidOperationException($"{shape.Name} as {caller.Name}: the feed answered {rows} rows, the hand-written endpoint {handRows}");
        }

        var odata = new List<double>(rounds);
        var hand = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            if (i % 2 == 0)
            {
                odata.Add(await TimeAsync(http, caller, shape.OData).ConfigureAwait(false));
                hand.Add(await TimeAsync(http, caller, shape.HandWritten).ConfigureAwait(false));
            }
            else
            {
                hand.Add(await TimeAsync(http, caller, shape.HandWritten).ConfigureAwait(false));
                odata.Add(await TimeAsync(http, caller, shape.OData).ConfigureAwait(false));
            }
        }

        return new Comparison(rows, Stats.Of(odata), Stats.Of(hand));
    }

    private static async Task<double> TimeAsync(HttpClient http, Caller caller, string url)
    {
        var started = Stopwatch.GetTimestamp();
        await GetAsync(http, caller, url).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    // Sends one GET, reads the whole answer and returns its row count (fails on anything but 200).
    private static async Task<int> GetAsync(HttpClient http, Caller caller, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} as {caller.Name}: {(int)response.StatusCode} {body[..Math.Min(400, body.Length)]}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("value").GetArrayLength();
    }

    // A county administrator of the benchmark region, two factors enrolled as the role requires; a password grant.
    private static async Task<string> CountyAdminTokenAsync(BenchPlatform platform, HttpClient http)
    {
        string? key;
        using (SystemScope.Enter())
        {
            await using var scope = platform.App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var bureau = await db.Organizations.SingleAsync(o => o.Type == OrganizationType.CountyBureau && o.RegionCode == CountyRegion).ConfigureAwait(false);
            var user = new PlatformUser { UserName = "bench.county", DisplayName = "基准测试县管理员", OrganizationId = bureau.Id, PasswordChangedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow };
            Check(await users.CreateAsync(user, Password).ConfigureAwait(false));
            Check(await users.AddToRoleAsync(user, PlatformRoles.CountyAdmin).ConfigureAwait(false));
            Check(await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false));
            key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            Check(await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false));
        }

        return await TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "bench.county",
            ["password"] = Password,
            ["totp_code"] = AuthenticatorCode.Compute(key!, DateTimeOffset.UtcNow),
        }).ConfigureAwait(false);
    }

    // A confidential client with feeds.credits, registered as the security administrator's use case does; client credentials.
    private static async Task<string> FeedClientTokenAsync(BenchPlatform platform, HttpClient http)
    {
        const string secret = "bench-feed-client-secret-0123456789";
        using (SystemScope.Enter())
        {
            await using var scope = platform.App.Services.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var descriptor = new OpenIddictApplicationDescriptor { ClientId = "bench.feed", ClientSecret = secret, ClientType = ClientTypes.Confidential, DisplayName = "基准测试接口客户端" };
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + FeedScopes.Credits]);
            await applications.CreateAsync(descriptor).ConfigureAwait(false);
        }

        return await TokenAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "bench.feed",
            ["client_secret"] = secret,
            ["scope"] = FeedScopes.Credits,
        }).ConfigureAwait(false);
    }

    private static async Task<string> TokenAsync(HttpClient http, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"token ({form["grant_type"]}): {(int)response.StatusCode} {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("access_token").GetString()!;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Description)));
        }
    }

    // SQLite's plan for a captured statement, with its parameters bound as they were — on the platform's own connection,
    // which has EF Core's functions (ef_sum, …) registered.
    private static async Task<IReadOnlyList<string>> PlanAsync(BenchPlatform platform, RecordedCommand recorded)
    {
        using var system = SystemScope.Enter();
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + recorded.Text;
        foreach (var (name, value) in recorded.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static string Summary(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return flat.Length <= 400 ? flat : flat[..200] + " … " + flat[^200..];
    }

    private sealed record Shape(string Name, string OData, string HandWritten);

    private sealed record Caller(string Name, string Token);

    private sealed record Comparison(int Rows, Stats OData, Stats HandWritten);

    private sealed record Stats(double Median, double P95)
    {
        public static Stats Of(List<double> samples)
        {
            var sorted = samples.Order().ToArray();
            return new Stats(sorted[sorted.Length / 2], sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.95) - 1)]);
        }
    }

    private sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Records the SQL commands EF Core sends (its diagnostic events), to explain the feed's statements.</summary>
    private sealed class CommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];
        private readonly List<RecordedCommand> recorded = [];
        private readonly Lock gate = new();

        public CommandRecorder() => subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public void Clear()
        {
            lock (gate)
            {
                recorded.Clear();
            }
        }

        public IReadOnlyList<RecordedCommand> Taken()
        {
            lock (gate)
            {
                return [.. recorded];
            }
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (gate)
                {
                    subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
            {
                var parameters = data.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
                lock (gate)
                {
                    recorded.Add(new RecordedCommand(data.Command.CommandText, parameters));
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (gate)
            {
                subscriptions.ForEach(s => s.Dispose());
                subscriptions.Clear();
            }
        }
    }
}
