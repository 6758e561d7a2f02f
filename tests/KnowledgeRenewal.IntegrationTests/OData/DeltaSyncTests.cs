using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>
/// OData delta links (ADR 0023), through HTTP: what a county administrator, another county's administrator and a feed
/// client each learn after rows change, leave their scope or are deleted; expiry; concurrent writers.
/// </summary>
public sealed class DeltaSyncTests(ODataSyncPlatform platform) : IClassFixture<ODataSyncPlatform>
{
    private const string CountyAdminB = "CB-370883";

    [Fact]
    public async Task Professionals_delta_shows_each_caller_the_changes_and_removals_of_its_own_scope_only()
    {
        var (employerA, people) = await platform.AddStaffAsync(PlatformFixtureBase.CountyA, 3);
        var employerB = await platform.AddEmployerAsync(PlatformFixtureBase.CountyB);
        var (renamed, moved, deleted) = (people[0], people[1], people[2]);
        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var countyB = await platform.ClientAsync(PlatformRoles.CountyAdmin, CountyAdminB);
        var feed = await platform.FeedClientAsync(FeedScopes.Registry);

        var startA = await SyncAsync(countyA, "/odata/Professionals?$select=Id,Name,RegionCode", track: true);
        var startB = await SyncAsync(countyB, "/odata/Professionals?$select=Id,Name,RegionCode", track: true);
        var startFeed = await SyncAsync(feed, "/odata/Professionals?$select=Id,Name,RegionCode", track: true);
        Assert.True(startA.TrackingApplied && startB.TrackingApplied && startFeed.TrackingApplied);
        Assert.Contains(moved, startA.Entities);
        Assert.DoesNotContain(moved, startB.Entities);

        await platform.QueryAsync(async db =>
        {
            var rows = await db.Professionals.Where(p => people.Contains(p.Id)).ToListAsync();
            rows.Single(p => p.Id == renamed).Name = "同步改名";
            var mover = rows.Single(p => p.Id == moved);
            mover.EmployerId = employerB.Id;
            mover.RegionCode = employerB.RegionCode;
            db.Professionals.Remove(rows.Single(p => p.Id == deleted));
            return await db.SaveChangesAsync();
        });
        var added = (await platform.AddPeopleAsync(employerA, 1))[0];

        var deltaA = await SyncAsync(countyA, startA.DeltaLink!);
        Assert.Equal(new[] { added, renamed }.Order(), deltaA.Entities.Order());
        Assert.Equal("changed", deltaA.Removed[moved]);
        Assert.Equal("deleted", deltaA.Removed[deleted]);
        Assert.Equal(2, deltaA.Removed.Count);
        Assert.Equal("同步改名", deltaA.Names[renamed]);

        // The other county learns of the person who moved in, and of nothing that happened in county A.
        var deltaB = await SyncAsync(countyB, startB.DeltaLink!);
        Assert.Equal([moved], deltaB.Entities);
        Assert.Empty(deltaB.Removed);

        // The feed client sees every person: the moved one is a change, not a removal.
        var deltaFeed = await SyncAsync(feed, startFeed.DeltaLink!);
        Assert.Equal(new[] { added, renamed, moved }.Order(), deltaFeed.Entities.Order());
        Assert.Equal("deleted", Assert.Single(deltaFeed.Removed, r => r.Key == deleted).Value);
        Assert.Single(deltaFeed.Removed);

        // Nothing changed since: an empty delta with a fresh link.
        var again = await SyncAsync(countyA, deltaA.DeltaLink!);
        Assert.Empty(again.Entities);
        Assert.Empty(again.Removed);
    }

