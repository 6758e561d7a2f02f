using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>
/// The writers that bypass SaveChanges (ADR 0023): the registry's bulk import of employers and of professionals and
/// the compliance recomputation's row writer. A delta link taken before their write shows it after — changed rows,
/// and <c>@removed</c> for rows that left the caller's scope or were deleted.
/// </summary>
public sealed class DeltaSyncBulkWriterTests(ODataSyncPlatform platform) : IClassFixture<ODataSyncPlatform>
{
    private const string CountyAdminB = "CB-370883";

    [Fact]
    public async Task An_employer_import_shows_in_the_Employers_delta_and_a_sector_change_removes_the_employer_from_the_old_sector()
    {
        var stays = await platform.AddEmployerAsync(PlatformFixtureBase.CountyA);
        var changesSector = await platform.AddEmployerAsync(PlatformFixtureBase.CountyA);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var feed = await platform.FeedClientAsync(FeedScopes.Organizations);
        const string Url = "/odata/Employers?$select=Id,Name";
        var startA = await DeltaSync.ReadAsync(countyA, Url, track: true);
        var startHealth = await DeltaSync.ReadAsync(health, Url, track: true);
        var startFeed = await DeltaSync.ReadAsync(feed, Url, track: true);
        Assert.Contains(changesSector.Id, startHealth.Entities);

        var newCode = ImportPlatform.Code('1', PlatformFixtureBase.CountyA, 23_181);
        List<string[]> rows =
        [
            [newCode, "增量导入新单位", "公有制", PlatformFixtureBase.CountyA, "health"],
            [stays.Code, stays.Name + "（更名）", "公有制", PlatformFixtureBase.CountyA, "health"],
            [changesSector.Code, changesSector.Name, "公有制", PlatformFixtureBase.CountyA, "education"],
        ];
        var job = await office.ImportAsync("employers", ImportSheets.Csv(ImportSheets.EmployerHeader, rows), "单位.csv");
        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((1, 2), (job.Count("created"), job.Count("updated")));
        var created = await platform.QueryAsync(db => db.Employers.Where(e => e.Code == newCode).Select(e => e.Id).SingleAsync());

        // The county sees all three as changes; the feed too.
        var deltaA = await DeltaSync.ReadAsync(countyA, startA.DeltaLink!);
        Assert.Equal(new[] { created, stays.Id, changesSector.Id }.Order(), deltaA.Entities.Order());
        Assert.Equal(stays.Name + "（更名）", deltaA.Names[stays.Id]);
        Assert.Empty(deltaA.Removed);
        var deltaFeed = await DeltaSync.ReadAsync(feed, startFeed.DeltaLink!);
        Assert.Equal(new[] { created, stays.Id, changesSector.Id }.Order(), deltaFeed.Entities.Order());
        Assert.Empty(deltaFeed.Removed);

        // The health sector gets the new and the renamed employer, and learns that the other one left it.
        var deltaHealth = await DeltaSync.ReadAsync(health, startHealth.DeltaLink!);
        Assert.Equal(new[] { created, stays.Id }.Order(), deltaHealth.Entities.Order());
        Assert.Equal(changesSector.Id, Assert.Single(deltaHealth.Removed).Key);
        Assert.Equal("changed", deltaHealth.Removed[changesSector.Id]);
    }

