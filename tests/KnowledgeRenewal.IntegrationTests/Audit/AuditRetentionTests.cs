using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KnowledgeRenewal.IntegrationTests.Audit;

/// <summary>The retention purge, on an injected clock: only records past the retention go, never one younger than 180 days.</summary>
public sealed class AuditRetentionTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_purge_removes_records_past_the_retention_and_the_chain_still_verifies()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await AuditHost.StartAsync(
            new Dictionary<string, string?> { ["Audit:RetentionDays"] = "365" },
            services => services.AddSingleton<TimeProvider>(clock));
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "old.one"));
        clock.Advance(TimeSpan.FromDays(300));
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "recent.one"));
        var lastOld = (await host.RecordsAsync()).Single(r => r.UserName == "old.one").Sequence;
        var startUp = (await host.RecordsAsync()).Count(r => r.Sequence <= lastOld);
        clock.Advance(TimeSpan.FromDays(100)); // now: start + 400 days; cutoff: start + 35 days

        var result = await host.InScopeAsync(sp => sp.GetRequiredService<AuditPurger>().PurgeAsync(CancellationToken.None));

        Assert.Equal(365, result.RetentionDays);
        Assert.Equal(startUp, result.Purged);
        Assert.Equal(1, result.FromSequence);
        Assert.Equal(lastOld, result.ToSequence);
        Assert.Equal((clock.GetUtcNow() - TimeSpan.FromDays(365)).UtcDateTime, result.Cutoff);
        var remaining = await host.RecordsAsync();
        Assert.Equal(["recent.one", "system"], remaining.Select(r => r.UserName));
        Assert.Equal(AuditActions.AuditPurged, remaining[^1].Action);
        Assert.Contains($"count={startUp}; range=1-{lastOld}", remaining[^1].Details, StringComparison.Ordinal);
        var head = await host.HeadAsync();
        Assert.Equal(lastOld, head.AnchorSequence);
        var verification = await host.CheckAsync();
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(2, verification.RecordsChecked);

        // Nothing more is due: the next purge removes nothing and says so.
        var again = await host.InScopeAsync(sp => sp.GetRequiredService<AuditPurger>().PurgeAsync(CancellationToken.None));
        Assert.Equal(0, again.Purged);
        Assert.Null(again.ToSequence);
        Assert.Contains("count=0; range=none", (await host.RecordsAsync())[^1].Details, StringComparison.Ordinal);
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task Records_younger_than_180_days_are_kept_even_when_the_retention_is_set_lower()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await AuditHost.StartAsync(services: services => services.AddSingleton<TimeProvider>(clock));
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "day.0"));
        clock.Advance(TimeSpan.FromDays(100));
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "day.100"));
        clock.Advance(TimeSpan.FromDays(179));
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "day.279"));
        clock.Advance(TimeSpan.FromDays(60)); // now: day 339; "day.100" is 239 days old, "day.279" 60 days

        // A purge configured (past the start-up check) for 30 days still keeps 180.
        var result = await host.InScopeAsync(sp =>
            ActivatorUtilities.CreateInstance<AuditPurger>(sp, Options.Create(new AuditOptions { RetentionDays = 30 })).PurgeAsync(CancellationToken.None));

        Assert.Equal(AuditOptions.MinimumRetentionDays, result.RetentionDays);
        var remaining = await host.RecordsAsync();
        Assert.DoesNotContain(remaining, r => r.UserName is "day.0" or "day.100");
        Assert.Contains(remaining, r => r.UserName == "day.279");
        var now = clock.GetUtcNow().UtcDateTime;
        Assert.All(remaining, r => Assert.True(r.OccurredAt >= now.AddDays(-180), $"record {r.Sequence} of {r.OccurredAt:O} is older than 180 days"));
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task A_record_exactly_as_old_as_the_retention_is_kept()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await AuditHost.StartAsync(services: services => services.AddSingleton<TimeProvider>(clock));
        clock.Advance(TimeSpan.FromDays(10));
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "edge"));
        clock.Advance(TimeSpan.FromDays(180));

        var result = await host.InScopeAsync(sp => sp.GetRequiredService<AuditPurger>().PurgeAsync(CancellationToken.None));

        Assert.True(result.Purged > 0); // the start-up records, 190 days old
        Assert.Contains(await host.RecordsAsync(), r => r.UserName == "edge");
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public void A_retention_below_180_days_is_refused_when_the_services_are_composed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:RetentionDays"] = "30" }).Build();

        var refused = Assert.Throws<PlatformConfigurationException>(() => new ServiceCollection().AddPlatformAudit(configuration));

        Assert.Contains("Audit:RetentionDays is 30", refused.Message, StringComparison.Ordinal);
        Assert.Contains("at least 180 days", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void An_invalid_chain_key_is_refused_when_the_services_are_composed(string key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:ChainKey"] = key }).Build();

        var refused = Assert.Throws<PlatformConfigurationException>(() => new ServiceCollection().AddPlatformAudit(configuration));

        Assert.Contains("Audit:ChainKey", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_a_retention_below_180_days()
    {
        await using var database = await TestDatabase.CreateAsync();
        var environment = HostProcess.EnvironmentFor(database);
        environment["Audit__RetentionDays"] = "90";

        await using var refused = HostProcess.Start(environment);

        Assert.Equal(1, await refused.WaitForExitAsync());
        Assert.Contains("Audit:RetentionDays is 90", refused.Output, StringComparison.Ordinal);
    }
}
