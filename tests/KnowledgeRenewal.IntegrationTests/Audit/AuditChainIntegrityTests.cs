using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Audit;

/// <summary>Records written through the audit trail verify; editing or deleting one in the database is found.</summary>
public sealed class AuditChainIntegrityTests
{
    [Fact]
    public async Task Records_written_through_the_audit_trail_verify()
    {
        await using var host = await AuditHost.StartAsync();
        var before = await host.HeadAsync();

        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, AuditOutcome.Failure, UserName: "wang.fang", Details: "reason=invalid_credentials"));
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "wang.fang"));
        await host.RecordAsync(new AuditEvent(AuditActions.DataExported, EntityType: "Organization", EntityKey: "370811", Details: "format=xlsx; rows=12"));

        var head = await host.HeadAsync();
        var records = await host.RecordsAsync();
        var written = records.Where(r => r.Sequence > before.LastSequence).ToList();
        Assert.Equal([before.LastSequence + 1, before.LastSequence + 2, before.LastSequence + 3], written.Select(r => r.Sequence));
        Assert.Equal(head.LastSequence, records[^1].Sequence);
        Assert.Equal(head.LastHash, records[^1].Hash);
        Assert.Equal(AuditOutcome.Failure, written[0].Outcome);
        Assert.Equal("wang.fang", written[0].UserName);          // the attempted account, though nobody is signed in
        Assert.Equal(written[0].Hash, written[1].PreviousHash);
        Assert.Equal(AuditActions.DataExported, written[2].Action);
        Assert.Equal("370811", written[2].EntityKey);
        Assert.All(written, r => Assert.Equal(0, r.OccurredAt.Ticks % 10)); // microsecond precision, stored exactly

        var verification = await host.CheckAsync();
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(head.LastSequence - head.AnchorSequence, verification.RecordsChecked);
    }

    [Fact]
    public async Task Start_up_writes_are_audited_and_the_chain_verifies()
    {
        await using var host = await AuditHost.StartAsync();

        var records = await host.RecordsAsync();

        // Reference data and catalogs written at start-up by the platform itself.
        Assert.Contains(records, r => r is { Action: AuditActions.DataCreated, EntityType: "Subject", UserName: "system" });
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task Editing_a_record_in_the_database_is_reported_at_its_sequence()
    {
        await using var host = await AuditHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await host.RecordAsync(new AuditEvent(AuditActions.RolesChanged, EntityType: "PlatformUser", EntityKey: $"user-{i}", Details: "added=county-admin"));
        }

        var target = (await host.RecordsAsync())[^3].Sequence;
        var changed = await host.ExecuteSqlAsync($"UPDATE \"AuditRecords\" SET \"Details\" = 'added=program-office-admin' WHERE \"Sequence\" = {target}");

        Assert.Equal(1, changed);
        var verification = await host.CheckAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(target, verification.BrokenAtSequence);
        Assert.Contains("altered", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_time_of_a_record_is_reported()
    {
        await using var host = await AuditHost.StartAsync();
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "li.na"));
        await host.RecordAsync(new AuditEvent(AuditActions.SignOut, UserName: "li.na"));
        var target = (await host.RecordsAsync())[^2];

        // Rewrite the instant through EF's own formatting for the provider, one day earlier.
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE \"AuditRecords\" SET \"OccurredAt\" = {target.OccurredAt.AddDays(-1)} WHERE \"Sequence\" = {target.Sequence}");
        });

        var verification = await host.CheckAsync();
        Assert.Equal(target.Sequence, verification.BrokenAtSequence);
    }

    [Fact]
    public async Task Deleting_a_middle_record_in_the_database_is_detected()
    {
        await using var host = await AuditHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await host.RecordAsync(new AuditEvent(AuditActions.AccountDisabled, EntityType: "PlatformUser", EntityKey: $"user-{i}"));
        }

        var target = (await host.RecordsAsync())[^3].Sequence;
        await host.ExecuteSqlAsync($"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {target}");

        var verification = await host.CheckAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(target + 1, verification.BrokenAtSequence); // the record after the gap
        Assert.Contains("missing", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_newest_record_in_the_database_is_detected()
    {
        await using var host = await AuditHost.StartAsync();
        await host.RecordAsync(new AuditEvent(AuditActions.AccountCreated, EntityType: "PlatformUser", EntityKey: "user-1"));
        await host.RecordAsync(new AuditEvent(AuditActions.AccountDisabled, EntityType: "PlatformUser", EntityKey: "user-1"));
        var newest = (await host.HeadAsync()).LastSequence;

        await host.ExecuteSqlAsync($"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {newest}");

        var verification = await host.CheckAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(newest, verification.BrokenAtSequence);
        Assert.Contains("head", verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_newest_records_and_moving_the_head_back_is_detected()
    {
        await using var host = await AuditHost.StartAsync();
        await host.RecordAsync(new AuditEvent(AuditActions.AccountCreated, EntityType: "PlatformUser", EntityKey: "user-1"));
        await host.RecordAsync(new AuditEvent(AuditActions.AccountDisabled, EntityType: "PlatformUser", EntityKey: "user-1"));
        var newest = (await host.HeadAsync()).LastSequence;
        var previousHash = (await host.RecordsAsync()).Single(r => r.Sequence == newest - 1).Hash;

        // Someone with database access but without the chain key hides the last record and rewinds the head.
        await host.ExecuteSqlAsync($"DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {newest}");
        await host.ExecuteSqlAsync($"UPDATE \"AuditChainHead\" SET \"LastSequence\" = {newest - 1}, \"LastHash\" = '{previousHash}' WHERE \"Id\" = 1");

        var verification = await host.CheckAsync();
        Assert.False(verification.IsIntact);
        Assert.Contains("signature", verification.Reason, StringComparison.Ordinal);
        Assert.Equal(AuditBreak.HeadSignature, verification.Break);
    }

    [Fact]
    public async Task A_verification_is_itself_recorded_with_its_outcome()
    {
        await using var host = await AuditHost.StartAsync();
        await host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "li.na"));
        var tampered = (await host.HeadAsync()).LastSequence;

        var intact = await host.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));
        await host.ExecuteSqlAsync($"UPDATE \"AuditRecords\" SET \"UserName\" = 'someone.else' WHERE \"Sequence\" = {tampered}");
        var broken = await host.InScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));

        Assert.True(intact.IsIntact);
        Assert.False(broken.IsIntact);
        var verifications = (await host.RecordsAsync()).Where(r => r.Action == AuditActions.AuditVerified).ToList();
        Assert.Equal([AuditOutcome.Success, AuditOutcome.Failure], verifications.Select(r => r.Outcome));
        Assert.Contains($"broken at {tampered}", verifications[1].Details, StringComparison.Ordinal);

        // The audit administrator reads the break in words.
        Assert.Equal(AuditBreak.Altered, broken.Break);
        Assert.Equal($"已断开：在第 {tampered} 条记录处断开（原因：该记录的内容与其哈希不符，记录已被改动）", KnowledgeRenewal.Identity.Pages.Audit.AuditPageModel.VerificationText(verifications[1]));
    }

    [Fact]
    public async Task Over_long_values_are_cut_to_the_column_sizes_and_still_verify()
    {
        await using var host = await AuditHost.StartAsync();

        await host.RecordAsync(new AuditEvent(
            AuditActions.DataExported,
            EntityType: new string('T', 500),
            EntityKey: new string('k', 5000),
            Details: new string('d', 5000),
            UserName: new string('u', 500)));

        var record = (await host.RecordsAsync())[^1];
        Assert.Equal(128, record.EntityType!.Length);
        Assert.Equal(1024, record.EntityKey!.Length);
        Assert.Equal(2048, record.Details!.Length);
        Assert.Equal(128, record.UserName!.Length);
        Assert.EndsWith("…", record.Details, StringComparison.Ordinal);
        Assert.True((await host.CheckAsync()).IsIntact);
    }
}
