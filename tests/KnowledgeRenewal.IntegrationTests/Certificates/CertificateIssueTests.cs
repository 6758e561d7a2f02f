using System.Net;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>Issuing certificates: the snapshot, idempotent re-issue, immutability and automatic new versions, revocation.</summary>
[Collection(CertificatePlatform.Name)]
public sealed class CertificateIssueTests(CertificatePlatformFixture platform)
{
    [Fact]
    public async Task Issue_takes_a_snapshot_of_the_approved_records_and_asking_again_answers_the_same_certificate()
    {
        var person = await platform.RegisterAsync(platform.A1);
        await platform.AddRecordsAsync(
            person.Id,
            2024,
            (CreditCategory.Public, 12m, "公需科目：数字经济与创新驱动"),
            (CreditCategory.Professional, 30m, "专业科目：急诊医学新进展"),
            (CreditCategory.Professional, 8.5m, "专业科目：医院感染防控"));

        var first = await platform.IssueAsync(person.Id, 2024);
        Assert.Matches(@"^JNXS-2024-\d{8}-1$", first.GetProperty("number").GetString());
        Assert.Matches(@"^([23456789A-HJ-NP-Z]{4}-){4}[23456789A-HJ-NP-Z]{4}$", first.GetProperty("verificationCode").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal("有效", first.GetProperty("statusText").GetString());
        Assert.Equal(12m, first.GetProperty("publicHours").GetDecimal());
        Assert.Equal(38.5m, first.GetProperty("professionalHours").GetDecimal());
        Assert.Equal(50.5m, first.GetProperty("totalHours").GetDecimal());
        Assert.Equal("证明测试任城医院", first.GetProperty("holder").GetProperty("employer").GetString());
        Assert.Equal(person.View.IdNumberMasked, first.GetProperty("holder").GetProperty("idNumberMasked").GetString());
        var records = first.GetProperty("records").EnumerateArray().ToArray();
        Assert.Equal(3, records.Length);
        Assert.All(records, r => Assert.Equal("test", r.GetProperty("approvedBy").GetString()));
        Assert.Contains(records, r => r.GetProperty("title").GetString() == "专业科目：医院感染防控" && r.GetProperty("hours").GetDecimal() == 8.5m);
        Assert.StartsWith(CertificatePlatformFixture.PublicBaseUrl + "/verify/", first.GetProperty("verifyUrl").GetString(), StringComparison.Ordinal);

        // Nothing changed: the same certificate, 200, and no second row.
        var again = await platform.IssueAsync(person.Id, 2024, HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("verificationCode").GetString(), again.GetProperty("verificationCode").GetString());
        Assert.Equal(1, await platform.QueryAsync(db => db.CreditCertificates.CountAsync(c => c.ProfessionalId == person.Id)));

        // The person themself may ask for it too, and gets the same one.
        var account = await platform.Accounts.CreateAsync($"cert.self.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], "CB-370811");
        await platform.LinkAsync(person.Id, account.Id);
        using var self = await platform.Accounts.SignedInClientAsync(account);
        var own = await platform.IssueAsync(person.Id, 2024, HttpStatusCode.OK, self);
        Assert.Equal(first.GetProperty("id").GetGuid(), own.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_revoked_record_leaves_the_issued_certificate_unchanged_and_superseded_by_a_new_version()
    {
        var person = await platform.RegisterAsync(platform.A1);
        var ids = await platform.AddRecordsAsync(
            person.Id,
            2024,
            (CreditCategory.Public, 10m, "公需科目：专业技术人员职业道德"),
            (CreditCategory.Professional, 24m, "专业科目：临床检验质量管理"),
            (CreditCategory.Professional, 6m, "专业科目：学术会议"));
        var first = await platform.IssueAsync(person.Id, 2024);
        var firstId = first.GetProperty("id").GetGuid();
        var before = await platform.QueryAsync(db => db.CreditCertificates.AsNoTracking().SingleAsync(c => c.Id == firstId));

        await platform.RevokeRecordAsync(ids[2]);

        var after = await platform.QueryAsync(db => db.CreditCertificates.AsNoTracking().SingleAsync(c => c.Id == firstId));
        Assert.Equal(CertificateStatus.Superseded, after.Status);
        Assert.NotNull(after.SupersededById);
        Assert.NotNull(after.StatusChangedAt);
        Assert.Equal(before.Snapshot, after.Snapshot);
        Assert.Equal(before.RecordsFingerprint, after.RecordsFingerprint);
        Assert.Equal(before.Credential, after.Credential);
        Assert.Equal(before.VerificationCode, after.VerificationCode);
        Assert.Equal(before.TotalHours, after.TotalHours);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var old = await office.GetJsonAsync($"/api/certificates/{firstId}");
        Assert.Equal("已被新版本取代", old.GetProperty("statusText").GetString());
        Assert.Equal(40m, old.GetProperty("totalHours").GetDecimal());
        Assert.Equal(3, old.GetProperty("records").GetArrayLength());

        var next = await office.GetJsonAsync($"/api/certificates/{after.SupersededById}");
        var serial = first.GetProperty("number").GetString()![..^2];
        Assert.Equal(serial + "-2", next.GetProperty("number").GetString());
        Assert.Equal(old.GetProperty("supersededByNumber").GetString(), next.GetProperty("number").GetString());
        Assert.Equal(2, next.GetProperty("version").GetInt32());
        Assert.Equal("有效", next.GetProperty("statusText").GetString());
        Assert.Equal("system", next.GetProperty("issuedBy").GetString());
        Assert.Equal(34m, next.GetProperty("totalHours").GetDecimal());
        Assert.Equal(24m, next.GetProperty("professionalHours").GetDecimal());
        Assert.Equal(2, next.GetProperty("records").GetArrayLength());
        Assert.NotEqual(old.GetProperty("recordsFingerprint").GetString(), next.GetProperty("recordsFingerprint").GetString());
        Assert.NotEqual(old.GetProperty("verificationCode").GetString(), next.GetProperty("verificationCode").GetString());

        // Asking now answers the new version; the list shows both, newest first.
        var current = await platform.IssueAsync(person.Id, 2024, HttpStatusCode.OK);
        Assert.Equal(next.GetProperty("id").GetGuid(), current.GetProperty("id").GetGuid());
        var list = await office.GetJsonAsync($"/api/certificates?professionalId={person.Id}&year=2024");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal([2, 1], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task A_year_without_approved_records_gets_no_certificate_and_ledger_changes_never_issue_a_first_one()
    {
        var person = await platform.RegisterAsync(platform.A1);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var empty = await office.PostAsync(new Uri($"/api/professionals/{person.Id}/certificates/2023", UriKind.Relative), null);
        await empty.AssertProblemAsync(HttpStatusCode.Conflict, CertificateProblemCodes.NoRecords);

        await platform.AddRecordsAsync(person.Id, 2025, (CreditCategory.Public, 6m, "公需科目：法治建设"));
        Assert.Equal(0, await platform.QueryAsync(db => db.CreditCertificates.CountAsync(c => c.ProfessionalId == person.Id)));

        using var future = await office.PostAsync(new Uri($"/api/professionals/{person.Id}/certificates/2999", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Fact]
    public async Task Program_office_revokes_with_a_reason_and_the_entity_tag_only()
    {
        var person = await platform.RegisterAsync(platform.A1);
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Professional, 20m, "专业科目：医学影像诊断"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var id = certificate.GetProperty("id").GetGuid();
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var read = await office.GetAsync(new Uri($"/api/certificates/{id}", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811");
        using (var notOffice = await Registry.RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, $"/api/certificates/{id}/revoke", new { reason = "测试" }, etag))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
        }

        using (var noReason = await Registry.RegistryPlatformFixture.SendAsync(office, HttpMethod.Post, $"/api/certificates/{id}/revoke", new { reason = " " }, etag))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var noTag = await Registry.RegistryPlatformFixture.SendAsync(office, HttpMethod.Post, $"/api/certificates/{id}/revoke", new { reason = "出具依据的培训证明系伪造。" }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noTag.StatusCode);
        }

        using var revoked = await Registry.RegistryPlatformFixture.SendAsync(office, HttpMethod.Post, $"/api/certificates/{id}/revoke", new { reason = "出具依据的培训证明系伪造。" }, etag);
        var view = await revoked.ReadJsonAsync(HttpStatusCode.OK, "revoke");
        Assert.Equal("已作废", view.GetProperty("statusText").GetString());
        Assert.Equal("出具依据的培训证明系伪造。", view.GetProperty("revocationReason").GetString());

        using var stale = await Registry.RegistryPlatformFixture.SendAsync(office, HttpMethod.Post, $"/api/certificates/{id}/revoke", new { reason = "再次作废" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // A revoked certificate is not re-issued by asking again with unchanged records: a new version is.
        var renewed = await platform.IssueAsync(person.Id, 2024);
        Assert.Equal(2, renewed.GetProperty("version").GetInt32());
        Assert.Equal("有效", renewed.GetProperty("statusText").GetString());
    }
}
