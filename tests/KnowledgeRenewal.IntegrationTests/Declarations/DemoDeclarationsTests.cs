using System.Net;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.Credits.UseCases.Declarations;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

/// <summary>
/// The demo city's declarations: a few hundred in every state, each with its credit record in the matching state and
/// valid evidence; the demo professional has one in every state and reads them through the API; seeding again adds
/// nothing.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class DemoDeclarationsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Every_state_is_seeded_with_its_credit_record_in_the_matching_state()
    {
        var rows = await QueryAsync(db => db.ActivityDeclarations.AsNoTracking()
            .Select(d => new
            {
                d.Status,
                d.Hours,
                d.EmployerReviewedAt,
                d.DepartmentReviewedAt,
                Record = db.Set<CreditRecord>().Where(r => r.Id == d.CreditRecordId).Select(r => new { r.Status, r.Hours, r.DeclarationId, r.Source, r.ReviewReason }).Single(),
                d.Id,
                Evidence = d.Evidence.Select(e => new { e.ContentType, e.Content, e.Size }).ToList(),
            })
            .ToListAsync());

        Assert.InRange(rows.Count, 200, 400);
        Assert.All(Enum.GetValues<DeclarationStatus>(), s => Assert.Contains(rows, r => r.Status == s));
        foreach (var row in rows)
        {
            var expected = row.Status switch
            {
                DeclarationStatus.Approved => CreditRecordStatus.Approved,
                DeclarationStatus.Rejected or DeclarationStatus.Withdrawn => CreditRecordStatus.Rejected,
                _ => CreditRecordStatus.Pending,
            };
            Assert.Equal((expected, row.Hours, row.Id, RecordSource.SelfDeclared), (row.Record.Status, row.Record.Hours, row.Record.DeclarationId!.Value, row.Record.Source));
            Assert.InRange(row.Evidence.Count, 1, 3);
            Assert.All(row.Evidence, e => Assert.Equal((e.ContentType, (long)e.Content.Length), (EvidenceContent.Detect(e.Content), e.Size)));
        }

        Assert.All(rows.Where(r => r.Status == DeclarationStatus.Withdrawn), r => Assert.StartsWith("本人撤回", r.Record.ReviewReason, StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Status == DeclarationStatus.Rejected), r => Assert.False(string.IsNullOrWhiteSpace(r.Record.ReviewReason)));
        Assert.All(rows.Where(r => r.Status is DeclarationStatus.Approved or DeclarationStatus.AwaitingDepartment), r => Assert.NotNull(r.EmployerReviewedAt));
        Assert.All(rows.Where(r => r.Status == DeclarationStatus.Approved), r => Assert.NotNull(r.DepartmentReviewedAt));
    }

    [Fact]
    public async Task The_demo_professional_reads_one_declaration_in_every_state_and_its_evidence()
    {
        var account = DemoAccounts.All.Single(a => a.Role == PlatformRoles.Professional);
        using var client = await platform.Accounts.SignedInClientAsync(platform.DemoAccount(account.UserName));

        var page = await client.GetAsAsync<PageAnswer<DeclarationSummaryAnswer>>("/api/declarations?pageSize=100");

        var items = page.Items;
        Assert.Equal(6, page.Total);
        Assert.Equal(
            ["Approved", "AwaitingDepartment", "AwaitingEmployer", "Rejected", "Rejected", "Withdrawn"],
            items.Select(i => i.Status).Order(StringComparer.Ordinal));
        var detail = await client.GetAsAsync<DeclarationAnswer>($"/api/declarations/{items[0].Id:D}");
        var file = detail.Evidence[0];
        using var download = await client.GetAsync(new Uri(file.Url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file.ContentType, EvidenceContent.Detect(await download.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var before = await QueryAsync(db => db.ActivityDeclarations.CountAsync());

        using (SystemScope.Enter())
        {
            await using var scope = platform.Factory.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DeclarationDemoSeeder>().Single();
            await seeder.SeedAsync(new DemoSeedContext(20230324, seeder.Key), CancellationToken.None);
        }

        Assert.Equal(before, await QueryAsync(db => db.ActivityDeclarations.CountAsync()));
        Assert.Equal(before, await QueryAsync(db => db.CreditRecords.CountAsync(r => r.Source == RecordSource.SelfDeclared)));
    }

    private async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }
}
