using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Modules.Health.CmeProjects;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Audit;

/// <summary>Concurrent writers append one after another: the chain stays gap-free and verifies.</summary>
public sealed class AuditConcurrencyTests
{
    [Fact]
    public async Task Parallel_writers_through_the_audit_trail_produce_a_gap_free_chain()
    {
        await using var host = await AuditHost.StartAsync();
        var before = await host.HeadAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: $"writer{writer}.{i}"));
            }
        })));

        var head = await host.HeadAsync();
        var records = await host.RecordsAsync();
        Assert.Equal(before.LastSequence + 160, head.LastSequence);
        Assert.Equal(160, records.Count(r => r.UserName?.StartsWith("writer", StringComparison.Ordinal) == true));
        Assert.Equal(Enumerable.Range(1, (int)head.LastSequence).Select(i => (long)i), records.Select(r => r.Sequence));
        var verification = await host.CheckAsync();
        Assert.True(verification.IsIntact, verification.Reason);
    }

    [Fact]
    public async Task Business_saves_and_audit_trail_writes_in_parallel_share_one_chain()
    {
        await using var host = await AuditHost.StartAsync();
        var before = await host.HeadAsync();

        var saves = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await host.InScopeAsync(async sp =>
                {
                    var db = sp.GetRequiredService<HealthDbContext>();
                    db.CmeProjects.Add(AuditedWritesTests.Project($"并发-{writer}-{i}"));
                    await db.SaveChangesAsync();
                });
            }
        }));
        var events = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await host.RecordAsync(new AuditEvent(AuditActions.DataExported, Details: $"writer={writer}; i={i}"));
            }
        }));
        await Task.WhenAll(saves.Concat(events));

        var head = await host.HeadAsync();
        var records = await host.RecordsAsync();
        Assert.Equal(before.LastSequence + 80, head.LastSequence);
        Assert.Equal(40, records.Count(r => r.EntityType == nameof(CmeProject)));
        var verification = await host.CheckAsync();
        Assert.True(verification.IsIntact, verification.Reason);
    }
}
