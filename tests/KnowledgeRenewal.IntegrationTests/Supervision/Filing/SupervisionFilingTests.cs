using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Filing;

/// <summary>
/// The December filing and its reminders through HTTP on the demo city, with "today" set on supervision's deadline
/// clock (December of 2027, a year the demo has no filings of): a base files on December 9 and the program office
/// accepts it — its plan then stands beside the next year's targets; a base that misses the date is flagged and gets
/// the overdue reminder once, however often the reminders run; a returned filing is corrected and submitted again
/// with its history kept.
/// </summary>
public sealed class SupervisionFilingTests : IAsyncLifetime
{
    private const int Year = 2027;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Year, 11, 1, 9, 0, 0, TimeSpan.FromHours(8)));
    private TestPlatform platform = null!;

    public async Task InitializeAsync() =>
        platform = await TestPlatform.StartAsync(
            settings: new Dictionary<string, string?> { ["Supervision:Scheduler:Enabled"] = "false" },
            manySignIns: true,
            testServices: services =>
            {
                services.RemoveAllKeyed<TimeProvider>(DeadlineClock.Key);
                services.AddKeyedSingleton<TimeProvider>(DeadlineClock.Key, clock);
            });

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task A_base_files_on_December_9_and_the_program_office_accepts_it_into_next_years_plan()
    {
        SetToday(12, 9);
        var staff = await BaseStaffAsync("济宁医学院");
        using var created = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", Filing(1_200, 45_000_000));
        var filing = await created.ReadJsonAsync(HttpStatusCode.Created, "file on December 9");
        Assert.False(filing.GetProperty("late").GetBoolean());
        Assert.Equal("Submitted", filing.GetProperty("status").GetString());
        var id = filing.GetProperty("id").GetGuid();

        using (var again = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", Filing(1_300, 1)))
        {
            await again.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.filing_already_submitted");
        }

        using (var byStaff = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{id}/decision", new { decision = "Accept" }, created.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        }

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var row = await RowAsync(office, "济宁医学院");
        Assert.Equal("Submitted", row.GetProperty("state").GetString());
        Assert.False(row.GetProperty("flagged").GetBoolean());

        using (var stale = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/filings/{id}/decision", new { decision = "Accept" }))
        {
            await stale.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        using var accepted = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/filings/{id}/decision", new { decision = "Accept" }, created.Headers.ETag!.Tag);
        var view = await accepted.ReadJsonAsync(HttpStatusCode.OK, "accept");
        Assert.Equal("Accepted", view.GetProperty("status").GetString());
        Assert.Equal(["Submitted", "Accepted"], view.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("Accepted", (await RowAsync(staff, "济宁医学院")).GetProperty("state").GetString());

        // The feed: the base's staff and the office read it, without who submitted or decided it.
        foreach (var reader in new[] { office, staff })
        {
            using var feed = await reader.GetAsync(new Uri($"/odata/Filings?$filter=Id eq {id}", UriKind.Relative));
            var body = await feed.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            var entry = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray());
            Assert.Equal("Accepted", entry.GetProperty("Status").GetString());
            Assert.Equal(1_200, entry.GetProperty("TargetTrainees").GetInt32());
            Assert.DoesNotContain("ByName", body, StringComparison.Ordinal);
        }

        // The accepted plan stands beside next year's targets.
        using (var plan = await PlatformFixtureBase.SendAsync(office, HttpMethod.Put, $"/api/annual-plans/{Year + 1}", new { targets = new[] { new { kind = "Total", trainees = 100_000 } } }))
        {
            Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        }

        using var next = await office.GetAsync(new Uri($"/api/annual-plans/{Year + 1}", UriKind.Relative));
        var basePlan = Assert.Single((await next.ReadJsonAsync(HttpStatusCode.OK, "next year's plan")).GetProperty("basePlans").EnumerateArray());
        Assert.Equal(1_200, basePlan.GetProperty("targetTrainees").GetInt32());
        Assert.Equal(45_000_000, basePlan.GetProperty("budgetFen").GetInt64());
        Assert.Contains("济宁医学院", basePlan.GetProperty("baseName").GetString(), StringComparison.Ordinal);

        using var page = await office.GetAsync(new Uri($"/plans/{Year + 1}", UriKind.Relative));
        Assert.Contains("data-base-plan", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_that_misses_the_date_is_flagged_and_reminded_once_then_files_late()
    {
        var staff = await BaseStaffAsync("曲阜师范大学");
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        SetToday(11, 20);
        await RunAsync(office);
        Assert.Equal(0, await InboxCountAsync(staff));

        SetToday(12, 5);
        Assert.Equal("NotStarted", (await RowAsync(office, "曲阜师范大学")).GetProperty("state").GetString());
        await RunAsync(office);
        await RunAsync(office);
        var before = await InboxAsync(staff);
        var dueReminder = Assert.Single(before.GetProperty("items").EnumerateArray());
        Assert.Equal("filing.due", dueReminder.GetProperty("rule").GetString());
        Assert.Contains("截止", dueReminder.GetProperty("subject").GetString(), StringComparison.Ordinal);

        SetToday(12, 11);
        var row = await RowAsync(office, "曲阜师范大学");
        Assert.Equal("Missing", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("flagged").GetBoolean());
        var first = await RunAsync(office);
        Assert.True(first.GetProperty("delivered").GetInt32() > 0);
        var second = await RunAsync(office);
        Assert.Equal(0, second.GetProperty("delivered").GetInt32());
        var inbox = await InboxAsync(staff);
        Assert.Equal(2, inbox.GetProperty("total").GetInt32());
        Assert.Equal(2, inbox.GetProperty("unread").GetInt32());
        var overdue = inbox.GetProperty("items")[0];
        Assert.Contains("逾期", overdue.GetProperty("subject").GetString(), StringComparison.Ordinal);

        using (var read = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/inbox/{overdue.GetProperty("id").GetGuid()}/read"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        Assert.Equal(1, (await InboxAsync(staff)).GetProperty("unread").GetInt32());
        using (var others = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/inbox/{overdue.GetProperty("id").GetGuid()}/read"))
        {
            await others.AssertProblemAsync(HttpStatusCode.NotFound, "supervision.inbox_not_found");
        }

        using var late = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", Filing(900, 20_000_000));
        Assert.True((await late.ReadJsonAsync(HttpStatusCode.Created, "file late")).GetProperty("late").GetBoolean());
        row = await RowAsync(office, "曲阜师范大学");
        Assert.Equal("Submitted", row.GetProperty("state").GetString());
        Assert.True(row.GetProperty("late").GetBoolean());

        using var workbench = await staff.GetAsync(new Uri("/inbox", UriKind.Relative));
        Assert.Contains("逾期", await workbench.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_filing_is_corrected_and_submitted_again_with_its_history()
    {
        SetToday(12, 3);
        var staff = await BaseStaffAsync("山东理工职业学院");
        using (var invalid = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", new { execution = "", plannedClasses = -1 }))
        {
            var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.Contains(problem.FieldErrors, e => e.Field == "execution");
            Assert.Contains(problem.FieldErrors, e => e.Field == "plannedClasses");
            Assert.Contains(problem.FieldErrors, e => e.Field == "budgetFen");
        }

        using var created = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", Filing(800, 10_000_000));
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created, "file")).GetProperty("id").GetGuid();
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using (var noReason = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/filings/{id}/decision", new { decision = "Return" }, created.Headers.ETag!.Tag))
        {
            var problem = await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.Contains(problem.FieldErrors, e => e.Field == "reason");
        }

        using var returned = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/filings/{id}/decision", new { decision = "Return", reason = "请补充经费测算" }, created.Headers.ETag!.Tag);
        Assert.Equal("Returned", (await returned.ReadJsonAsync(HttpStatusCode.OK, "return")).GetProperty("status").GetString());
        Assert.True((await RowAsync(office, "山东理工职业学院")).GetProperty("flagged").GetBoolean());

        using (var withoutTag = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", Filing(850, 12_000_000)))
        {
            await withoutTag.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        using var resubmitted = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", Filing(850, 12_000_000), returned.Headers.ETag!.Tag);
        var view = await resubmitted.ReadJsonAsync(HttpStatusCode.OK, "resubmit");
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
        Assert.Equal(12_000_000, view.GetProperty("budgetFen").GetInt64());
        Assert.Equal(["Submitted", "Returned", "Resubmitted"], view.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("请补充经费测算", view.GetProperty("history")[1].GetProperty("reason").GetString());

        // A provider that is no base cannot file; a county reads only its region's bases.
        var other = await platform.ClientAsync(PlatformRoles.ProviderStaff, await OrganizationCodeAsync("济宁学院"));
        using (var notABase = await PlatformFixtureBase.SendAsync(other, HttpMethod.Post, $"/api/filings/{Year}", Filing(1, 1)))
        {
            await notABase.AssertProblemAsync(HttpStatusCode.Forbidden, "supervision.filing_not_a_base");
        }

        using (var notTheirs = await other.GetAsync(new Uri($"/api/filings/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }
    }

    [Fact]
    public async Task A_base_attaches_a_file_that_the_program_office_downloads_and_another_base_cannot()
    {
        SetToday(12, 8);
        var staff = await BaseStaffAsync("济宁医学院");
        using var created = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Post, $"/api/filings/{Year}", Filing(1_100, 30_000_000));
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created, "file")).GetProperty("id").GetGuid();
        byte[] pdf = [.. "%PDF-1.4\n% 年度报送附件\n"u8, .. new byte[2048]];

        // Not multipart: 415; not a PDF/JPG/PNG: 400 naming the field; a PDF: stored with its hash.
        using (var json = await PlatformFixtureBase.SendAsync(staff, HttpMethod.Put, $"/api/filings/{id}/attachment", new { attachment = "x" }))
        {
            await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "supervision.multipart_required");
        }

        using (var text = await AttachAsync(staff, id, "说明.txt", "纯文本"u8.ToArray()))
        {
            var problem = await text.AssertProblemAsync(HttpStatusCode.BadRequest, "supervision.invalid_evidence");
            Assert.Contains(problem.Errors!, e => e.Field == "attachment");
        }

        using (var attached = await AttachAsync(staff, id, "C:\\报送\\2027年度报送.pdf", pdf))
        {
            var view = await attached.ReadJsonAsync(HttpStatusCode.OK, "attach");
            var attachment = view.GetProperty("attachment");
            Assert.Equal("2027年度报送.pdf", attachment.GetProperty("fileName").GetString());
            Assert.Equal("application/pdf", attachment.GetProperty("contentType").GetString());
            Assert.Equal(pdf.Length, attachment.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), attachment.GetProperty("sha256").GetString());
        }

        // The program office and the base download the same bytes; another base's staff do not see it.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        foreach (var reader in new[] { office, staff })
        {
            using var file = await reader.GetAsync(new Uri($"/api/filings/{id}/attachment", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
        }

        var other = await BaseStaffAsync("曲阜师范大学");
        using (var notTheirs = await other.GetAsync(new Uri($"/api/filings/{id}/attachment", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        using (var notTheirs = await AttachAsync(other, id, "别人的.pdf", pdf))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }

        using (var byOffice = await AttachAsync(office, id, "项目办.pdf", pdf))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOffice.StatusCode);
        }

        // Once accepted, the attachment no longer changes; the stored one stays.
        using var read = await office.GetAsync(new Uri($"/api/filings/{id}", UriKind.Relative));
        using (var accepted = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/filings/{id}/decision", new { decision = "Accept" }, read.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var closed = await AttachAsync(staff, id, "补充.pdf", pdf))
        {
            await closed.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.filing_closed");
        }

        var stored = await platform.QueryAsync(db => db.Set<KnowledgeRenewal.Supervision.Domain.Filings.BaseFilingAttachment>().IgnoreQueryFilters()
            .Where(a => a.FilingId == id).Select(a => a.FileName).ToListAsync());
        Assert.Equal(["2027年度报送.pdf"], stored);
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, Guid id, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "attachment", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/filings/{id}/attachment", UriKind.Relative)) { Content = form };
        return await client.SendAsync(request);
    }

    private static object Filing(int targetTrainees, long budgetFen) => new
    {
        execution = "全年举办培训班 12 期，培训 1,050 人。",
        classesHeld = 12,
        peopleTrained = 1_050,
        plannedClasses = 14,
        plannedSubjects = "医疗卫生新技术\n公需科目：数字素养",
        targetTrainees,
        budgetFen,
    };

    private void SetToday(int month, int day) =>
        clock.SetUtcNow(new DateTimeOffset(Year, month, day, 10, 0, 0, TimeSpan.FromHours(8)));

    private async Task<HttpClient> BaseStaffAsync(string organization) =>
        await platform.ClientAsync(PlatformRoles.ProviderStaff, await OrganizationCodeAsync(organization));

    private Task<string> OrganizationCodeAsync(string name) =>
        platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == name).Select(o => o.Code).SingleAsync());

    private static async Task<JsonElement> RowAsync(HttpClient client, string organization)
    {
        using var list = await client.GetAsync(new Uri($"/api/filings?year={Year}", UriKind.Relative));
        var body = await list.ReadJsonAsync(HttpStatusCode.OK, "filings");
        return body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("baseName").GetString()!.Contains(organization, StringComparison.Ordinal));
    }

    private static async Task<JsonElement> RunAsync(HttpClient office)
    {
        using var run = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, "/api/reminders/run");
        return await run.ReadJsonAsync(HttpStatusCode.OK, "run reminders");
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client)
    {
        using var inbox = await client.GetAsync(new Uri("/api/inbox", UriKind.Relative));
        return await inbox.ReadJsonAsync(HttpStatusCode.OK, "inbox");
    }

    private static async Task<int> InboxCountAsync(HttpClient client) => (await InboxAsync(client)).GetProperty("total").GetInt32();
}
