using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Compliance;

/// <summary>
/// Recomputation jobs live in the database (ADR 0034): a finished job reads back the same from a fresh context and
/// over HTTP; a job interrupted by a dead instance (expired lease) is resumed from the start and writes its rows; one
/// interrupted too often fails with the reason the user sees; a job whose lease is still held is left alone.
/// </summary>
[Collection(CompliancePlatform.Name)]
public sealed class RecomputeJobTests(CompliancePlatformFixture platform)
{
    [Fact]
    public async Task A_finished_job_is_stored_and_reads_back_the_same_from_a_new_context_and_the_list()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var started = await office.PostAsync(new Uri("/api/compliance/recompute?year=2024&module=platform", UriKind.Relative), null);
        var job = await started.ReadJsonAsync(started.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Accepted, "start");
        var id = job.GetProperty("id").GetGuid();
        job = await WaitAsync(office, id);
        Assert.Equal("Completed", job.GetProperty("status").GetString());

        var stored = await platform.QueryAsync(db => db.Set<RecomputeJob>().AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(RecomputeJobStatus.Completed, stored.Status);
        Assert.Equal((2024, "platform"), (stored.Year, stored.Module));
        Assert.StartsWith("test.", stored.RequestedByUserName, StringComparison.Ordinal);
        Assert.Contains(PlatformRoles.ProgramOfficeAdmin, stored.RequestedByRoles, StringComparison.Ordinal);
        Assert.Equal(1, stored.Attempts);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.LeaseExpiresAt);
        Assert.NotNull(stored.CompletedAt);
        Assert.Equal(stored.Total, stored.Processed);
        Assert.Equal(job.GetProperty("inserted").GetInt32(), stored.Inserted);
        Assert.Equal(job.GetProperty("unchanged").GetInt32(), stored.Unchanged);
        Assert.Equal(job.GetProperty("requestedBy").GetString(), stored.RequestedByUserName);

        var list = await office.GetJsonAsync("/api/compliance/recompute");
        var listed = list.EnumerateArray().Single(j => j.GetProperty("id").GetGuid() == id);
        Assert.Equal("Completed", listed.GetProperty("status").GetString());
        Assert.Equal(1, listed.GetProperty("attempts").GetInt32());