    [Fact]
    public async Task CreditRecords_delta_follows_the_person_and_never_reveals_another_county()
    {
        var (employerA, people) = await platform.AddStaffAsync(PlatformFixtureBase.CountyA, 2);
        var employerB = await platform.AddEmployerAsync(PlatformFixtureBase.CountyB);
        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var countyB = await platform.ClientAsync(PlatformRoles.CountyAdmin, CountyAdminB);
        var feed = await platform.FeedClientAsync(FeedScopes.Credits);
        var startA = await SyncAsync(countyA, "/odata/CreditRecords?$select=Id,Status", track: true);
        var startB = await SyncAsync(countyB, "/odata/CreditRecords?$select=Id,Status", track: true);
        var startFeed = await SyncAsync(feed, "/odata/CreditRecords?$select=Id,Status", track: true);

        var stays = await AddRecordAsync(people[0]);
        var leaves = await AddRecordAsync(people[1]);
        var midA = await SyncAsync(countyA, startA.DeltaLink!);
        Assert.Equal(new[] { stays, leaves }.Order(), midA.Entities.Order());
        var midB = await SyncAsync(countyB, startB.DeltaLink!);
        Assert.Empty(midB.Entities);

        await platform.WriteLedgerAsync(async db =>
        {
            var record = await db.CreditRecords.SingleAsync(r => r.Id == stays);
            record.Revoke(LedgerActor.System, DateTime.UtcNow, "测试撤销：增量同步");
            return [record];
        });
        await platform.QueryAsync(async db =>
        {
            var person = await db.Professionals.SingleAsync(p => p.Id == people[1]);
            person.EmployerId = employerB.Id;
            person.RegionCode = employerB.RegionCode;
            return await db.SaveChangesAsync();
        });

        var deltaA = await SyncAsync(countyA, midA.DeltaLink!);
        Assert.Equal([stays], deltaA.Entities);
        Assert.Equal("Revoked", deltaA.Statuses[stays]);
        Assert.Equal("changed", Assert.Single(deltaA.Removed).Value);
        Assert.Equal(leaves, Assert.Single(deltaA.Removed).Key);

        var deltaB = await SyncAsync(countyB, midB.DeltaLink!);
        Assert.Equal([leaves], deltaB.Entities);
        Assert.Empty(deltaB.Removed);

        var deltaFeed = await SyncAsync(feed, startFeed.DeltaLink!);
        Assert.Equal(new[] { stays, leaves }.Order(), deltaFeed.Entities.Order());
        Assert.Empty(deltaFeed.Removed);
    }

    [Fact]
    public async Task An_expired_delta_link_is_a_410_and_a_foreign_or_malformed_one_a_400()
    {
        var client = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var start = await SyncAsync(client, "/odata/Professionals?$select=Id", track: true);
        var link = new Uri(start.DeltaLink!);
        var token = QueryHelpers.ParseQuery(link.Query)["$deltatoken"].ToString();
        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
        Assert.Equal("Professionals", parts[1]);

        parts[3] = DateTimeOffset.UtcNow.AddDays(-31).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var old = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        using (var expired = await client.GetAsync(new Uri($"/odata/Professionals?$select=Id&$deltatoken={old}", UriKind.Relative)))
        {
            var problem = await expired.AssertProblemAsync(HttpStatusCode.Gone, ProblemCodes.ODataDeltaTokenExpired);
            Assert.Contains("重新读取", problem.Detail, StringComparison.Ordinal);
        }

        foreach (var url in new[]
        {
            $"/odata/Employers?$deltatoken={token}",
            "/odata/Professionals?$deltatoken=abc",
            $"/odata/Professionals?$filter=Name eq 'x'&$deltatoken={token}",
        })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ODataDeltaTokenInvalid);
        }

        // A filtered read does not track: no Preference-Applied, no delta link.
        var filtered = await SyncAsync(client, "/odata/Professionals?$select=Id&$filter=RegionCode eq '370811'", track: true);
        Assert.False(filtered.TrackingApplied);
        Assert.Null(filtered.DeltaLink);
    }

    [Fact]
    public async Task Delta_links_taken_while_writers_commit_miss_nothing()
    {
        var employer = await platform.AddEmployerAsync(PlatformFixtureBase.CountyA);
        var feed = await platform.FeedClientAsync(FeedScopes.Registry);
        var start = await SyncAsync(feed, "/odata/Professionals?$select=Id", track: true);
        var seen = new HashSet<Guid>(start.Entities);
        var link = start.DeltaLink!;

        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < 8; i++)
            {
                ids.AddRange(await platform.AddPeopleAsync(employer, 1));
            }

            return ids;
        })).ToList();

        // Follow the delta link again and again while the writers commit.
        while (!writers.TrueForAll(w => w.IsCompleted))
        {
            var delta = await SyncAsync(feed, link);
            seen.UnionWith(delta.Entities);
            link = delta.DeltaLink!;
        }

        var last = await SyncAsync(feed, link);
        seen.UnionWith(last.Entities);
        var written = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToList();
        Assert.Equal(32, written.Count);
        Assert.Empty(written.Except(seen));
    }

    private Task<Guid> AddRecordAsync(Guid professionalId) => DeltaSync.AddRecordAsync(platform, professionalId);

    private static Task<DeltaSync.Sync> SyncAsync(HttpClient client, string url, bool track = false) => DeltaSync.ReadAsync(client, url, track);
}
