using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>
/// The title-evaluation export (职称评审继续教育记录, ADR 0029) through HTTP: the person, their employer, the county over
/// them and the program office get it as xlsx and as a signed JSON document; another county or employer gets 404, a
/// role that reads no one's compliance 403; the signature verifies at the public endpoint and fails after tampering;
/// bad periods are refused with stable codes; personal data stays masked unless the caller is entitled; every export
/// and every unmasking is audited.
/// </summary>
[Collection(CertificatePlatform.Name)]
public sealed class TitleRecordTests(CertificatePlatformFixture platform)
{
    [Fact]
    public async Task The_person_their_employer_and_the_county_get_the_record_and_others_do_not()
    {
        var person = await platform.RegisterAsync(platform.A1, "职称评审甲");
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Public, 30m, "公需科目：职业道德"), (CreditCategory.Professional, 60m, "专业科目：急诊医学"));
        await platform.AddRecordsAsync(person.Id, 2025, (CreditCategory.Professional, 12.5m, "专业科目：感染防控"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var url = $"/api/professionals/{person.Id}/title-record?from=2024&to=2025";

        // The county over the person: the xlsx, read back.
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811");
        using (var xlsx = await county.GetAsync(new Uri(url + "&format=xlsx", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
            using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
            var hours = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "学时").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(new[] { "2024", "2025" }, hours.Select(r => (string)r["学年"]));
            Assert.Equal("30", hours[0]["公需科目学时"]);
            Assert.Equal("60", hours[0]["专业科目学时"]);
            Assert.Equal("90", hours[0]["合计学时"]);
            Assert.Equal("12.5", hours[1]["合计学时"]);
            Assert.All(hours, r => Assert.Equal(person.View.IdNumberMasked, r["身份证号"]));
            book.Position = 0;
            var certificates = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "证书").Cast<IDictionary<string, object>>().ToList();
            var row = Assert.Single(certificates);
            Assert.Equal(certificate.GetProperty("number").GetString(), row["证书编号"]);
            Assert.Equal(certificate.GetProperty("verifyUrl").GetString(), row["验证链接"]);
            book.Position = 0;
            var cycles = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "达标").Cast<IDictionary<string, object>>().ToList();
            var stored = await platform.QueryAsync(db => db.Compliance.CountAsync(c => c.ProfessionalId == person.Id && c.CycleStart <= 2025 && c.CycleEnd >= 2024));
            Assert.Equal(stored, cycles.Count);
            Assert.DoesNotContain(person.IdNumber, Encoding.UTF8.GetString(await xlsx.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        }

        // The employer's HR and the person themself: the signed JSON.
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code);
        var document = await JsonDocumentAsync(hr, url + "&format=json");
        var record = document["record"]!;
        Assert.Equal(TitleRecordRules.DocumentType, document["type"]!.GetValue<string>());
        Assert.Equal(102.5m, record["totalHours"]!.GetValue<decimal>());
        Assert.Equal(person.View.IdNumberMasked, record["person"]!["idNumber"]!.GetValue<string>());
        Assert.Equal(certificate.GetProperty("verifyUrl").GetString(), record["certificates"]![0]!["verificationUrl"]!.GetValue<string>());
        Assert.StartsWith(CertificatePlatformFixture.PublicBaseUrl + "/verify/", record["certificates"]![0]!["verificationUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ES256", document["signature"]!["alg"]!.GetValue<string>());
        var keys = await platform.Anonymous().GetJsonAsync("/api/public/credential-keys");
        Assert.Equal(keys.GetProperty("keys")[0].GetProperty("kid").GetString(), document["signature"]!["kid"]!.GetValue<string>());

        var account = await platform.Accounts.CreateAsync($"title.self.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], "CB-370811");
        await platform.LinkAsync(person.Id, account.Id);
        using var self = await platform.Accounts.SignedInClientAsync(account);
        var own = await JsonDocumentAsync(self, url + "&format=json");
        Assert.Equal(102.5m, own["record"]!["totalHours"]!.GetValue<decimal>());

        // Another county, another employer: not found; a role that reads no one's compliance: forbidden.
        foreach (var outsider in new[] { await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370883"), await platform.ClientAsync(PlatformRoles.EmployerHr, platform.B1.Code) })
        {
            using var hidden = await outsider.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using var security = await (await platform.ClientAsync(PlatformRoles.SecurityAdmin)).GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, security.StatusCode);
        using var anonymous = await platform.Anonymous().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        // Every export audited, with the person.
        var audited = await platform.QueryAsync(db => db.AuditRecords.CountAsync(r => r.Action == AuditActions.DataExported && r.EntityKey == person.Id.ToString("D") && r.Details!.Contains("title-evaluation")));
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task The_signed_document_verifies_at_the_public_endpoint_and_fails_after_tampering()
    {
        var person = await platform.RegisterAsync(platform.A1, "职称评审乙");
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Public, 24m, "公需科目：数字经济"));
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var document = await JsonDocumentAsync(office, $"/api/professionals/{person.Id}/title-record?from=2024&to=2024&format=json");
        Assert.Equal(CertificatePlatformFixture.PublicBaseUrl + TitleRecordRules.VerifyPath, document["signature"]!["verifyUrl"]!.GetValue<string>());

        var anonymous = platform.Anonymous();
        var valid = await VerifyAsync(anonymous, document);
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal("Valid", valid.GetProperty("result").GetString());

        // Pretty-printed by the receiver: still valid (the canonical form is signed).
        var pretty = JsonNode.Parse(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }))!;
        Assert.True((await VerifyAsync(anonymous, pretty)).GetProperty("valid").GetBoolean());

        var tampered = document.DeepClone();
        tampered["record"]!["years"]![0]!["publicHours"] = 48;
        var refused = await VerifyAsync(anonymous, tampered);
        Assert.False(refused.GetProperty("valid").GetBoolean());
        Assert.Equal("Invalid", refused.GetProperty("result").GetString());

        var otherKey = document.DeepClone();
        otherKey["signature"]!["kid"] = "not-a-platform-key";
        Assert.Equal("UnknownKey", (await VerifyAsync(anonymous, otherKey)).GetProperty("result").GetString());
        Assert.Equal("Malformed", (await VerifyAsync(anonymous, new JsonObject { ["record"] = new JsonObject() })).GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("from=2022&to=2024", "from", TitleRecordRules.YearOutsideProgram)]
    [InlineData("from=2024&to=2031", "to", TitleRecordRules.YearOutsideProgram)]
    [InlineData("from=2026&to=2024", "to", TitleRecordRules.PeriodReversed)]
    [InlineData("format=pdf", "format", TitleRecordRules.UnknownFormat)]
    public async Task Bad_periods_and_formats_are_refused_with_stable_codes(string query, string field, string code)
    {
        var person = await platform.RegisterAsync(platform.A1, "职称评审丙");
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811");
        using var response = await county.GetAsync(new Uri($"/api/professionals/{person.Id}/title-record?{query}", UriKind.Relative));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);

        using var staff = await county.GetAsync(new Uri($"/api/employers/{platform.A1.Id}/title-records?from=2026&to=2024", UriKind.Relative));
        Assert.Equal(TitleRecordRules.PeriodReversed, Assert.Single((await staff.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).FieldErrors).Code);

        using var unknown = await county.GetAsync(new Uri($"/api/professionals/{Guid.NewGuid()}/title-record", UriKind.Relative));
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
    }

    [Fact]
    public async Task The_staff_export_lists_the_employers_people_for_its_hr_and_the_county_only()
    {
        var person = await platform.RegisterAsync(platform.A1, "职称评审丁");
        await platform.AddRecordsAsync(person.Id, 2025, (CreditCategory.Professional, 16m, "专业科目：重症护理"));
        var url = $"/api/employers/{platform.A1.Id}/title-records?from=2025&to=2025";

        foreach (var reader in new[] { await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code), await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811") })
        {
            using var xlsx = await reader.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
            var rows = MiniExcelLibs.MiniExcel.Query(book, useHeaderRow: true, sheetName: "学时").Cast<IDictionary<string, object>>().ToList();
            var row = Assert.Single(rows, r => (string)r["身份证号"] == person.View.IdNumberMasked);
            Assert.Equal("职称评审丁", row["姓名"]);
            Assert.Equal("16", row["合计学时"]);
            Assert.All(rows, r => Assert.Equal(platform.A1.Name, r["工作单位"]));
        }

        foreach (var outsider in new[] { await platform.ClientAsync(PlatformRoles.EmployerHr, platform.B1.Code), await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370883") })
        {
            using var hidden = await outsider.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var account = await platform.Accounts.CreateAsync($"title.staff.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], "CB-370811");
        using var professional = await platform.Accounts.SignedInClientAsync(account);
        using var forbidden = await professional.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Assert.True(await platform.QueryAsync(db => db.AuditRecords.AnyAsync(r => r.Action == AuditActions.DataExported && r.EntityKey == platform.A1.Id.ToString("D") && r.Details!.Contains("title-evaluation"))));
    }

    [Fact]
    public async Task Personal_data_is_unmasked_only_for_the_entitled_and_every_attempt_is_audited()
    {
        var person = await platform.RegisterAsync(platform.A1, "职称评审戊");
        var url = $"/api/professionals/{person.Id}/title-record?format=json&unmask=true&purpose=" + Uri.EscapeDataString("职称评审资格复核");

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811");
        using var refused = await county.GetAsync(new Uri(url, UriKind.Relative));
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "personal_data.unmask_forbidden");
        Assert.Equal(AuditOutcome.Denied, (await LastUnmaskAsync(person.Id)).Outcome);

        // The masked record stays available to the same caller.
        var masked = await JsonDocumentAsync(county, $"/api/professionals/{person.Id}/title-record?format=json");
        Assert.True(masked["record"]!["person"]!["personalDataMasked"]!.GetValue<bool>());
        Assert.DoesNotContain(person.IdNumber, masked.ToJsonString(), StringComparison.Ordinal);

        // An account granted the permission: plaintext, audited with the purpose; without a purpose: 400.
        var security = await platform.ClientAsync(PlatformRoles.SecurityAdmin);
        var officer = await platform.Accounts.CreateAsync($"title.unm.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-370811");
        using (var granted = await PlatformFixtureBase.SendAsync(security, HttpMethod.Put, $"/api/admin/accounts/{officer.Id}/permissions", new { permissions = new[] { PlatformPermissions.UnmaskPersonalData } }))
        {
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }

        using var permitted = await platform.Accounts.SignedInClientAsync(officer);
        var plain = await JsonDocumentAsync(permitted, url);
        Assert.Equal(person.IdNumber, plain["record"]!["person"]!["idNumber"]!.GetValue<string>());
        Assert.False(plain["record"]!["person"]!["personalDataMasked"]!.GetValue<bool>());
        var audit = await LastUnmaskAsync(person.Id);
        Assert.Equal(AuditOutcome.Success, audit.Outcome);
        Assert.Contains("职称评审资格复核", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, audit.Details ?? "", StringComparison.Ordinal);

        using var noPurpose = await permitted.GetAsync(new Uri($"/api/professionals/{person.Id}/title-record?format=json&unmask=true", UriKind.Relative));
        Assert.Equal("purpose", Assert.Single((await noPurpose.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).FieldErrors).Field);
    }

    private static async Task<JsonNode> JsonDocumentAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, JsonNode document)
    {
        using var content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(TitleRecordRules.VerifyPath, UriKind.Relative), content);
        return await response.ReadJsonAsync(HttpStatusCode.OK, "verify");
    }

    private Task<AuditRecord> LastUnmaskAsync(Guid professionalId) =>
        platform.QueryAsync(db => db.AuditRecords.AsNoTracking()
            .Where(r => r.Action == AuditActions.PersonalDataViewed && r.EntityKey == professionalId.ToString("D"))
            .OrderByDescending(r => r.Sequence).FirstAsync());
}
