using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.IntegrationTests.Browser;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Xunit.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>
/// <c>kill -9</c> of the host (a separate process, as operators run it) in the middle of a bulk recomputation of the
/// whole demo city (ADR 0034): after a restart on the same data folder the stored job is resumed from the start and
/// succeeds, the audit chain verifies, and recomputing once more changes nothing — no person was left half-written.
/// </summary>
public sealed class RecomputeCrashTests(ITestOutputHelper output)
{
    // SELECT <what> of the job's row.
    private static string Job(string what, string key) => $"SELECT {what} FROM \"RecomputeJobs\" WHERE \"Id\" = '{key}'";

    [Fact]
    public async Task Recompute_jobs_survive_kill_9_during_a_bulk_recompute_of_the_whole_city()
    {
        await using var database = await TestDatabase.CreateAsync();
        database.UseDemoTemplate();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Compliance__Recompute__ChunkSize"] = "10"; // many small transactions: a kill lands between and inside them
        environment["Compliance__Recompute__LeaseSeconds"] = "3";
        environment["Compliance__Recompute__PollSeconds"] = "1";
        var auditBefore = await database.ScalarAsync("SELECT COUNT(*) FROM \"AuditRecords\"");

        Guid id;
        await using (var first = HostProcess.Start(environment))
        {
            using var ready = await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            using var office = await SignedInAsync(ready.BaseAddress!, DemoAccounts.All.Single(a => a.Role == PlatformRoles.ProgramOfficeAdmin).UserName);
            using var started = await office.PostAsync(new Uri("/api/compliance/recompute", UriKind.Relative), null);
            var job = await started.ReadJsonAsync(HttpStatusCode.Accepted, "start the recomputation of the whole city");
            Assert.Null(job.GetProperty("module").GetString());
            id = job.GetProperty("id").GetGuid();

            // Kill when the stored progress says it is running and part-way (the heartbeat stores it every second).
            var watch = Stopwatch.StartNew();
            long processed = 0, total = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(180))
            {
                processed = await database.ScalarAsync(Job("\"Processed\"", Key(id)));
                total = await database.ScalarAsync(Job("\"Total\"", Key(id)));
                if (processed > 0 && processed < total)
                {
                    break;
                }

                Assert.Equal(0, await database.ScalarAsync(Job("COUNT(*)", Key(id)) + " AND \"Status\" IN ('Completed', 'Failed')"));
                await Task.Delay(20);
            }

            output.WriteLine($"killed at {processed} of {total} person-cycles, {watch.Elapsed.TotalSeconds:F1} s after the start");
            Assert.True(processed > 0 && processed < total, $"the recomputation was not caught part-way ({processed} of {total})");
        } // kill -9 (Process.Kill: SIGKILL, no graceful stop)

        Assert.Equal(1, await database.ScalarAsync(Job("COUNT(*)", Key(id)) + " AND \"Status\" = 'Running'"));

        await using var second = HostProcess.Start(environment);
        using var again = await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        using var client = await SignedInAsync(again.BaseAddress!, DemoAccounts.All.Single(a => a.Role == PlatformRoles.ProgramOfficeAdmin).UserName);
        var resumed = await WaitAsync(client, id);
        output.WriteLine(resumed.ToString());
        Assert.Equal("Completed", resumed.GetProperty("status").GetString());
        Assert.Equal(2, resumed.GetProperty("attempts").GetInt32());
        Assert.Equal(resumed.GetProperty("total").GetInt32(), resumed.GetProperty("processed").GetInt32());
        Assert.True(resumed.GetProperty("total").GetInt32() > 1000, "the whole city was recomputed");

        // The audit chain (the recomputation's chunk summaries among its records) verifies.
        using (var auditor = await SignedInAsync(again.BaseAddress!, DemoAccounts.All.Single(a => a.Role == PlatformRoles.AuditAdmin).UserName))
        {
            var chain = await auditor.GetJsonAsync("/api/audit/verify");
            Assert.True(chain.GetProperty("isIntact").GetBoolean(), chain.ToString());
            Assert.True(chain.GetProperty("recordsChecked").GetInt64() > auditBefore);
        }

        // Nothing was left half-written: recomputing the same cycle once more finds every row right.
        using var check = await client.PostAsync(new Uri("/api/compliance/recompute", UriKind.Relative), null);
        var checkJob = await check.ReadJsonAsync(HttpStatusCode.Accepted, "recompute once more");
        var checkedJob = await WaitAsync(client, checkJob.GetProperty("id").GetGuid());
        Assert.Equal("Completed", checkedJob.GetProperty("status").GetString());
        Assert.Equal((0, 0, 0), (checkedJob.GetProperty("inserted").GetInt32(), checkedJob.GetProperty("updated").GetInt32(), checkedJob.GetProperty("deleted").GetInt32()));
        Assert.Equal(resumed.GetProperty("evaluated").GetInt32(), checkedJob.GetProperty("unchanged").GetInt32());
    }

    // How the provider stores a GUID (SQLite: upper-case text).
    private static string Key(Guid id) => TestDatabase.UsesPostgres ? id.ToString() : id.ToString().ToUpperInvariant();

    private static async Task<JsonElement> WaitAsync(HttpClient client, Guid id)
    {
        var job = await client.GetJsonAsync($"/api/compliance/recompute/{id}?wait=60");
        for (var i = 0; i < 5 && job.GetProperty("status").GetString() is "Queued" or "Running"; i++)
        {
            job = await client.GetJsonAsync($"/api/compliance/recompute/{id}?wait=60");
        }

        return job;
    }

    // A client of the host process with a bearer token of a demo account (an unused two-factor code when it needs one).
    private static async Task<HttpClient> SignedInAsync(Uri address, string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
        var code = account.AuthenticatorKey is null ? null : await BrowserHost.UnusedCodeAsync(userName);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(userName, DemoAccounts.Password, code));
        var token = await response.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, $"token for {userName}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
