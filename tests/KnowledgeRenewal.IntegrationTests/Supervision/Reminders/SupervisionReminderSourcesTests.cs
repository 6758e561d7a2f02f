using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Reminders;

/// <summary>
/// The workflow-step and notice reminders through HTTP, on a platform without the demo city and "today" set on
/// supervision's deadline clock (March 2027, weekends only as holidays): the rules are seeded rows; a submitted
/// project (10 working days to recommend) reaches its recommending county's inbox from three days before its due day
/// and nobody else's; a project whose notice ends reaches the program office's from two days before the last day;
/// every repeated run delivers nothing twice.
/// </summary>
public sealed class SupervisionReminderSourcesTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 3, 9, 10, 0, 0, TimeSpan.FromHours(8)));
    private TestPlatform platform = null!;

    public async Task InitializeAsync() =>
        platform = await TestPlatform.StartAsync(
            demoMode: false,
            manySignIns: true,
            testServices: services =>
            {
                services.RemoveAllKeyed<TimeProvider>(DeadlineClock.Key);
                services.AddKeyedSingleton<TimeProvider>(DeadlineClock.Key, clock);
            });

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task Steps_nearing_their_deadline_and_notices_ending_reach_whoever_acts_next_once()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var submitted = await ProjectAsync("JN-TEST-STEP", ProjectStatus.Submitted, new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), null);
        var inNotice = await ProjectAsync("JN-TEST-NOTICE", ProjectStatus.PublicNotice, new DateTimeOffset(2027, 3, 8, 9, 0, 0, TimeSpan.FromHours(8)), (new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 12)));

        using (var rules = await office.GetAsync(new Uri("/api/reminders/rules", UriKind.Relative)))
        {
            var all = (await rules.ReadJsonAsync(HttpStatusCode.OK, "rules")).EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, StringComparer.Ordinal);
            Assert.Equal(3, all["project.step_due"].GetProperty("leadDays").GetInt32());
            Assert.Equal(2, all["notice.ending"].GetProperty("leadDays").GetInt32());
            Assert.True(all["hours.short"].GetProperty("enabled").GetBoolean());
            Assert.NotNull(all["project.step_due"].GetProperty("updatedByName").GetString()); // a seeded row, not the built-in default
        }

        // March 9: the step is due on March 15 (10 working days from March 1), the notice ends on March 12 — both too far.
        await RunAsync(office);
        Assert.Empty(await RuleRowsAsync(county, "project.step_due"));
        Assert.Empty(await RuleRowsAsync(office, "notice.ending"));

        // March 12: three days before the step's due day, the notice's last day.
        clock.SetUtcNow(new DateTimeOffset(2027, 3, 12, 10, 0, 0, TimeSpan.FromHours(8)));
        await RunAsync(office);
        var step = Assert.Single(await RuleRowsAsync(county, "project.step_due"));
        Assert.Equal($"/reviews/projects/{submitted}", step.GetProperty("link").GetString());
        Assert.Equal("2027-03-15", step.GetProperty("dueOn").GetString());
        Assert.Contains("JN-TEST-STEP", step.GetProperty("body").GetString(), StringComparison.Ordinal);
        var notice = Assert.Single(await RuleRowsAsync(office, "notice.ending"));
        Assert.Equal($"/office/projects/{inNotice}", notice.GetProperty("link").GetString());
        Assert.Contains("公示期", notice.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Empty(await RuleRowsAsync(office, "project.step_due")); // a submitted project is the county's to act on
        Assert.Empty(await RuleRowsAsync(county, "notice.ending"));

        var again = await RunAsync(office);
        Assert.Equal(0, again.GetProperty("delivered").GetInt32());
        clock.SetUtcNow(new DateTimeOffset(2027, 3, 16, 10, 0, 0, TimeSpan.FromHours(8))); // overdue now: still the same occasion
        await RunAsync(office);
        Assert.Single(await RuleRowsAsync(county, "project.step_due"));
        Assert.Single(await RuleRowsAsync(office, "notice.ending"));
    }

    [Fact]
    public async Task Professionals_short_of_hours_are_reminded_once_in_the_last_quarter_with_what_is_missing()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var shortAccount = await platform.Accounts.CreateAsync("test.hours.short", [PlatformRoles.Professional], ProgramOrganizations.ProgramOfficeCode);
        var metAccount = await platform.Accounts.CreateAsync("test.hours.met", [PlatformRoles.Professional], ProgramOrganizations.ProgramOfficeCode);
        await platform.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var registry = new FixtureRegistry(2027);
            var employer = registry.AddEmployer(db, "学时提醒测试医院", "370811", "health", await FixtureRegistry.CountyBureausAsync(db));
            foreach (var (account, status, counted) in new[] { (shortAccount, ComplianceStatus.InProgress, 40m), (metAccount, ComplianceStatus.Met, 90m) })
            {
                var (person, _) = FixtureRegistry.AddProfessional(sp, db, employer, registry.NewIdNumber(), "学时" + account.UserName[^5..], account.Id);
                db.Compliance.Add(new CycleCompliance
                {
                    ProfessionalId = person.Id,
                    CycleStart = 2027,
                    CycleEnd = 2027,
                    RuleScope = "default",
                    Status = status,
                    Counted = CreditHours.FromHours(counted),
                    Required = CreditHours.FromHours(90m),
                    Missing = status == ComplianceStatus.Met ? null : "专业科目还差 50 学时",
                    RegionCode = "370811",
                    DepartmentCode = "health",
                    EmployerId = employer.Id,
                    ComputedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        });
        var shortClient = await platform.Accounts.SignedInClientAsync(shortAccount);
        var metClient = await platform.Accounts.SignedInClientAsync(metAccount);

        // September: not yet the last quarter.
        clock.SetUtcNow(new DateTimeOffset(2027, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)));
        await RunAsync(office);
        Assert.Empty(await RuleRowsAsync(shortClient, "hours.short"));

        // October: the one still in progress is reminded with what is missing; the one who met the rule is not.
        clock.SetUtcNow(new DateTimeOffset(2027, 10, 8, 10, 0, 0, TimeSpan.FromHours(8)));
        await RunAsync(office);
        var reminder = Assert.Single(await RuleRowsAsync(shortClient, "hours.short"));
        Assert.Equal("/my/hours", reminder.GetProperty("link").GetString());
        Assert.Contains("专业科目还差 50 学时", reminder.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("2027-12-31", reminder.GetProperty("dueOn").GetString());
        Assert.Empty(await RuleRowsAsync(metClient, "hours.short"));

        // Once per cycle: November's run delivers nothing new to them.
        clock.SetUtcNow(new DateTimeOffset(2027, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)));
        await RunAsync(office);
        Assert.Single(await RuleRowsAsync(shortClient, "hours.short"));
    }

    private Task<Guid> ProjectAsync(string number, ProjectStatus status, DateTimeOffset since, (DateOnly Start, DateOnly End)? notice) => platform.QueryAsync(async db =>
    {
        var bureau = await db.Organizations.IgnoreQueryFilters().Where(o => o.Code == "CB-370811").Select(o => o.Id).SingleAsync();
        var applicant = await db.Organizations.IgnoreQueryFilters().Where(o => o.Code == "LD-health").Select(o => o.Id).SingleAsync();
        var project = new Project
        {
            Number = number,
            Title = "知识更新工程高级研修班 " + number,
            Type = ProjectType.AdvancedSeminar,
            Level = ProjectLevel.Municipal,
            Status = status,
            ApplicantOrganizationId = applicant,
            RecommenderOrganizationId = bureau,
            RegionCode = "370811",
            CreditYear = 2027,
            StartDate = new DateOnly(2027, 6, 1),
            EndDate = new DateOnly(2027, 6, 5),
            Capacity = 60,
            NoticeStart = notice?.Start,
            NoticeEnd = notice?.End,
            CreatedAt = since.UtcDateTime,
            UpdatedAt = since.UtcDateTime,
            StatusChangedAt = since.UtcDateTime,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });

    private static async Task<JsonElement> RunAsync(HttpClient office)
    {
        using var run = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, "/api/reminders/run");
        return await run.ReadJsonAsync(HttpStatusCode.OK, "run reminders");
    }

    private static async Task<List<JsonElement>> RuleRowsAsync(HttpClient client, string rule)
    {
        using var inbox = await client.GetAsync(new Uri("/api/inbox", UriKind.Relative));
        var body = await inbox.ReadJsonAsync(HttpStatusCode.OK, "inbox");
        return [.. body.GetProperty("items").EnumerateArray().Where(m => m.GetProperty("rule").GetString() == rule)];
    }
}
