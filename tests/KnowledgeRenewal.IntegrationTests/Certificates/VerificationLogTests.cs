using System.Diagnostics;
using System.Net;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>
/// The verification log is written in batches off the request path (ADR 0020): a graceful stop writes every entry
/// still waiting; without a stop, entries are in the database about one flush interval after their verification, so
/// that much is the most a <c>kill -9</c> can lose — and each entry keeps its audit record.
/// </summary>
public sealed class VerificationLogTests(ITestOutputHelper output)
{
    private const int Verifications = 120;

    private const string CountLog = "SELECT COUNT(*) FROM \"CertificateVerifications\"";
    private const string CountAudit = "SELECT COUNT(*) FROM \"AuditRecords\" WHERE \"Action\" = 'data.create' AND \"EntityType\" = 'CertificateVerification' AND \"Details\" = 'count=1'";

    [Fact]
    public async Task A_graceful_stop_writes_every_entry_still_waiting()
    {
        // A flush interval far longer than the test: only the stop can write the entries.
        await using var platform = await TestPlatform.StartAsync(
            new Dictionary<string, string?>
            {
                ["Certificates:VerificationsPerMinute"] = "100000",
                ["Certificates:VerificationLogFlushMilliseconds"] = "600000",
                ["Certificates:VerificationLogBatch"] = "100000",
            },
            demoMode: false);

        await VerifyManyAsync(platform.Anonymous());
        Assert.Equal(0, await platform.Database.ScalarAsync(CountLog));

        await platform.Factory.DisposeAsync(); // the host's graceful stop (IHostedService.StopAsync)

        Assert.Equal(Verifications, await platform.Database.ScalarAsync(CountLog));
        Assert.Equal(Verifications, await platform.Database.ScalarAsync(CountAudit));
    }

    [Fact]
    public async Task Entries_are_committed_about_a_flush_interval_after_their_verification_so_kill_9_loses_no_more()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Certificates__VerificationsPerMinute"] = "100000";
        await using var host = HostProcess.Start(environment);
        using var ready = await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));

        // A freshly started Debug host on a busy machine may take longer than the readiness probe's 5 s to answer first.
        using var client = new HttpClient { BaseAddress = ready.BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        var before = await database.ScalarAsync(CountLog);

        await VerifyManyAsync(client);
        var answered = Stopwatch.StartNew();

        // Poll (no flush, no stop): the rows appear by themselves.
        var count = before;
        while (count - before < Verifications && answered.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            count = await database.ScalarAsync(CountLog);
        }

        output.WriteLine($"all {Verifications} entries committed {answered.ElapsedMilliseconds} ms after the last answer (flush interval 500 ms)");
        Assert.Equal(Verifications, count - before);

        await host.DisposeAsync(); // kill -9: what was committed stays
        Assert.Equal(Verifications, await database.ScalarAsync(CountLog) - before);
        Assert.Equal(Verifications, await database.ScalarAsync(CountAudit));
    }

    private static async Task VerifyManyAsync(HttpClient client)
    {
        using (client)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, Verifications), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, cancellationToken) =>
            {
                using var response = await client.GetAsync(new Uri($"/api/public/certificates/{VerificationCodes.Generate()}", UriKind.Relative), cancellationToken);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            });
        }
    }
}
