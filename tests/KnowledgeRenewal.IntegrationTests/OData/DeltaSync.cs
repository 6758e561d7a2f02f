using System.Net;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.OData;

/// <summary>Reading feeds and delta links to their last page, and the ledger writes the delta tests make.</summary>
public static class DeltaSync
{
    /// <summary>Adds an approved record of 2026 for the person (through the ledger: the compliance is recomputed).</summary>
    public static async Task<Guid> AddRecordAsync(PlatformFixtureBase platform, Guid professionalId)
    {
        var records = await platform.WriteLedgerAsync(async db =>
        {
            var person = await db.Professionals.AsNoTracking().SingleAsync(p => p.Id == professionalId);
            var record = new CreditRecord
            {
                ProfessionalId = person.Id,
                Date = new DateOnly(2026, 5, 10),
                CreditYear = 2026,
                Category = CreditCategory.Professional,
                Activity = ActivityType.ClassroomTraining,
                Hours = CreditHours.FromHours(4),
                EnteredAmount = 4,
                Title = "增量同步测试培训",
                Source = RecordSource.ManualAdjustment,
                RecordedByName = "system",
                RecordedAt = DateTime.UtcNow,
                RegionCode = person.RegionCode,
                DepartmentCode = person.DepartmentCode,
                EmployerId = person.EmployerId,
            };
            record.Approve(LedgerActor.System, DateTime.UtcNow);
            db.CreditRecords.Add(record);
            return [record];
        });
        return records[0].Id;
    }

    /// <summary>Reads a feed or a delta link to its last page: entities, removed entries, the delta link, whether tracking was applied.</summary>
    public static async Task<Sync> ReadAsync(HttpClient client, string url, bool track = false)
    {
        var sync = new Sync();
        string? next = url.StartsWith("http", StringComparison.Ordinal) ? new Uri(url).PathAndQuery : url;
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            if (track)
            {
                request.Headers.Add("Prefer", "odata.track-changes");
            }

            using var response = await client.SendAsync(request);
            var body = await response.ReadJsonAsync(HttpStatusCode.OK, next);
            if (response.Headers.TryGetValues("Preference-Applied", out var applied) && applied.Contains("odata.track-changes"))
            {
                sync.TrackingApplied = true;
            }

            foreach (var row in body.GetProperty("value").EnumerateArray())
            {
                if (row.TryGetProperty("@removed", out var removed))
                {
                    var id = row.GetProperty("@id").GetString()!;
                    sync.Removed[Guid.Parse(id[(id.LastIndexOf('(') + 1)..^1])] = removed.GetProperty("reason").GetString()!;
                }
                else
                {
                    var id = row.GetProperty("Id").GetGuid();
                    sync.Entities.Add(id);
                    if (row.TryGetProperty("Name", out var name))
                    {
                        sync.Names[id] = name.GetString()!;
                    }

                    if (row.TryGetProperty("Status", out var status))
                    {
                        sync.Statuses[id] = status.GetString()!;
                    }
                }
            }

            next = body.TryGetProperty("@odata.nextLink", out var link) ? new Uri(link.GetString()!).PathAndQuery : null;
            Assert.False(next is not null && body.TryGetProperty("@odata.deltaLink", out _), "a delta link only on the last page");
            if (next is null && body.TryGetProperty("@odata.deltaLink", out var delta))
            {
                sync.DeltaLink = delta.GetString();
            }
        }

        return sync;
    }

    /// <summary>What a read to its last page answered.</summary>
    public sealed class Sync
    {
        public List<Guid> Entities { get; } = [];

        public Dictionary<Guid, string> Removed { get; } = [];

        public Dictionary<Guid, string> Names { get; } = [];

        public Dictionary<Guid, string> Statuses { get; } = [];

        public string? DeltaLink { get; set; }

        public bool TrackingApplied { get; set; }
    }
}
