using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using static KnowledgeRenewal.IntegrationTests.DigitalEngineers.DigitalRequests;

namespace KnowledgeRenewal.IntegrationTests.DigitalEngineers;

/// <summary>
/// Digital-engineer training hours on the certificate (issue 20, ADR 0017), through HTTP: a completed (合格) training
/// writes the trainee's approved professional record (source 数字技术工程师培训), which the transcript and the
/// certificate show; recording it again or handling its notification again writes nothing; a changed result corrects
/// the record as a linked correction and the certificate is re-issued; 不合格 withdraws it; the demo's trainee has the
/// hours on the certificate.
/// </summary>
[Collection(DigitalEngineerPlatform.Name)]
public sealed class DigitalTrainingHoursTests(DigitalEngineerPlatformFixture platform)
{
    private const string Api = "/api/digital-engineers";
    private const string SourceLabel = "数字技术工程师培训";

    [Fact]
    public async Task A_completed_training_puts_its_hours_on_the_transcript_and_certificate_and_a_changed_result_corrects_them()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var body = Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.Trainer], "BigData", "Intermediate");
        var training = await CreatedAsync(provider, $"{Api}/trainings", body);
        var trainingId = training.GetProperty("id").GetGuid();
        var year = training.GetProperty("endDate").GetDateTime().Year;

        // One approved professional record of the training's last day, under 大数据's subject of the industry-and-IT catalog.
        var records = await RecordsAsync(office, trainee.Id);
        var first = Assert.Single(records);
        Assert.Equal(("Approved", "DigitalTraining", SourceLabel), (first.GetProperty("status").GetString(), first.GetProperty("source").GetString(), first.GetProperty("sourceLabel").GetString()));
        Assert.Equal(("Professional", "GX-DSJ", "industry-it"), (first.GetProperty("category").GetString(), first.GetProperty("subjectCode").GetString(), first.GetProperty("moduleKey").GetString()));
        Assert.Equal(40m, first.GetProperty("hours").GetDecimal());
        Assert.Equal(trainingId, first.GetProperty("digitalTrainingId").GetGuid());
        Assert.Equal(DigitalEngineerPlatformFixture.Trainer, first.GetProperty("providerName").GetString());
        Assert.Contains("大数据（中级）", first.GetProperty("title").GetString(), StringComparison.Ordinal);
        var firstId = first.GetProperty("id").GetGuid();

        // The trainee's transcript and certificate show the hours with their source.
        var transcript = await trainee.Client.GetJsonAsync($"/api/professionals/{trainee.Id:D}/transcript");
        var line = TranscriptRecords(transcript).Single(r => r.GetProperty("id").GetGuid() == firstId);
        Assert.Equal((SourceLabel, 40m), (line.GetProperty("sourceLabel").GetString(), line.GetProperty("hours").GetDecimal()));
        using (var issued = await trainee.Client.PostAsync(new Uri($"/api/professionals/{trainee.Id:D}/certificates/{year}", UriKind.Relative), null))
        {
            var certificate = await issued.ReadJsonAsync(HttpStatusCode.Created, "issue");
            var certified = certificate.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == firstId);
            Assert.Equal((SourceLabel, 40m), (certified.GetProperty("source").GetString(), certified.GetProperty("hours").GetDecimal()));
            Assert.Equal(40m, certificate.GetProperty("professionalHours").GetDecimal());
        }

        // Recorded again: refused, nothing written; the notification handled again: nothing written.
        using (var again = await PostAsync(provider, $"{Api}/trainings", body))
        {
            await again.AssertProblemAsync(HttpStatusCode.Conflict, DigitalEngineerProblemCodes.TrainingExists);
        }

        await PublishAgainAsync(trainingId);
        Assert.Single(await RecordsAsync(office, trainee.Id));

        // The institution corrects the hours: the record is revoked and a linked correction approved; the certificate re-issued.
        var etag = await ETagAsync(provider, trainingId);
        await PutResultAsync(provider, trainingId, new { passed = true, hours = 32, reason = "考勤复核：缺课 8 学时" }, null, HttpStatusCode.PreconditionRequired);
        var etag2 = await PutResultAsync(provider, trainingId, new { passed = true, hours = 32, reason = "考勤复核：缺课 8 学时" }, etag, HttpStatusCode.OK);
        await PutResultAsync(provider, trainingId, new { passed = true, hours = 30, reason = "再次复核" }, etag, HttpStatusCode.PreconditionFailed);
        records = await RecordsAsync(office, trainee.Id);
        Assert.Equal(2, records.Count);
        var revoked = records.Single(r => r.GetProperty("id").GetGuid() == firstId);
        var correction = records.Single(r => r.GetProperty("id").GetGuid() != firstId);
        Assert.Equal("Revoked", revoked.GetProperty("status").GetString());
        Assert.Contains("缺课 8 学时", revoked.GetProperty("revocationReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(correction.GetProperty("id").GetGuid(), revoked.GetProperty("correctedByRecordId").GetGuid());
        Assert.Equal(("Approved", 32m, firstId), (correction.GetProperty("status").GetString(), correction.GetProperty("hours").GetDecimal(), correction.GetProperty("correctsRecordId").GetGuid()));
        var certificates = await trainee.Client.GetJsonAsync($"/api/certificates?professionalId={trainee.Id:D}&year={year}");
        var versions = certificates.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        var valid = versions.Single(c => c.GetProperty("status").GetString() == "Valid");
        Assert.Contains(versions, c => c.GetProperty("status").GetString() == "Superseded");
        var current = await trainee.Client.GetJsonAsync($"/api/certificates/{valid.GetProperty("id").GetGuid():D}");
        var recertified = Assert.Single(current.GetProperty("records").EnumerateArray(), r => r.GetProperty("source").GetString() == SourceLabel);
        Assert.Equal(32m, recertified.GetProperty("hours").GetDecimal());

        // The same result again changes nothing; 不合格 withdraws the hours.
        Assert.Equal(etag2, await PutResultAsync(provider, trainingId, new { passed = true, hours = 32, reason = "确认" }, etag2, HttpStatusCode.OK));
        Assert.Equal(2, (await RecordsAsync(office, trainee.Id)).Count);
        await PutResultAsync(provider, trainingId, new { passed = false, hours = 32, reason = "结业考核不合格" }, etag2, HttpStatusCode.OK);
        records = await RecordsAsync(office, trainee.Id);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("Revoked", r.GetProperty("status").GetString()));
        await PublishAgainAsync(trainingId);
        Assert.Equal(2, (await RecordsAsync(office, trainee.Id)).Count);

        // Every record went into the audit log.
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(r => r.EntityType == nameof(CreditRecord) && r.EntityKey != null && r.EntityKey.Contains(firstId.ToString()))
            .CountAsync());
        Assert.True(audited >= 2, $"audit records of {firstId}: {audited}");
    }

    [Fact]
    public async Task A_certified_training_stays_passed_and_a_failed_one_writes_no_hours()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var trainer = platform.Institutions[DigitalEngineerPlatformFixture.Trainer];
        var failed = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, trainer, "ArtificialIntelligence", passed: false));
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        Assert.Empty(await RecordsAsync(office, trainee.Id));

        // A failed training passed after a re-examination: its hours now count.
        var failedId = failed.GetProperty("id").GetGuid();
        await PutResultAsync(provider, failedId, new { passed = true, hours = 40, reason = "补考合格" }, await ETagAsync(provider, failedId), HttpStatusCode.OK);
        var record = Assert.Single(await RecordsAsync(office, trainee.Id));
        Assert.Equal(("Approved", "GX-RGZN"), (record.GetProperty("status").GetString(), record.GetProperty("subjectCode").GetString()));

        await CreatedAsync(provider, $"{Api}/trainings/{failedId:D}/certificate", new { });
        using var locked = await PutAsync(provider, failedId, new { passed = false, hours = 40, reason = "误录" }, await ETagAsync(provider, failedId));
        await locked.AssertProblemAsync(HttpStatusCode.Conflict, DigitalEngineerProblemCodes.ResultLocked);
        // Another institution's staff: the training is outside its scope (404); the trainee: not an institution actor (403).
        var outsider = await platform.EvaluatorStaffAsync();
        using var hidden = await PutAsync(outsider, failedId, new { passed = true, hours = 30, reason = "x" }, await ETagAsync(provider, failedId));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var forbidden = await PutAsync(trainee.Client, failedId, new { passed = true, hours = 30, reason = "x" }, await ETagAsync(provider, failedId));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("Approved", Assert.Single(await RecordsAsync(office, trainee.Id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_field_has_its_subject_in_the_industry_and_it_catalog()
    {
        var codes = Enum.GetValues<DigitalField>().Select(DigitalTrainingHours.SubjectCode).Distinct().ToList();
        var found = await platform.QueryAsync(db => db.Subjects.Where(s => s.ModuleKey == DigitalTrainingHours.CatalogModule && s.Category == CreditCategory.Professional && codes.Contains(s.Code)).Select(s => s.Code).ToListAsync());
        Assert.Equal(codes.Order(), found.Order());
    }

    [Fact]
    public async Task The_demo_trainee_has_the_hours_of_the_demo_training_on_the_certificate_and_transcript()
    {
        var own = DemoAccounts.All.First(a => a.Role == PlatformRoles.Professional).UserName;
        var (person, training) = await platform.QueryAsync(async db =>
        {
            var user = await db.Users.IgnoreQueryFilters().Where(u => u.UserName == own).Select(u => u.Id).SingleAsync();
            var id = await db.Professionals.IgnoreQueryFilters().Where(p => p.UserId == user).Select(p => p.Id).SingleAsync();
            return (id, await db.DigitalTrainings.IgnoreQueryFilters().Where(t => t.ProfessionalId == id && t.RecordedByUserId == null).OrderBy(t => t.RecordedAt).FirstAsync());
        });
        Assert.True(training.Passed);
        var client = await platform.DemoClientAsync(PlatformRoles.Professional);

        var transcript = await client.GetJsonAsync($"/api/professionals/{person:D}/transcript");
        var line = TranscriptRecords(transcript).Single(r => r.GetProperty("digitalTrainingId").ValueKind == JsonValueKind.String && r.GetProperty("digitalTrainingId").GetGuid() == training.Id);
        Assert.Equal(("Approved", SourceLabel, (decimal)training.Hours), (line.GetProperty("status").GetString(), line.GetProperty("sourceLabel").GetString(), line.GetProperty("hours").GetDecimal()));

        // The year's certificate (seeded for past years, issued now for this one) lists it.
        using var issued = await client.PostAsync(new Uri($"/api/professionals/{person:D}/certificates/{training.EndDate.Year}", UriKind.Relative), null);
        Assert.True(issued.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"issue: {(int)issued.StatusCode}");
        var certificate = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        var certified = certificate.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == line.GetProperty("id").GetGuid());
        Assert.Equal((SourceLabel, (decimal)training.Hours), (certified.GetProperty("source").GetString(), certified.GetProperty("hours").GetDecimal()));

        // The certificate's page shows the line with its source.
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var page = await office.GetStringAsync(new Uri($"/certificates/{certificate.GetProperty("id").GetGuid():D}", UriKind.Relative));
        Assert.Contains(SourceLabel, page, StringComparison.Ordinal);

        // OData: the source is an enum member of the feed, the link a column.
        var metadata = await office.GetStringAsync(new Uri("/odata/$metadata", UriKind.Relative));
        Assert.Contains("<Member Name=\"DigitalTraining\" Value=\"6\"", metadata, StringComparison.Ordinal);
        Assert.Contains("<Property Name=\"DigitalTrainingId\"", metadata, StringComparison.Ordinal);
        var feed = await office.GetJsonAsync($"/odata/CreditRecords?$filter=Source eq 'DigitalTraining' and ProfessionalId eq {person:D}&$select=Hours,Source,DigitalTrainingId");
        var row = Assert.Single(feed.GetProperty("value").EnumerateArray(), r => r.GetProperty("DigitalTrainingId").GetGuid() == training.Id);
        Assert.Equal(("DigitalTraining", (decimal)training.Hours), (row.GetProperty("Source").GetString(), row.GetProperty("Hours").GetDecimal()));
    }

    private static async Task<List<JsonElement>> RecordsAsync(HttpClient client, Guid person)
    {
        var page = await client.GetJsonAsync($"/api/credit-records?professionalId={person:D}&source=DigitalTraining&pageSize=100");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static IEnumerable<JsonElement> TranscriptRecords(JsonElement transcript) =>
        transcript.GetProperty("years").EnumerateArray().SelectMany(y => y.GetProperty("records").EnumerateArray());

    private static async Task<string> ETagAsync(HttpClient client, Guid training)
    {
        using var response = await client.GetAsync(new Uri($"{Api}/trainings/{training:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid training, object body, string? ifMatch) =>
        PlatformFixtureBase.SendAsync(client, HttpMethod.Put, $"{Api}/trainings/{training:D}/result", body, ifMatch);

    private static async Task<string?> PutResultAsync(HttpClient client, Guid training, object body, string? ifMatch, HttpStatusCode expected)
    {
        using var response = await PutAsync(client, training, body, ifMatch);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"PUT result: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return response.Headers.ETag?.Tag;
    }

    // Programs' notification of the training's current facts, handled once more.
    private Task PublishAgainAsync(Guid trainingId) => platform.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<Kernel.Persistence.PlatformDbContext>();
        var training = await db.DigitalTrainings.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == trainingId);
        var institution = await db.DigitalInstitutions.AsNoTracking().SingleAsync(i => i.Id == training.InstitutionId);
        await services.GetRequiredService<IMediator>().Publish(DigitalTrainingCompleted.Of(training, institution.OrganizationName, new DigitalActor(null, "system")));
    });
}
