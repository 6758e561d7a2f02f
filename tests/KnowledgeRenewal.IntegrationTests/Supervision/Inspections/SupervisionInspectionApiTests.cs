using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Inspections;

/// <summary>
/// Double-random inspections through HTTP on the demo city: a plan drawn twice with the same seed draws the same
/// objects and inspectors (a different seed does not); inspectors never come from the inspected organization; a
/// finding with evidence opens a rectification, which blocks a redraw and closes with evidence; results publish only
/// when complete and then reach anonymous callers without personal data; only the program office gets in; writes are audited.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class SupervisionInspectionApiTests(PlatformFixture platform)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static async Task<(JsonElement Body, EntityTagHeaderValue ETag)> SendAsync(HttpClient client, HttpMethod method, string url, object? body, EntityTagHeaderValue? ifMatch, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        using var response = await client.SendAsync(request);
        var json = await response.ReadJsonAsync(expected, $"{method} {url}");
        return (json, response.Headers.ETag!);
    }

    private static string Signature(JsonElement plan) => string.Join("|", plan.GetProperty("inspections").EnumerateArray()
        .Select(i => i.GetProperty("objectId").GetString() + ":" + string.Join(",", i.GetProperty("inspectors").EnumerateArray().Select(e => e.GetString()))));

    [Fact]
    public async Task The_inspections_feed_is_the_offices_with_findings_and_without_inspectors_or_evidence()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var feed = await office.GetAsync(new Uri("/odata/Inspections?$expand=Findings&$filter=Conclusion ne null&$top=50", UriKind.Relative));
        var body = await feed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var rows = JsonDocument.Parse(body).RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.GetProperty("Findings").GetArrayLength() > 0);
        Assert.DoesNotContain("Inspectors", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Evidence", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ByName", body, StringComparison.Ordinal);

        foreach (var role in new[] { PlatformRoles.CountyAdmin, PlatformRoles.ProviderStaff })
        {
            var other = await platform.DemoClientAsync(role);
            using var refused = await other.GetAsync(new Uri("/odata/Inspections", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task An_inspection_of_a_base_counts_in_its_scorecard_with_its_findings()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var today = ProgramCalendar.Today(TimeProvider.System);
        var (plan, etag) = await SendAsync(office, HttpMethod.Post, "/api/inspection-plans", new
        {
            year = today.Year,
            title = "基地检查计入考核",
            inspectorsPerObject = 1,
            quotas = new object[] { new { kind = "Base", count = 1 } },
            weights = new Dictionary<string, decimal>(),
        }, null, HttpStatusCode.Created);
        var id = plan.GetProperty("id").GetString();
        var (drawn, _) = await SendAsync(office, HttpMethod.Post, $"/api/inspection-plans/{id}/draw", new { seed = 2026 }, etag, HttpStatusCode.OK);
        var inspection = Assert.Single(drawn.GetProperty("inspections").EnumerateArray());
        var inspectionId = inspection.GetProperty("id").GetString();
        var baseId = inspection.GetProperty("objectId").GetString();
        var scorecard = $"/api/supervision/bases/{baseId}/scorecards/{today.Year}";
        var (before, _) = await SendAsync(office, HttpMethod.Get, scorecard, null, null, HttpStatusCode.OK);
        Assert.True(before.GetProperty("inspectionsAvailable").GetBoolean());

        using (var form = new MultipartFormDataContent
        {
            { new StringContent("年度培训人数台账不完整。"), "text" },
            { new StringContent("true"), "requiresRectification" },
            { new StringContent(today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "dueOn" },
            { new ByteArrayContent(Png), "evidence", "台账.png" },
        })
        using (var created = await office.PostAsync(new Uri($"/api/inspections/{inspectionId}/findings", UriKind.Relative), form))
        {
            await created.ReadJsonAsync(HttpStatusCode.Created, "finding");
        }

        var (_, rowTag) = await SendAsync(office, HttpMethod.Get, $"/api/inspections/{inspectionId}", null, null, HttpStatusCode.OK);
        await SendAsync(office, HttpMethod.Put, $"/api/inspections/{inspectionId}/result", new
        {
            inspectedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            conclusion = "IssuesFound",
            summary = "基地检查：台账不完整，限期整改。",
        }, rowTag, HttpStatusCode.OK);

        var (after, _) = await SendAsync(office, HttpMethod.Get, scorecard, null, null, HttpStatusCode.OK);
        Assert.Equal(before.GetProperty("inspections").GetInt32() + 1, after.GetProperty("inspections").GetInt32());
        var score = after.GetProperty("figures").GetProperty("inspectionScore").GetDecimal();
        Assert.InRange(score, 0m, 99m);
        if (before.GetProperty("inspections").GetInt32() == 0)
        {
            Assert.Equal(80m, score);
        }
    }

    [Fact]
    public async Task A_plan_drawn_again_with_the_same_seed_draws_the_same_objects_and_inspectors_and_a_result_is_published_without_personal_data()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var year = ProgramCalendar.Today(TimeProvider.System).Year;
        var (plan, etag) = await SendAsync(office, HttpMethod.Post, "/api/inspection-plans", new
        {
            year,
            title = "接口测试抽查计划",
            inspectorsPerObject = 2,
            quotas = new object[] { new { kind = "Class", count = 4 }, new { kind = "Provider", sharePercent = 30 } },
            weights = new Dictionary<string, decimal> { ["overlap_flags"] = 3m, ["low_completion"] = 1m },
        }, null, HttpStatusCode.Created);
        var id = plan.GetProperty("id").GetString();
        Assert.Equal("Draft", plan.GetProperty("status").GetString());

        // Without If-Match: 428. With it: the draw, its seed and fingerprint recorded.
        await SendAsync(office, HttpMethod.Post, $"/api/inspection-plans/{id}/draw", new { seed = 42 }, null, HttpStatusCode.PreconditionRequired);
        var (first, etag1) = await SendAsync(office, HttpMethod.Post, $"/api/inspection-plans/{id}/draw", new { seed = 42 }, etag, HttpStatusCode.OK);
        var (second, etag2) = await SendAsync(office, HttpMethod.Post, $"/api/inspection-plans/{id}/draw", new { seed = 42 }, etag1, HttpStatusCode.OK);
        var (other, etag3) = await SendAsync(office, HttpMethod.Post, $"/api/inspection-plans/{id}/draw", new { seed = 43 }, etag2, HttpStatusCode.OK);

        Assert.True(first.GetProperty("inspections").GetArrayLength() >= 5, "four classes and 30% of the providers");
        Assert.Equal(42, first.GetProperty("seed").GetInt64());
        Assert.Equal(Signature(first), Signature(second));
        Assert.Equal(first.GetProperty("fingerprint").GetString(), second.GetProperty("fingerprint").GetString());
        Assert.NotEqual(first.GetProperty("fingerprint").GetString(), other.GetProperty("fingerprint").GetString());
        Assert.Equal([43L, 42L, 42L], other.GetProperty("draws").EnumerateArray().Select(d => d.GetProperty("seed").GetInt64()));

        // No inspector works for the organization inspected.
        var rows = await platform.QueryAsync(async db =>
            await (from a in db.Set<InspectionInspector>()
                   join i in db.Set<Inspection>() on a.InspectionId equals i.Id
                   join e in db.Set<Expert>() on a.ExpertId equals e.Id
                   where i.PlanId == Guid.Parse(id!)
                   select new { i.OrganizationId, ExpertOrganization = e.OrganizationId }).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotEqual(r.OrganizationId, r.ExpertOrganization));

        // A finding with evidence requiring rectification; then no redraw.
        var inspections = other.GetProperty("inspections").EnumerateArray().ToList();
        var firstId = inspections[0].GetProperty("id").GetString();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("签到表与学时登记不一致。"), "text" },
            { new StringContent("true"), "requiresRectification" },
            { new StringContent(ProgramCalendar.Today(TimeProvider.System).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "dueOn" },
            { new ByteArrayContent(Png), "evidence", "签到表.png" },
        };
        using var created = await office.PostAsync(new Uri($"/api/inspections/{firstId}/findings", UriKind.Relative), form);
        var finding = await created.ReadJsonAsync(HttpStatusCode.Created, "finding");
        Assert.Equal("Open", finding.GetProperty("rectification").GetString());
        Assert.Equal("签到表.png", Assert.Single(finding.GetProperty("evidence").EnumerateArray()).GetProperty("fileName").GetString());

        using (var notAnImage = new MultipartFormDataContent { { new StringContent("无效材料"), "text" }, { new ByteArrayContent("hello"u8.ToArray()), "evidence", "a.png" } })
        using (var refused = await office.PostAsync(new Uri($"/api/inspections/{firstId}/findings", UriKind.Relative), notAnImage))
        {
            await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "supervision.invalid_evidence");
        }

        var (afterFinding, etag4) = await SendAsync(office, HttpMethod.Get, $"/api/inspection-plans/{id}", null, null, HttpStatusCode.OK);
        using (var redraw = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/inspection-plans/{id}/draw", UriKind.Relative)) { Content = JsonContent.Create(new { seed = 1 }) })
        {
            redraw.Headers.IfMatch.Add(etag4);
            using var closed = await office.SendAsync(redraw);
            await closed.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.draw_closed");
        }

        // Publishing needs every result.
        using (var early = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/inspection-plans/{id}/publish", UriKind.Relative)))
        {
            early.Headers.IfMatch.Add(etag4);
            using var refused = await office.SendAsync(early);
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.results_missing");
        }

        foreach (var row in afterFinding.GetProperty("inspections").EnumerateArray())
        {
            var rowId = row.GetProperty("id").GetString();
            var (_, rowTag) = await SendAsync(office, HttpMethod.Get, $"/api/inspections/{rowId}", null, null, HttpStatusCode.OK);
            await SendAsync(office, HttpMethod.Put, $"/api/inspections/{rowId}/result", new
            {
                inspectedOn = ProgramCalendar.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                conclusion = rowId == firstId ? "IssuesFound" : "NoIssues",
                summary = rowId == firstId ? "接口测试：发现问题。" : "接口测试：未发现问题。",
            }, rowTag, HttpStatusCode.OK);
        }

        var (_, etag5) = await SendAsync(office, HttpMethod.Get, $"/api/inspection-plans/{id}", null, null, HttpStatusCode.OK);
        var (published, _) = await SendAsync(office, HttpMethod.Post, $"/api/inspection-plans/{id}/publish", null, etag5, HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());

        // Anyone reads the results: seed, fingerprint, findings; no inspector names, no phones.
        using var anonymous = platform.Anonymous();
        var results = await anonymous.GetStringAsync(new Uri("/api/public/inspection-results", UriKind.Relative));
        Assert.Contains("接口测试抽查计划", results, StringComparison.Ordinal);
        Assert.Contains("签到表与学时登记不一致。", results, StringComparison.Ordinal);
        Assert.Contains(other.GetProperty("fingerprint").GetString()!, results, StringComparison.Ordinal);
        var experts = await platform.QueryAsync(db => db.Set<Expert>().Select(e => new { e.Name, e.Phone }).ToListAsync());
        Assert.All(experts, e => Assert.DoesNotContain(e.Phone, results, StringComparison.Ordinal));
        foreach (var name in inspections.SelectMany(i => i.GetProperty("inspectors").EnumerateArray().Select(e => e.GetString()!)))
        {
            Assert.DoesNotContain(name, results, StringComparison.Ordinal);
        }

        // The rectification closes with evidence (If-Match: the finding's ETag), also after publishing.
        var findingTag = EntityTagHeaderValue.Parse(finding.GetProperty("eTag").GetString()!);
        using var closeForm = new MultipartFormDataContent { { new StringContent("已重新核对签到表并更正学时登记。"), "note" }, { new ByteArrayContent(Png), "evidence", "整改.png" } };
        using var close = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/inspection-findings/{finding.GetProperty("id").GetString()}/close", UriKind.Relative)) { Content = closeForm };
        close.Headers.IfMatch.Add(findingTag);
        using var closedResponse = await office.SendAsync(close);
        var closedFinding = await closedResponse.ReadJsonAsync(HttpStatusCode.OK, "close");
        Assert.Equal("Closed", closedFinding.GetProperty("rectification").GetString());
        Assert.Equal(2, closedFinding.GetProperty("evidence").GetArrayLength());

        // Every write is audited.
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(a => a.EntityType == nameof(InspectionPlan) || a.EntityType == nameof(InspectionFinding) || a.EntityType == nameof(InspectionDrawRecord))
            .Select(a => a.Action).Distinct().ToListAsync());
        Assert.Contains(AuditActions.DataCreated, audited);
        Assert.Contains(AuditActions.DataUpdated, audited);
    }

    [Fact]
    public async Task Only_the_program_office_reaches_the_pool_and_the_plans_and_an_unmasked_contact_is_audited()
    {
        using var anonymous = platform.Anonymous();
        using (var refused = await anonymous.GetAsync(new Uri("/api/inspection-plans", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        using (var refused = await county.GetAsync(new Uri("/api/experts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var (added, _) = await SendAsync(office, HttpMethod.Post, "/api/experts", new
        {
            name = "测试专家", specialty = "临床医学", title = "主任医师", organizationName = "测试医院", regionCode = "370811", phone = "13905370999", idNumber = "37081119800101001X",
        }, null, HttpStatusCode.Created);
        Assert.Equal("139****0999", added.GetProperty("phone").GetString());
        Assert.Equal("370811********001X", added.GetProperty("idNumber").GetString());
        var list = await office.GetStringAsync(new Uri("/api/experts?search=测试专家", UriKind.Relative));
        Assert.DoesNotContain("13905370999", list, StringComparison.Ordinal);

        var expertId = added.GetProperty("id").GetString();
        var contact = await office.GetJsonAsync($"/api/experts/{expertId}/contact");
        Assert.Equal("13905370999", contact.GetProperty("phone").GetString());
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .CountAsync(a => a.Action == AuditActions.PersonalDataViewed && a.EntityType == nameof(Expert) && a.EntityKey == expertId));
        Assert.Equal(1, audited);

        using var bad = await office.PostAsJsonAsync(new Uri("/api/experts", UriKind.Relative), new { name = "", specialty = "x", title = "x", organizationName = "x", regionCode = "370811", phone = "123" });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(problem.FieldErrors, e => e.Field == "name");
        Assert.Contains(problem.FieldErrors, e => e.Field == "phone");
    }
}
