using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Registry;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Ledger;

/// <summary>
/// The ledger through HTTP: hours recorded by hand by an authority over the person (credits converted by the
/// person's rules), pending records approved or rejected, approved ones revoked or corrected — never edited, never
/// deleted, both sides of a correction visible — with If-Match on every change, and the transcript and its export.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class LedgerApiTests(RegistryPlatformFixture platform)
{
    private static readonly DateOnly LastYearDay = new(DateTime.UtcNow.Year - 1, 6, 30);

    [Fact]
    public async Task A_county_admin_records_hours_for_a_person_of_the_region_and_credits_convert_by_the_persons_rules()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);

        using var hours = await PostAsync(county, "/api/credit-records", Manual(person.Id, 6m, category: "Public", subject: "GX-ZYDD"));
        var record = await hours.ReadJsonAsync(HttpStatusCode.Created, "record hours");
        Assert.Equal("Approved", record.GetProperty("status").GetString());
        Assert.Equal("已认定", record.GetProperty("statusLabel").GetString());
        Assert.Equal(6m, record.GetProperty("hours").GetDecimal());
        Assert.Equal("GX-ZYDD", record.GetProperty("subjectCode").GetString());
        Assert.Equal("专业技术人员职业道德与诚信建设", record.GetProperty("subjectName").GetString());
        Assert.Equal("ManualAdjustment", record.GetProperty("source").GetString());
        Assert.NotNull(hours.Headers.ETag);

        // Health counts in credits: 2.5 credits are 7.5 hours (1 credit = 3 hours), class I.
        using var credits = await PostAsync(county, "/api/credit-records", Manual(person.Id, 2.5m, unit: "Credit", subject: "WS-YGFK", creditClass: "I"));
        var converted = await credits.ReadJsonAsync(HttpStatusCode.Created, "record credits");
        Assert.Equal(7.5m, converted.GetProperty("hours").GetDecimal());
        Assert.Equal(2.5m, converted.GetProperty("enteredAmount").GetDecimal());
        Assert.Equal("Credit", converted.GetProperty("enteredUnit").GetString());
        Assert.Equal("health", converted.GetProperty("moduleKey").GetString());

        var list = await county.GetJsonAsync($"/api/credit-records?professionalId={person.Id}");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.All(list.GetProperty("items").EnumerateArray(), r => Assert.Equal(person.View.IdNumberMasked, r.GetProperty("personIdNumber").GetString()));

        var transcript = await county.GetJsonAsync($"/api/professionals/{person.Id}/transcript");
        var year = transcript.GetProperty("years")[0];
        Assert.Equal(LastYearDay.Year, year.GetProperty("year").GetInt32());
        Assert.Equal(6m, year.GetProperty("publicHours").GetDecimal());
        Assert.Equal(7.5m, year.GetProperty("professionalHours").GetDecimal());
        Assert.Equal(13.5m, year.GetProperty("totalHours").GetDecimal());
        Assert.DoesNotContain(person.IdNumber, transcript.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amount", -1, "Hour", "GX-ZYDD", null, "amount")]
    [InlineData("precision", 1.005, "Hour", "GX-ZYDD", null, "amount")]
    [InlineData("credits in an hours sector", 2, "Credit", "GX-ZYDD", null, "amount")]
    [InlineData("unknown subject", 2, "Hour", "NO-SUCH", null, "subjectCode")]
    [InlineData("another sector's subject", 2, "Hour", "WS-YGFK", null, "subjectCode")]
    [InlineData("class in a sector without classes", 2, "Hour", null, "I", "creditClass")]
    public async Task Bad_input_is_refused_naming_the_field(string @case, double amount, string unit, string? subject, string? creditClass, string field)
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A2); // education: hours, no credit classes
        var category = subject?.StartsWith("GX", StringComparison.Ordinal) == true ? "Public" : "Professional";
        using var response = await PostAsync(county, "/api/credit-records", Manual(person.Id, (decimal)amount, category, subject, unit, creditClass));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(problem.FieldErrors, e => e.Field == field);
        Assert.Equal(0, await platform.QueryAsync(db => db.CreditRecords.CountAsync(r => r.ProfessionalId == person.Id)));
        Assert.NotNull(@case);
    }

    [Fact]
    public async Task A_future_date_and_a_missing_title_are_refused()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        using var response = await PostAsync(county, "/api/credit-records", new
        {
            professionalId = person.Id,
            date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
            category = "Public",
            amount = 3,
        });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var fields = problem.FieldErrors.Select(e => e.Field).ToList();
        Assert.Contains("date", fields);
        Assert.Contains("title", fields);
    }

    [Fact]
    public async Task Only_authorities_over_the_person_record_by_hand()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        var otherCounty = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyB);
        using var elsewhere = await PostAsync(otherCounty, "/api/credit-records", Manual(person.Id, 2m));
        var problem = await elsewhere.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("professionalId", problem.FieldErrors[0].Field);

        foreach (var role in new[] { PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.Professional, PlatformRoles.SystemAdmin, PlatformRoles.AuditAdmin })
        {
            var client = await platform.ClientAsync(role);
            using var refused = await PostAsync(client, "/api/credit-records", Manual(person.Id, 2m));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var department = await platform.ClientAsync(PlatformRoles.DepartmentAdmin); // health
        using var allowed = await PostAsync(department, "/api/credit-records", Manual(person.Id, 2m));
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        Assert.Equal(1, await platform.QueryAsync(db => db.CreditRecords.CountAsync(r => r.ProfessionalId == person.Id)));
    }

    [Fact]
    public async Task Revoking_needs_the_current_version_and_a_reason_and_the_record_stays_visible()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        using var created = await PostAsync(county, "/api/credit-records", Manual(person.Id, 4m));
        var record = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = record.GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;
        var url = $"/api/credit-records/{id}/revoke";

        using var noVersion = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { reason = "重复登记" });
        Assert.Equal(HttpStatusCode.PreconditionRequired, noVersion.StatusCode);
        using var noReason = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { reason = " " }, etag);
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, LedgerProblemCodes.ReasonRequired);
        using var revoked = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { reason = "重复登记" }, etag);
        var view = await revoked.ReadJsonAsync(HttpStatusCode.OK, "revoke");
        Assert.Equal("Revoked", view.GetProperty("status").GetString());
        Assert.Equal("重复登记", view.GetProperty("revocationReason").GetString());

        using var stale = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { reason = "再次撤销" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var again = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { reason = "再次撤销" }, revoked.Headers.ETag!.Tag);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, LedgerProblemCodes.InvalidTransition);

        var transcript = await county.GetJsonAsync($"/api/professionals/{person.Id}/transcript");
        var year = transcript.GetProperty("years")[0];
        Assert.Equal(0m, year.GetProperty("totalHours").GetDecimal());
        Assert.Equal("Revoked", year.GetProperty("records")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_correction_revokes_the_record_and_adds_one_linked_both_ways()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        using var created = await PostAsync(county, "/api/credit-records", Manual(person.Id, 4m, subject: "WS-YGFK"));
        var original = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var corrected = await RegistryPlatformFixture.SendAsync(
            county, HttpMethod.Post, $"/api/credit-records/{original}/correct", new { reason = "学时录入有误", amount = 6 }, created.Headers.ETag!.Tag);
        var correction = await corrected.ReadJsonAsync(HttpStatusCode.Created, "correct");
        Assert.Equal(6m, correction.GetProperty("hours").GetDecimal());
        Assert.Equal(original, correction.GetProperty("correctsRecordId").GetGuid());
        Assert.Equal("WS-YGFK", correction.GetProperty("subjectCode").GetString());
        Assert.Equal("Approved", correction.GetProperty("status").GetString());

        var old = await county.GetJsonAsync($"/api/credit-records/{original}");
        Assert.Equal("Revoked", old.GetProperty("status").GetString());
        Assert.Equal(correction.GetProperty("id").GetGuid(), old.GetProperty("correctedByRecordId").GetGuid());
        Assert.Equal(4m, old.GetProperty("hours").GetDecimal());

        var year = (await county.GetJsonAsync($"/api/professionals/{person.Id}/transcript")).GetProperty("years")[0];
        Assert.Equal(2, year.GetProperty("records").GetArrayLength());
        Assert.Equal(6m, year.GetProperty("totalHours").GetDecimal());
    }

    [Fact]
    public async Task A_pending_record_is_approved_or_rejected_once_and_of_two_reviewers_exactly_one_wins()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var department = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        var first = await AddPendingAsync(person.Id);
        var second = await AddPendingAsync(person.Id);

        var etag = (await GetAsync(county, first)).ETag;
        var racers = await Task.WhenAll(
            RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, $"/api/credit-records/{first}/approve", new { reason = "核实无误" }, etag),
            RegistryPlatformFixture.SendAsync(department, HttpMethod.Post, $"/api/credit-records/{first}/reject", new { reason = "材料不全" }, etag));
        Assert.Single(racers, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(racers, r => r.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict);
        foreach (var response in racers)
        {
            response.Dispose();
        }

        using var noReason = await RegistryPlatformFixture.SendAsync(department, HttpMethod.Post, $"/api/credit-records/{second}/reject", new { }, (await GetAsync(department, second)).ETag);
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, LedgerProblemCodes.ReasonRequired);
        using var rejected = await RegistryPlatformFixture.SendAsync(department, HttpMethod.Post, $"/api/credit-records/{second}/reject", new { reason = "与培训记录不符" }, (await GetAsync(department, second)).ETag);
        var view = await rejected.ReadJsonAsync(HttpStatusCode.OK, "reject");
        Assert.Equal("Rejected", view.GetProperty("status").GetString());
        Assert.Equal("与培训记录不符", view.GetProperty("reviewReason").GetString());
        using var revokeRejected = await RegistryPlatformFixture.SendAsync(department, HttpMethod.Post, $"/api/credit-records/{second}/revoke", new { reason = "x" }, rejected.Headers.ETag!.Tag);
        await revokeRejected.AssertProblemAsync(HttpStatusCode.Conflict, LedgerProblemCodes.InvalidTransition);
    }

    [Fact]
    public async Task The_ledger_refuses_edits_and_deletes_of_records_below_the_API()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        using var created = await PostAsync(county, "/api/credit-records", Manual(person.Id, 5m));
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var edit = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.QueryAsync(async db =>
        {
            var record = await db.CreditRecords.SingleAsync(r => r.Id == id);
            db.Entry(record).Property(r => r.Hours).CurrentValue = CreditHours.FromHours(50m);
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", edit.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => platform.QueryAsync(async db =>
        {
            db.CreditRecords.Remove(await db.CreditRecords.SingleAsync(r => r.Id == id));
            return await db.SaveChangesAsync();
        }));
        var stored = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(CreditHours.FromHours(5m), stored.Hours);
        Assert.Equal(5m, stored.HoursDecimal);
    }

    [Fact]
    public async Task The_transcript_export_is_masked_and_audited_and_out_of_scope_people_are_not_found()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1, name: "档案导出测试");
        using var created = await PostAsync(county, "/api/credit-records", Manual(person.Id, 3m));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var export = await county.GetAsync(new Uri($"/api/professionals/{person.Id}/transcript/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Single(rows);
        Assert.Equal("已认定", rows[0]["状态"]);
        var audited = await platform.QueryAsync(db => db.AuditRecords.CountAsync(r => r.Action == AuditActions.DataExported && r.EntityKey == person.Id.ToString("D")));
        Assert.Equal(1, audited);

        var otherCounty = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyB);
        using var hidden = await otherCounty.GetAsync(new Uri($"/api/professionals/{person.Id}/transcript", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var none = await otherCounty.GetJsonAsync($"/api/credit-records?professionalId={person.Id}");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_OData_feed_sums_exact_hours_by_category_and_leaves_out_secrets()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        foreach (var amount in new[] { 0.1m, 0.2m, 0.3m, 1.33m })
        {
            using var created = await PostAsync(county, "/api/credit-records", Manual(person.Id, amount, category: "Public", subject: "GX-ZYDD"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var sums = await county.GetJsonAsync($"/odata/CreditRecords?$apply=filter(ProfessionalId eq {person.Id} and Status eq 'Approved')/groupby((Category),aggregate(Hours with sum as Total))");
        var row = Assert.Single(sums.GetProperty("value").EnumerateArray());
        Assert.Equal("Public", row.GetProperty("Category").GetString());
        Assert.Equal(1.93m, row.GetProperty("Total").GetDecimal());

        var selected = await county.GetJsonAsync($"/odata/CreditRecords?$filter=ProfessionalId eq {person.Id} and Hours gt 1&$select=Hours,Title");
        Assert.Equal(1.33m, Assert.Single(selected.GetProperty("value").EnumerateArray()).GetProperty("Hours").GetDecimal());

        foreach (var probe in new[] { "/odata/CreditRecords?$select=ConcurrencyStamp", "/odata/CreditRecords?$select=ReviewedByUserId", "/odata/Certificates?$select=VerificationCode", "/odata/Certificates?$filter=Credential ne null" })
        {
            using var refused = await county.GetAsync(new Uri(probe, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
    }

    private static object Manual(Guid professionalId, decimal amount, string category = "Professional", string? subject = null, string unit = "Hour", string? creditClass = null) => new
    {
        professionalId,
        date = LastYearDay,
        category,
        subjectCode = subject,
        amount,
        unit,
        creditClass,
        title = "人工登记测试",
        note = "按纸质证明补录",
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) =>
        RegistryPlatformFixture.SendAsync(client, HttpMethod.Post, url, body);

    private static async Task<(JsonElement View, string ETag)> GetAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync(new Uri($"/api/credit-records/{id}", UriKind.Relative));
        return (await response.ReadJsonAsync(HttpStatusCode.OK, "get record"), response.Headers.ETag!.Tag);
    }

    private Task<Guid> AddPendingAsync(Guid professionalId) => platform.QueryAsync(async db =>
    {
        var person = await db.Professionals.SingleAsync(p => p.Id == professionalId);
        var record = new CreditRecord
        {
            ProfessionalId = person.Id,
            Date = LastYearDay,
            CreditYear = LastYearDay.Year,
            Category = CreditCategory.Professional,
            Activity = ActivityType.ClassroomTraining,
            Hours = CreditHours.FromHours(8m),
            EnteredAmount = 8m,
            Title = "外部平台待核实学时",
            Source = RecordSource.ExternalImport,
            ExternalReference = "省平台 2024-001",
            RecordedAt = DateTime.UtcNow,
            RegionCode = person.RegionCode,
            DepartmentCode = person.DepartmentCode,
            EmployerId = person.EmployerId,
        };
        db.CreditRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });
}
