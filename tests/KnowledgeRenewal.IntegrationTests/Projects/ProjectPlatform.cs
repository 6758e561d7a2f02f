using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Projects;

/// <summary>
/// A demo-mode platform of its own for the project tests (they change projects other tests would count), with
/// accounts at the demo organizations: the demo provider (济宁医学院, 太白湖新区, health), the demo employer
/// (济宁市第一人民医院, health), the health department, the 太白湖新区 and 任城区 bureaus, the program office.
/// </summary>
public sealed class ProjectPlatform : PlatformFixtureBase
{
    public string ProviderCode { get; private set; } = "";

    public string EmployerCode { get; private set; } = "";

    public Guid HealthDepartmentId { get; private set; }

    public Guid TaibaihuBureauId { get; private set; }

    public Guid RenchengBureauId { get; private set; }

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Projects:ObjectionsPerMinute"] = "200",
        ["Projects:Deadlines:Submitted"] = "10",
    };

    /// <inheritdoc/>
    protected override Task SeedAsync() => QueryAsync(async db =>
    {
        var organizations = await db.Organizations.IgnoreQueryFilters().ToListAsync();
        ProviderCode = organizations.First(o => o.Name == DemoOrganizations.DemoProvider).Code;
        EmployerCode = organizations.First(o => o.Name == DemoOrganizations.DemoEmployer).Code;
        HealthDepartmentId = organizations.Single(o => o.Code == "LD-health").Id;
        TaibaihuBureauId = organizations.Single(o => o.Code == "CB-370800-TBH").Id;
        RenchengBureauId = organizations.Single(o => o.Code == "CB-370811").Id;
        return 0;
    });

    public Task<HttpClient> OfficeAsync() => Accounts.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

    public Task<HttpClient> ProviderAsync() => Accounts.ClientAsync(PlatformRoles.ProviderStaff, ProviderCode);

    public Task<HttpClient> EmployerAsync() => Accounts.ClientAsync(PlatformRoles.EmployerHr, EmployerCode);

    public Task<HttpClient> HealthAsync() => Accounts.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health");

    public Task<HttpClient> TaibaihuAsync() => Accounts.ClientAsync(PlatformRoles.CountyAdmin, "CB-370800-TBH");

    public Task<HttpClient> RenchengAsync() => Accounts.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811");

    /// <summary>A second program-office account (for two reviewers acting at once).</summary>
    public async Task<HttpClient> SecondOfficeAsync()
    {
        var account = await Accounts.CreateAsync($"test.office2.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProgramOfficeAdmin], "PO");
        return await Accounts.SignedInClientAsync(account);
    }

    /// <summary>Time passes: the project's notice period (and state) began <paramref name="days"/> days earlier.</summary>
    public Task ShiftIntoPastAsync(Guid projectId, int days) => QueryAsync(async db =>
    {
        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == projectId);
        project.NoticeStart = project.NoticeStart?.AddDays(-days);
        project.NoticeEnd = project.NoticeEnd?.AddDays(-days);
        project.StatusChangedAt = project.StatusChangedAt.AddDays(-days);
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>Sets the project's notice period (China Standard Time days), e.g. to one not started yet or already over.</summary>
    public Task SetNoticePeriodAsync(Guid projectId, DateOnly start, DateOnly end) => QueryAsync(async db =>
    {
        var project = await db.Projects.IgnoreQueryFilters().SingleAsync(p => p.Id == projectId);
        (project.NoticeStart, project.NoticeEnd) = (start, end);
        await db.SaveChangesAsync();
        return 0;
    });

    /// <summary>Today in China Standard Time (the program's calendar).</summary>
    public static DateOnly Today => ProgramCalendar.Today(TimeProvider.System);

    /// <summary>A draft application body.</summary>
    public static object Application(string title, ProjectType type, Guid recommender, ProjectLevel level = ProjectLevel.Municipal, string? regionCode = null) => new
    {
        title,
        type = type.ToString(),
        level = level.ToString(),
        field = "Health",
        recommenderOrganizationId = recommender,
        regionCode,
        startDate = "2027-04-12",
        endDate = "2027-04-16",
        capacity = 40,
        mode = "Offline",
        description = "面向医疗卫生领域中高层次专业技术人才。",
        funding = new { selfRaisedFen = 25_000_000L, employerFen = 5_000_000L },
        targetTitleLevel = "AssociateSenior",
    };

    /// <summary>Creates a draft; returns its id and ETag.</summary>
    public static async Task<(Guid Id, string ETag)> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/projects", UriKind.Relative), body);
        var created = await response.ReadAsAsync<ProjectDetailAnswer>(HttpStatusCode.Created, "create project");
        return (created.Project.Id, response.Headers.ETag!.Tag);
    }

    /// <summary>Sends a step with an If-Match header.</summary>
    public static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string action, string? etag, object? body = null) =>
        SendAsync(client, HttpMethod.Post, $"/api/projects/{id}/{action}", body ?? new { }, etag);

    private static int experts;

    /// <summary>
    /// Adds a fresh expert to the pool (<c>POST /api/experts</c>, as the program office) and returns its id: a new one
    /// for every review, so the pool's co-work rule (one review of an organization bars reviewing it again for months)
    /// does not refuse the next test's score. With <paramref name="organizationId"/> the expert works there.
    /// </summary>
    public static async Task<Guid> PoolExpertAsync(HttpClient office, Guid? organizationId = null, string? name = null)
    {
        var n = Interlocked.Increment(ref experts);
        using var response = await office.PostAsJsonAsync(new Uri("/api/experts", UriKind.Relative), new
        {
            name = name ?? FormattableString.Invariant($"评审专家{n:D3}"), specialty = "临床医学", title = "主任医师", organizationId,
            organizationName = organizationId is null ? "外市医院" : null, regionCode = "370811",
            phone = FormattableString.Invariant($"139{Random.Shared.Next(10_000_000, 99_999_999)}"),
        });
        var added = await response.ReadAsAsync<JsonElement>(HttpStatusCode.Created, "add expert");
        return added.GetProperty("id").GetGuid();
    }

    /// <summary>A score by a fresh expert of the pool (see <see cref="PoolExpertAsync"/>).</summary>
    public static async Task<object> ScoreAsync(HttpClient office, int score, string? comment = null) =>
        new { expertId = await PoolExpertAsync(office), score, comment };

    /// <summary>Takes a step that must succeed; returns the project's view and its new ETag.</summary>
    public static async Task<(ProjectDetailAnswer Detail, string ETag)> StepOkAsync(HttpClient client, Guid id, string action, string etag, object? body = null)
    {
        using var response = await StepAsync(client, id, action, etag, body);
        var detail = await response.ReadAsAsync<ProjectDetailAnswer>(HttpStatusCode.OK, action);
        return (detail, response.Headers.ETag!.Tag);
    }

    /// <summary>A municipal seminar of the demo provider walked to its public notice, the period open today; returns its id.</summary>
    public async Task<Guid> InNoticeAsync(string title)
    {
        var provider = await ProviderAsync();
        var health = await HealthAsync();
        var office = await OfficeAsync();
        var (id, etag) = await CreateAsync(provider, Application(title, ProjectType.AdvancedSeminar, HealthDepartmentId));
        (_, etag) = await StepOkAsync(provider, id, "submit", etag);
        (_, etag) = await StepOkAsync(health, id, "recommend", etag);
        (_, etag) = await StepOkAsync(office, id, "start-review", etag);
        (_, etag) = await StepOkAsync(office, id, "score", etag, await ScoreAsync(office, 86));
        (_, etag) = await StepOkAsync(office, id, "approve", etag);
        var (notice, _) = await StepOkAsync(office, id, "start-notice", etag);

        // On a weekend or holiday the period begins on the next working day: let time pass until it is open.
        var start = notice.Project.NoticeStart!.Value;
        if (start > Today)
        {
            await ShiftIntoPastAsync(id, start.DayNumber - Today.DayNumber);
        }

        return id;
    }

    /// <summary>The current ETag of a project.</summary>
    public static async Task<string> ETagAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(new Uri($"/api/projects/{id}", UriKind.Relative));
        await response.ReadAsAsync<ProjectDetailAnswer>(HttpStatusCode.OK, "get project");
        return response.Headers.ETag!.Tag;
    }
}