        // Its creation is audited as the requester's act.
        Assert.True(await platform.QueryAsync(db => db.AuditRecords.AnyAsync(r => r.EntityType == nameof(RecomputeJob) && r.Action == "data.create" && r.UserName == stored.RequestedByUserName)));
    }

    [Fact]
    public async Task A_job_a_dead_instance_left_running_is_resumed_from_the_start_and_writes_its_rows()
    {
        var person = await platform.RegisterAsync(platform.TransportB);
        await platform.AddRecordsAsync(person, RecordSpec.Professional(2023, 12));
        await platform.QueryAsync(db => db.Compliance.Where(c => c.ProfessionalId == person).ExecuteDeleteAsync());

        var interrupted = new RecomputeJob
        {
            Year = 2023, Module = "transport", Status = RecomputeJobStatus.Running, Attempts = 1, RequestedByUserName = "test.dead-instance",
            RequestedAt = DateTime.UtcNow.AddMinutes(-5), StartedAt = DateTime.UtcNow.AddMinutes(-5), Total = 100, Processed = 40,
            LeaseOwner = "dead-host/1/0", LeaseExpiresAt = DateTime.UtcNow.AddSeconds(-1), HeartbeatAt = DateTime.UtcNow.AddMinutes(-1),
        };
        await AddAsync(interrupted);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var job = await WaitAsync(office, interrupted.Id);
        Assert.Equal("Completed", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        Assert.Equal(job.GetProperty("total").GetInt32(), job.GetProperty("processed").GetInt32());
        Assert.True(job.GetProperty("inserted").GetInt32() >= 1);

        var stored = await platform.QueryAsync(db => db.Set<RecomputeJob>().AsNoTracking().SingleAsync(j => j.Id == interrupted.Id));
        Assert.Null(stored.LeaseOwner);
        Assert.Equal(1, await platform.QueryAsync(db => db.Compliance.CountAsync(c => c.ProfessionalId == person)));

        // The page says it was resumed.
        using var browser = await BrowserAsync();
        var page = await browser.GetAsync($"/compliance/recompute/{interrupted.Id}?handler=progress");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("平台重启后已自动从头重新计算，共 2 次", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_interrupted_too_often_fails_with_the_reason_and_a_held_lease_is_left_alone()
    {
        var spent = new RecomputeJob
        {
            Year = 2022, Module = "health", Status = RecomputeJobStatus.Running, Attempts = RecomputeJobRules.MaxAttempts, RequestedByUserName = "test.crashing",
            RequestedAt = DateTime.UtcNow.AddMinutes(-10), StartedAt = DateTime.UtcNow.AddMinutes(-2),
            LeaseOwner = "dead-host/2/0", LeaseExpiresAt = DateTime.UtcNow.AddSeconds(-1),
        };
        var held = new RecomputeJob
        {
            Year = 2022, Module = "education", Status = RecomputeJobStatus.Running, Attempts = 1, RequestedByUserName = "test.other-instance",
            RequestedAt = DateTime.UtcNow.AddMinutes(-10), StartedAt = DateTime.UtcNow.AddMinutes(-1),
            LeaseOwner = "live-host/3/0", LeaseExpiresAt = DateTime.UtcNow.AddHours(1), Total = 10, Processed = 5,
        };
        await AddAsync(spent, held);
        try
        {
            var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
            var job = await WaitAsync(office, spent.Id);
            Assert.Equal("Failed", job.GetProperty("status").GetString());
            Assert.StartsWith("平台重启，重算中断；请重新发起", job.GetProperty("failureReason").GetString(), StringComparison.Ordinal);

            // The job page shows the reason next to its failure.
            using var browser = await BrowserAsync();
            var page = await browser.GetAsync($"/compliance/recompute/{spent.Id}?handler=progress");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("平台重启，重算中断；请重新发起", page.Html, StringComparison.Ordinal);

            // Starting the same year and scope while another instance holds its job returns that job (200), not a second one.
            using var again = await office.PostAsync(new Uri("/api/compliance/recompute?year=2022&module=education", UriKind.Relative), null);
            var same = await again.ReadJsonAsync(HttpStatusCode.OK, "start while held");
            Assert.Equal(held.Id, same.GetProperty("id").GetGuid());

            var untouched = await platform.QueryAsync(db => db.Set<RecomputeJob>().AsNoTracking().SingleAsync(j => j.Id == held.Id));
            Assert.Equal((RecomputeJobStatus.Running, "live-host/3/0", 1, 5), (untouched.Status, untouched.LeaseOwner, untouched.Attempts, untouched.Processed));
        }
        finally
        {
            await platform.QueryAsync(db => db.Set<RecomputeJob>().Where(j => j.Id == held.Id).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task An_unknown_job_is_404_with_the_stable_code()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await office.GetAsync(new Uri($"/api/compliance/recompute/{Guid.NewGuid()}?wait=1", UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
    }

    private async Task<WebBrowser> BrowserAsync() =>
        await platform.Accounts.SignInAsync(await platform.Accounts.CreateAsync($"t.rj.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProgramOfficeAdmin], ProgramOrganizations.ProgramOfficeCode));

    private Task<int> AddAsync(params RecomputeJob[] jobs) => platform.QueryAsync(db =>
    {
        db.AddRange(jobs);
        return db.SaveChangesAsync();
    });

    private static async Task<JsonElement> WaitAsync(HttpClient office, Guid id)
    {
        var job = await office.GetJsonAsync($"/api/compliance/recompute/{id}?wait=60");
        for (var i = 0; i < 4 && job.GetProperty("status").GetString() is "Queued" or "Running"; i++)
        {
            job = await office.GetJsonAsync($"/api/compliance/recompute/{id}?wait=60");
        }

        return job;
    }
}