    [Fact]
    public async Task A_professional_import_that_moves_a_person_removes_them_and_their_credit_data_from_the_old_county()
    {
        var employerA = await platform.AddEmployerAsync(PlatformFixtureBase.CountyA);
        var employerB = await platform.AddEmployerAsync(PlatformFixtureBase.CountyB);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var countyB = await platform.ClientAsync(PlatformRoles.CountyAdmin, CountyAdminB);

        // Registered by import at employer A (the import stamps the rows), employed there for years, with a record.
        var rows = ImportSheets.Professionals(2, employerA.Code, first: 2_318_000);
        var first = await office.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "staff.csv");
        Assert.True(first.Status() == "Completed", first.ToString());
        var people = await PeopleAsync(rows.Select(r => r[0]));
        var (moves, stays) = (people[rows[0][0]], people[rows[1][0]]);
        await platform.QueryAsync(db => db.Employments.Where(e => e.ProfessionalId == moves || e.ProfessionalId == stays)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedOn, new DateOnly(2020, 1, 1))));
        var record = await AddRecordAsync(moves);

        var professionalsA = await DeltaSync.ReadAsync(countyA, "/odata/Professionals?$select=Id,Name", track: true);
        var professionalsB = await DeltaSync.ReadAsync(countyB, "/odata/Professionals?$select=Id,Name", track: true);
        var recordsA = await DeltaSync.ReadAsync(countyA, "/odata/CreditRecords?$select=Id,Status", track: true);
        var recordsB = await DeltaSync.ReadAsync(countyB, "/odata/CreditRecords?$select=Id,Status", track: true);
        Assert.Contains(moves, professionalsA.Entities);
        Assert.Contains(record, recordsA.Entities);
        Assert.DoesNotContain(record, recordsB.Entities);

        // The same file, the first person now at employer B in the other county.
        rows[0][5] = employerB.Code;
        var move = await office.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "staff-moved.csv");
        Assert.True(move.Status() == "Completed", move.ToString());
        Assert.Equal((1, 1), (move.Count("updated"), move.Count("unchanged")));

        var deltaProfessionalsA = await DeltaSync.ReadAsync(countyA, professionalsA.DeltaLink!);
        Assert.Empty(deltaProfessionalsA.Entities);
        Assert.Equal(moves, Assert.Single(deltaProfessionalsA.Removed).Key);
        Assert.Equal("changed", deltaProfessionalsA.Removed[moves]);
        var deltaProfessionalsB = await DeltaSync.ReadAsync(countyB, professionalsB.DeltaLink!);
        Assert.Equal([moves], deltaProfessionalsB.Entities);
        Assert.Empty(deltaProfessionalsB.Removed);

        // The person's credit data follows them (ADR 0023 item 8): gone from county A, arrived in county B.
        var deltaRecordsA = await DeltaSync.ReadAsync(countyA, recordsA.DeltaLink!);
        Assert.Empty(deltaRecordsA.Entities);
        Assert.Equal(record, Assert.Single(deltaRecordsA.Removed).Key);
        Assert.Equal("changed", deltaRecordsA.Removed[record]);
        var deltaRecordsB = await DeltaSync.ReadAsync(countyB, recordsB.DeltaLink!);
        Assert.Equal([record], deltaRecordsB.Entities);
        Assert.Empty(deltaRecordsB.Removed);
    }

    [Fact]
    public async Task A_recomputation_that_deletes_a_compliance_row_shows_it_as_removed()
    {
        var (_, people) = await platform.AddStaffAsync(PlatformFixtureBase.CountyA, 1);
        var person = people[0];
        await AddRecordAsync(person);
        var current = await platform.QueryAsync(db => db.Compliance.AsNoTracking().SingleAsync(c => c.ProfessionalId == person));

        // A row of another cycle that overlaps the person's cycle now (as after their sector moved to other rules).
        var stale = await platform.QueryAsync(async db =>
        {
            var row = new CycleCompliance
            {
                ProfessionalId = person,
                CycleStart = current.CycleStart - 1,
                CycleEnd = current.CycleEnd,
                RuleScope = current.RuleScope,
                RuleSetTitle = current.RuleSetTitle,
                Status = current.Status,
                Counted = current.Counted,
                Required = current.Required,
                PublicCounted = current.PublicCounted,
                ProfessionalCounted = current.ProfessionalCounted,
                RegionCode = current.RegionCode,
                DepartmentCode = current.DepartmentCode,
                EmployerId = current.EmployerId,
                EmployerOwnership = current.EmployerOwnership,
                ComputedAt = DateTime.UtcNow,
            };
            db.Compliance.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });

        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var feed = await platform.FeedClientAsync(FeedScopes.Credits);
        var startA = await DeltaSync.ReadAsync(countyA, "/odata/Compliance?$select=Id,Status", track: true);
        var startFeed = await DeltaSync.ReadAsync(feed, "/odata/Compliance?$select=Id,Status", track: true);
        Assert.Contains(stale, startA.Entities);

        // Another record: the recomputation updates the person's row and deletes the overlapping one.
        await AddRecordAsync(person);
        Assert.False(await platform.QueryAsync(db => db.Compliance.AnyAsync(c => c.Id == stale)));

        foreach (var delta in new[] { await DeltaSync.ReadAsync(countyA, startA.DeltaLink!), await DeltaSync.ReadAsync(feed, startFeed.DeltaLink!) })
        {
            Assert.Equal([current.Id], delta.Entities);
            Assert.Equal(stale, Assert.Single(delta.Removed).Key);
            Assert.Equal("deleted", delta.Removed[stale]);
        }
    }

    private async Task<Dictionary<string, Guid>> PeopleAsync(IEnumerable<string> idNumbers)
    {
        var numbers = idNumbers.ToList();
        var hasher = platform.Factory.Services.GetRequiredService<IdNumberHasher>();
        var hashes = numbers.ToDictionary(n => hasher.Hash(ImportPlatform.Parse(n)), n => n);
        var keys = hashes.Keys.ToList();
        var found = await platform.QueryAsync(db => db.Professionals.AsNoTracking().Where(p => keys.Contains(p.IdNumberHash)).Select(p => new { p.Id, p.IdNumberHash }).ToListAsync());
        return found.ToDictionary(p => hashes[p.IdNumberHash], p => p.Id);
    }

    private Task<Guid> AddRecordAsync(Guid professionalId) => DeltaSync.AddRecordAsync(platform, professionalId);
}
