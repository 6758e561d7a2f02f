using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Registry.Domain;
using System.Globalization;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.Modules.Health.CmeProjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Audit;

/// <summary>
/// Every write of business data through SaveChanges — the platform's context or a module's — is audited in the
/// same transaction: one record per entity type and action per save; if the audit write fails, the save fails.
/// </summary>
public sealed class AuditedWritesTests
{
    [Fact]
    public async Task A_module_write_is_recorded_as_create_update_and_delete_with_keys_and_changed_properties()
    {
        await using var host = await AuditHost.StartAsync();

        var id = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            var project = Project("济2026-901");
            db.CmeProjects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            var project = await db.CmeProjects.SingleAsync(p => p.Id == id);
            project.Title = "基层卫生适宜技术推广培训班（第二期）";
            project.Capacity = 80;
            await db.SaveChangesAsync();
            db.CmeProjects.Remove(project);
            await db.SaveChangesAsync();
        });

        var records = (await host.RecordsAsync()).Where(r => r.EntityType == nameof(CmeProject)).ToList();
        Assert.Equal([AuditActions.DataCreated, AuditActions.DataUpdated, AuditActions.DataDeleted], records.Select(r => r.Action));
        Assert.All(records, r => Assert.Equal(id.ToString(CultureInfo.InvariantCulture), r.EntityKey));
        Assert.Equal("count=1", records[0].Details);
        Assert.Equal("count=1; properties=Capacity,Title", records[1].Details);
        Assert.DoesNotContain("基层", records[1].Details, StringComparison.Ordinal); // names, never values
        Assert.All(records, r => Assert.Equal("system", r.UserName));
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task A_platform_write_is_recorded_also_with_synchronous_SaveChanges()
    {
        await using var host = await AuditHost.StartAsync();

        var organization = await host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var created = new Organization { Code = "TEST-ORG-1", Name = "任城区测试单位", Type = OrganizationType.Employer, RegionCode = "370811" };
            db.Organizations.Add(created);
            db.SaveChanges();
            return Task.FromResult(created);
        });

        var record = (await host.RecordsAsync())[^1];
        Assert.Equal(AuditActions.DataCreated, record.Action);
        Assert.Equal(nameof(Organization), record.EntityType);
        Assert.Equal(organization.Id.ToString("D"), record.EntityKey);
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task A_bulk_insert_is_one_record_per_entity_type_naming_the_first_keys()
    {
        await using var host = await AuditHost.StartAsync();
        var before = (await host.HeadAsync()).LastSequence;

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            db.CmeProjects.AddRange(Enumerable.Range(1, 30).Select(i => Project($"济2026-{i:000}")));
            await db.SaveChangesAsync();
        });

        var written = (await host.RecordsAsync()).Where(r => r.Sequence > before).ToList();
        var record = Assert.Single(written);
        Assert.Equal("count=30", record.Details);
        var keys = record.EntityKey!.Split(',');
        Assert.Equal(21, keys.Length);
        Assert.Equal("…", keys[^1]);
        Assert.All(keys[..^1], k => Assert.True(int.Parse(k, CultureInfo.InvariantCulture) > 0, "generated keys, not temporary ones"));
    }

    [Fact]
    public async Task The_audit_record_is_written_in_the_business_transaction()
    {
        await using var host = await AuditHost.StartAsync();

        // The caller's own transaction: audit record and business row commit — or roll back — together.
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.CmeProjects.Add(Project("济2026-777"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        Assert.DoesNotContain(await host.RecordsAsync(), r => r.EntityType == nameof(CmeProject));
        Assert.Equal(0, await host.Database.ScalarAsync("SELECT COUNT(*) FROM \"health_CmeProjects\" WHERE \"ProjectNumber\" = '济2026-777'"));
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task When_the_audit_write_fails_the_business_save_fails_and_leaves_no_row()
    {
        await using var host = await AuditHost.StartAsync();
        var before = await host.HeadAsync();
        await host.ExecuteSqlAsync("UPDATE \"AuditChainHead\" SET \"Id\" = 2 WHERE \"Id\" = 1"); // the writer can no longer find the head

        var save = await Record.ExceptionAsync(() => host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            db.CmeProjects.Add(Project("济2026-666"));
            await db.SaveChangesAsync();
        }));
        var syncSave = Record.Exception(() =>
        {
            using var scope = host.Services.CreateSystemScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Organizations.Add(new Organization { Code = "TEST-ORG-2", Name = "任城区测试单位二", Type = OrganizationType.Employer, RegionCode = "370811" });
            db.SaveChanges();
        });
        var inOwnTransaction = await Record.ExceptionAsync(() => host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.CmeProjects.Add(Project("济2026-667"));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }));
        var trail = await Record.ExceptionAsync(() => host.RecordAsync(new AuditEvent(AuditActions.SignIn, UserName: "li.na")));

        Assert.All([save, syncSave, inOwnTransaction, trail], e => Assert.Contains("audit chain head", e?.Message, StringComparison.Ordinal));
        Assert.Equal(0, await host.Database.ScalarAsync("SELECT COUNT(*) FROM \"health_CmeProjects\" WHERE \"ProjectNumber\" IN ('济2026-666', '济2026-667')"));
        Assert.Equal(0, await host.Database.ScalarAsync("SELECT COUNT(*) FROM \"Organizations\" WHERE \"Code\" = 'TEST-ORG-2'"));

        await host.ExecuteSqlAsync("UPDATE \"AuditChainHead\" SET \"Id\" = 1 WHERE \"Id\" = 2");
        Assert.Equal(before.LastSequence, (await host.HeadAsync()).LastSequence);
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task A_save_the_database_refuses_writes_no_audit_record_and_leaves_no_transaction_open()
    {
        await using var host = await AuditHost.StartAsync();
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            db.CmeProjects.Add(Project("济2026-555"));
            await db.SaveChangesAsync();
        });
        var before = (await host.HeadAsync()).LastSequence;

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<HealthDbContext>();
            db.CmeProjects.Add(Project("济2026-555")); // duplicate project number
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Null(db.Database.CurrentTransaction);

            db.ChangeTracker.Clear();
            db.CmeProjects.Attach(new CmeProject { Id = 987_654, ProjectNumber = "gone", Title = "gone", SubjectCode = "WS-XZZX", HostOrganization = "gone" });
            db.CmeProjects.Remove(db.CmeProjects.Local.Single());
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            Assert.Null(db.Database.CurrentTransaction);

            // The context keeps working, and its next save is audited.
            db.ChangeTracker.Clear();
            db.CmeProjects.Add(Project("济2026-556"));
            await db.SaveChangesAsync();
        });

        var written = (await host.RecordsAsync()).Where(r => r.Sequence > before).ToList();
        var record = Assert.Single(written);
        Assert.Equal(AuditActions.DataCreated, record.Action);
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task The_actor_is_recorded_and_found_by_account()
    {
        await using var host = await AuditHost.StartAsync();
        var user = Guid.CreateVersion7();
        var organization = Guid.CreateVersion7();
        var actor = new AuditActor(user, "zhao.lei", "county-admin", organization, null, "192.0.2.10", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<AuditWriter>().AppendAsync(db, [new AuditEntry(actor, new AuditEvent(AuditActions.PersonalDataViewed, EntityType: "Professional", EntityKey: "42"))], CancellationToken.None);
            await transaction.CommitAsync();
        });

        var page = await host.InScopeAsync(sp => sp.GetRequiredService<MediatR.IMediator>().Send(new ListAuditRecords(UserId: user)));
        var record = Assert.Single(page.Items);
        Assert.Equal((user, "zhao.lei", "county-admin", organization, "192.0.2.10"), (record.UserId!.Value, record.UserName, record.Roles, record.OrganizationId!.Value, record.SourceIp));
        Assert.Equal(actor.CorrelationId, record.CorrelationId);
        Assert.True((await host.CheckAsync()).IsIntact);
    }

    [Fact]
    public async Task Writes_of_the_audit_log_bookkeeping_and_tokens_are_not_audited()
    {
        await using var host = await AuditHost.StartAsync();

        var audited = await host.InScopeAsync(sp =>
        {
            var model = sp.GetRequiredService<PlatformDbContext>().Model;
            return Task.FromResult(model.GetEntityTypes().Where(AuditSaveChangesInterceptor.IsAudited).Select(t => t.ClrType.Name).ToList());
        });

        Assert.DoesNotContain(nameof(AuditRecord), audited);
        Assert.DoesNotContain(nameof(AuditChainHead), audited);
        Assert.DoesNotContain("DemoSeedRun", audited);
        Assert.DoesNotContain(audited, n => n.StartsWith("OpenIddict", StringComparison.Ordinal));
        Assert.DoesNotContain("IdentityUserToken`1", audited);
        Assert.Contains(nameof(Organization), audited);
        Assert.Contains("PlatformUser", audited);
        Assert.Contains("IdentityUserRole`1", audited);
    }

    internal static CmeProject Project(string number) => new()
    {
        ProjectNumber = number,
        Title = "基层卫生适宜技术推广培训班",
        Level = CmeLevel.Municipal,
        Year = 2026,
        SubjectCode = "WS-XZZX",
        HostOrganization = "济宁市第一人民医院",
        StartDate = new DateOnly(2026, 5, 10),
        EndDate = new DateOnly(2026, 5, 11),
        Credits = 2m,
        Capacity = 60,
        RegisteredAt = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
