using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Identifiers;

namespace KnowledgeRenewal.IntegrationTests.Rosters;

/// <summary>
/// A platform for roster tests: the import platform's employers (A1, A2 in 任城区 health; B in 邹城市 education),
/// two training providers (P1 in 任城区, P2 in 邹城市) with a staff account each, and registered people: 1,100 at A1
/// (ID numbers 800,000…) and 20 at B (810,000…). Tests use disjoint people and days so they can share it.
/// </summary>
public sealed class RosterPlatform : ImportPlatform
{
    public const string ProviderP1 = "RS-P1";
    public const string ProviderP2 = "RS-P2";
    public const int AFirst = 800_000;
    public const int BFirst = 810_000;

    /// <summary>The fixture's employers (A1, A2, B): their people are the tests', not the demo's.</summary>
    public IReadOnlyList<Guid> TestEmployers => [EmployerA1Id, EmployerA2Id, EmployerBId];

    public Guid P1Id { get; private set; }

    public Guid P2Id { get; private set; }

    /// <summary>The people at A1 as professional-import rows (ID number, name, …).</summary>
    public List<string[]> PeopleA { get; private set; } = [];

    /// <summary>The people at B (邹城市, education).</summary>
    public List<string[]> PeopleB { get; private set; } = [];

    /// <inheritdoc/>
    protected override async Task SeedAsync()
    {
        await base.SeedAsync();
        (P1Id, P2Id) = await QueryAsync(async db =>
        {
            var bureaus = await FixtureRegistry.CountyBureausAsync(db);
            var p1 = new TrainingProvider { Code = ProviderP1, Name = "名单测试施教机构甲", RegionCode = CountyA, DepartmentCode = "health", Kind = ProviderKind.University, ParentId = bureaus["CB-" + CountyA], CreatedAt = DateTime.UtcNow };
            var p2 = new TrainingProvider { Code = ProviderP2, Name = "名单测试施教机构乙", RegionCode = CountyB, DepartmentCode = "education", Kind = ProviderKind.Association, ParentId = bureaus["CB-" + CountyB], CreatedAt = DateTime.UtcNow };
            db.TrainingProviders.AddRange(p1, p2);
            await db.SaveChangesAsync();
            return (p1.Id, p2.Id);
        });

        var office = await ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        PeopleA = ImportSheets.Professionals(1100, EmployerA1, first: AFirst);
        PeopleB = ImportSheets.Professionals(20, EmployerB, first: BFirst, division: CountyB);
        foreach (var (rows, name) in new[] { (PeopleA, "a.csv"), (PeopleB, "b.csv") })
        {
            var job = await office.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), name);
            Assert.True(job.Status() == "Completed", job.ToString());
        }
    }

    public Task<HttpClient> P1Async() => ClientAsync(PlatformRoles.ProviderStaff, ProviderP1);

    public Task<HttpClient> P2Async() => ClientAsync(PlatformRoles.ProviderStaff, ProviderP2);

    /// <summary>The professional ids of these people (by ID number).</summary>
    public async Task<Dictionary<string, Guid>> IdsAsync(IEnumerable<string[]> people)
    {
        var list = people.ToList();
        var stored = await ProfessionalsAsync(list.Select(r => r[0]));
        var hasher = Factory.Services.GetRequiredService<IdNumberHasher>();
        var byHash = stored.ToDictionary(p => p.IdNumberHash, p => p.Id);
        return list.ToDictionary(r => r[0], r => byHash[hasher.Hash(Parse(r[0]))]);
    }

    /// <summary>The class's credit records, as the platform sees them.</summary>
    public Task<List<CreditRecord>> RecordsAsync(Guid classId) =>
        QueryAsync(db => db.CreditRecords.AsNoTracking().Where(r => r.ClassId == classId).ToListAsync());

    /// <summary>A class body: a 3-day health class of 24 hours (professional, WS-JZJJ) unless changed.</summary>
    public static Dictionary<string, object?> ClassBody(DateOnly start, int days = 3, decimal hours = 24m, string category = "专业", string? subject = "WS-JZJJ", string? department = "health", string? region = null, Guid? providerId = null)
    {
        return new Dictionary<string, object?>
        {
            ["providerId"] = providerId,
            ["title"] = "名单测试班 " + start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["startDate"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = start.AddDays(days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["hours"] = hours,
            ["category"] = category,
            ["subjectCode"] = subject,
            ["departmentCode"] = department,
            ["regionCode"] = region,
        };
    }

    /// <summary>Creates (201) and finishes (200) a class; returns its id.</summary>
    public static async Task<Guid> FinishedClassAsync(HttpClient client, Dictionary<string, object?> body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var created = await client.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), body);
        var view = await created.ReadJsonAsync(HttpStatusCode.Created, "create class");
        var id = view.GetProperty("id").GetGuid();
        using var finish = await SendAsync(client, HttpMethod.Post, $"/api/classes/{id}/finish", null, created.Headers.ETag!.Tag);
        var finished = await finish.ReadJsonAsync(HttpStatusCode.OK, "finish class");
        Assert.Equal("Finished", finished.GetProperty("status").GetString());
        return id;
    }

    /// <summary>Roster rows: ID number, name, hours, category, subject.</summary>
    public static string[] RosterHeader { get; } = ["身份证号", "姓名", "学时", "科目类别", "科目代码"];

    public static string[] Row(string[] person, decimal hours, string category = "", string subject = "") =>
        [person[0], person[1], hours.ToString(CultureInfo.InvariantCulture), category, subject];
}

/// <summary>Uploading rosters over HTTP.</summary>
public static class RosterHttp
{
    public static async Task<HttpResponseMessage> UploadRosterAsync(this HttpClient client, Guid classId, byte[] content, string fileName, string? mode = null, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/classes/{classId}/roster" + (mode is null ? "" : "?mode=" + mode)) { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Uploads (expects 202) and waits for the job to end; returns the final job.</summary>
    public static async Task<JsonElement> RosterAsync(this HttpClient client, Guid classId, byte[] content, string fileName, string? mode = null, string? idempotencyKey = null)
    {
        using var response = await client.UploadRosterAsync(classId, content, fileName, mode, idempotencyKey);
        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted, "upload roster " + fileName);
        Assert.Equal("roster", accepted.GetProperty("kind").GetString());
        Assert.Equal(classId, accepted.GetProperty("targetId").GetGuid());
        Assert.Equal($"/api/registry/imports/{accepted.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return await client.WaitAsync(accepted.GetProperty("id").GetString()!);
    }

    public static IEnumerable<(int Row, string Column, string Code, string Message)> Warnings(this JsonElement job) =>
        job.GetProperty("warnings").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!));
}

/// <summary>One roster platform shared by the roster test classes (they use disjoint people and days).</summary>
[CollectionDefinition(Name)]
public sealed class RosterPlatforms : ICollectionFixture<RosterPlatform>
{
    public const string Name = "rosters";
}
