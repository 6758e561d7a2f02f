using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.IntegrationTests.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Rosters;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Projects;

/// <summary>
/// A municipal advanced seminar from its application to the certificates of its participants, through HTTP with the
/// roles that act in real life: the provider applies, the health department recommends, the program office has it
/// scored and approves it, the public notice runs out without objection, it is published and started; the provider
/// opens its class, finishes it and uploads the roster; the project is completed with its summary and archived; the
/// program office issues each participant's certificate of the year, which anyone verifies by its code; and the
/// year's plan counts the seminar and its trainees.
/// </summary>
public sealed class SeminarEndToEndTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    private const int Participants = 5;

    [Fact]
    public async Task A_seminar_goes_from_application_to_verified_certificates_of_its_participants()
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var office = await platform.OfficeAsync();

        // The seminar ran in the past four weeks' window (so its class can be finished now).
        var today = ProgramCalendar.Today(TimeProvider.System);
        var start = today.AddDays(-40);
        var end = start.AddDays(4);
        var year = start.Year;
        var before = await SeminarProgressAsync(office, year);

        // 1. Participants: registered at the demo hospital by the program office.
        var employer = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Code == platform.EmployerCode).Select(o => new { o.Code, o.RegionCode }).SingleAsync());
        var people = ImportSheets.Professionals(Participants, employer.Code, first: 870_000, division: employer.RegionCode.Length == 6 && employer.RegionCode != "370800" ? employer.RegionCode : "370811");
        var import = await office.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, people), "研修班学员.csv");
        Assert.True(import.Status() == "Completed", import.ToString());

        // 2. Application → recommendation → review → approval → notice → publication → start.
        var application = new
        {
            title = "医疗卫生高层次人才知识更新高级研修班（全流程）",
            type = "AdvancedSeminar",
            level = "Municipal",
            field = "Health",
            recommenderOrganizationId = platform.HealthDepartmentId,
            startDate = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            endDate = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            capacity = 40,
            mode = "Offline",
            description = "面向医疗卫生领域中高层次专业技术人才。",
            funding = new { municipalFen = 20_000_000L, selfRaisedFen = 5_000_000L },
            targetTitleLevel = "AssociateSenior",
        };
        var (id, etag) = await ProjectPlatform.CreateAsync(provider, application);
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "submit", etag, new { comment = "申报" });
        (_, etag) = await ProjectPlatform.StepOkAsync(health, id, "recommend", etag, new { comment = "同意推荐" });
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "start-review", etag);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "score", etag, await ProjectPlatform.ScoreAsync(office, 90, "方案可行"));
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "approve", etag, new { comment = "同意立项" });
        (_, _) = await ProjectPlatform.StepOkAsync(office, id, "start-notice", etag);
        var notices = await platform.Factory.CreateClient().GetStringAsync(new Uri("/notices", UriKind.Relative));
        Assert.Contains(application.title, notices, StringComparison.Ordinal);
        await platform.ShiftIntoPastAsync(id, 20);
        etag = await ProjectPlatform.ETagAsync(office, id);
        (_, etag) = await ProjectPlatform.StepOkAsync(office, id, "publish", etag, new { comment = "公示期满无异议" });
        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "start", etag);

        // 3. The class of the project: opened, finished, its roster uploaded (hours capped by the class's length).
        var providerId = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Code == platform.ProviderCode).Select(o => o.Id).SingleAsync());
        var classBody = RosterPlatform.ClassBody(start, days: 5, hours: 40m, subject: null);
        classBody["projectId"] = id;
        classBody["title"] = "高级研修班第一期";
        var classId = await RosterPlatform.FinishedClassAsync(provider, classBody);
        var rows = people.Select((p, i) => RosterPlatform.Row(p, i == 0 ? 48m : 40m)).ToList();
        var refused = await provider.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), "学员名单.csv");
        Assert.Equal("Rejected", refused.Status());
        Assert.Contains("40", refused.ToString(), StringComparison.Ordinal);
        rows[0] = RosterPlatform.Row(people[0], 40m);
        var roster = await provider.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), "学员名单（更正）.csv");
        Assert.True(roster.Status() == "Completed", roster.ToString());

        var ids = await IdsAsync(people);
        var records = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().Where(r => r.ClassId == classId).ToListAsync());
        Assert.Equal(Participants, records.Count);
        Assert.All(records, r => Assert.Equal((RecordSource.ProjectRoster, CreditRecordStatus.Approved, providerId, 40m), (r.Source, r.Status, r.ProviderId!.Value, r.Hours.Hours)));

        // 4. Completed with its summary, then archived; every step is in the history.
        using (var noSummary = await ProjectPlatform.StepAsync(provider, id, "complete", etag))
        {
            await noSummary.AssertProblemAsync(HttpStatusCode.BadRequest, ProjectProblemCodes.SummaryMissing);
        }

        (_, etag) = await ProjectPlatform.StepOkAsync(provider, id, "complete", etag, new { summary = "共培训 5 人，均考核合格。" });
        var (archived, _) = await ProjectPlatform.StepOkAsync(office, id, "archive", etag);
        Assert.Equal("Archived", archived.Project.Status);
        Assert.Equal(
            ["submit", "recommend", "start-review", "score", "approve", "start-notice", "publish", "start", "complete", "archive"],
            archived.History.Select(h => h.Action));

        // 5. Each participant's certificate of the year carries the seminar's 40 professional hours and verifies by its code.
        var anonymous = platform.Factory.CreateClient();
        foreach (var person in people)
        {
            using var issued = await office.PostAsync(new Uri($"/api/professionals/{ids[person[0]]}/certificates/{year}", UriKind.Relative), null);
            var certificate = await issued.ReadJsonAsync(HttpStatusCode.Created, "certificate of " + person[1]);
            var verified = await anonymous.GetJsonAsync($"/api/public/certificates/{certificate.GetProperty("verificationCode").GetString()}");
            Assert.Equal((year, 40m, "有效"), (verified.GetProperty("year").GetInt32(), verified.GetProperty("professionalHours").GetDecimal(), verified.GetProperty("validity").GetString()));
            Assert.DoesNotContain(person[0], verified.GetRawText(), StringComparison.Ordinal);
        }

        // 6. The year's plan counts the seminar and its participants.
        Assert.Equal((before.Projects + 1, before.Trainees + Participants), await SeminarProgressAsync(office, year));
    }

    private static async Task<(int Projects, int Trainees)> SeminarProgressAsync(HttpClient office, int year)
    {
        var plan = await office.GetAsAsync<AnnualPlanAnswer>($"/api/annual-plans/{year}");
        var seminars = plan.Targets.Single(t => t.Key == nameof(ProjectType.AdvancedSeminar));
        return (seminars.ActualProjects, seminars.ActualTrainees);
    }

    private async Task<Dictionary<string, Guid>> IdsAsync(List<string[]> people)
    {
        var hasher = platform.Factory.Services.GetRequiredService<IdNumberHasher>();
        var hashes = people.ToDictionary(p => hasher.Hash(ImportPlatform.Parse(p[0])), p => p[0]);
        var stored = await platform.QueryAsync(db => db.Professionals.IgnoreQueryFilters().Where(p => hashes.Keys.Contains(p.IdNumberHash)).Select(p => new { p.IdNumberHash, p.Id }).ToListAsync());
        return stored.ToDictionary(s => hashes[s.IdNumberHash], s => s.Id);
    }
}
