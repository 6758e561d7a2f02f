using System.Net;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>Public verification without sign-in: valid, superseded, revoked, unknown and tampered codes, masking and the log.</summary>
[Collection(CertificatePlatform.Name)]
public sealed class CertificateVerificationTests(CertificatePlatformFixture platform)
{
    [Fact]
    public async Task Valid_superseded_and_revoked_certificates_verify_as_such_with_masked_holder_only()
    {
        var person = await platform.RegisterAsync(platform.A1, "张思远");
        var ids = await platform.AddRecordsAsync(
            person.Id,
            2024,
            (CreditCategory.Public, 12m, "公需科目：乡村振兴战略"),
            (CreditCategory.Professional, 20m, "专业科目：慢病管理"));
        var first = await platform.IssueAsync(person.Id, 2024);
        var firstCode = first.GetProperty("verificationCode").GetString()!;
        using var anonymous = platform.Anonymous();

        var valid = await anonymous.GetJsonAsync($"/api/public/certificates/{firstCode}");
        Assert.Equal("有效", valid.GetProperty("validity").GetString());
        Assert.Equal("张*远", valid.GetProperty("holderName").GetString());
        Assert.Equal(person.View.IdNumberMasked, valid.GetProperty("holderIdMasked").GetString());
        Assert.Equal(2024, valid.GetProperty("year").GetInt32());
        Assert.Equal(12m, valid.GetProperty("publicHours").GetDecimal());
        Assert.Equal(20m, valid.GetProperty("professionalHours").GetDecimal());
        Assert.Equal(32m, valid.GetProperty("totalHours").GetDecimal());
        Assert.Equal("济宁市人力资源和社会保障局", valid.GetProperty("authority").GetString());
        var validText = valid.GetRawText();
        Assert.DoesNotContain("张思远", validText, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, validText, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Phone, validText, StringComparison.Ordinal);
        Assert.DoesNotContain("records", validText, StringComparison.OrdinalIgnoreCase);

        // Typed in lower case without hyphens: the same certificate.
        var typed = await anonymous.GetJsonAsync($"/api/public/certificates/{firstCode.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()}");
        Assert.Equal(valid.GetProperty("number").GetString(), typed.GetProperty("number").GetString());

        await platform.RevokeRecordAsync(ids[1]);
        var superseded = await anonymous.GetJsonAsync($"/api/public/certificates/{firstCode}");
        Assert.Equal("已被新版本取代", superseded.GetProperty("validity").GetString());
        var next = await platform.IssueAsync(person.Id, 2024, HttpStatusCode.OK);
        Assert.Equal(next.GetProperty("number").GetString(), superseded.GetProperty("supersededByNumber").GetString());
        Assert.Equal(32m, superseded.GetProperty("totalHours").GetDecimal());

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var nextId = next.GetProperty("id").GetGuid();
        using var read = await office.GetAsync(new Uri($"/api/certificates/{nextId}", UriKind.Relative));
        using var revoke = await Registry.RegistryPlatformFixture.SendAsync(office, HttpMethod.Post, $"/api/certificates/{nextId}/revoke", new { reason = "持证人申请作废。" }, read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var revoked = await anonymous.GetJsonAsync($"/api/public/certificates/{next.GetProperty("verificationCode").GetString()}");
        Assert.Equal("已作废", revoked.GetProperty("validity").GetString());
        Assert.Equal(12m, revoked.GetProperty("totalHours").GetDecimal());
    }

    [Fact]
    public async Task Unknown_tampered_and_malformed_codes_answer_the_same_not_found_and_every_verification_is_logged()
    {
        var person = await platform.RegisterAsync(platform.A1);
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Public, 9m, "公需科目：安全生产"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var id = certificate.GetProperty("id").GetGuid();
        var code = certificate.GetProperty("verificationCode").GetString()!.Replace("-", "", StringComparison.Ordinal);
        var tampered = code[..^1] + (code[^1] == '2' ? '3' : '2');
        var unknown = VerificationCodes.Generate();
        using var anonymous = platform.Anonymous();

        var answers = new List<string>();
        foreach (var wrong in new[] { tampered, unknown, "NOT-A-CODE", code[..^1] })
        {
            using var response = await anonymous.GetAsync(new Uri($"/api/public/certificates/{wrong}", UriKind.Relative));
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, CertificateProblemCodes.NotFound);
            Assert.NotNull(problem.Detail);
            answers.Add(problem.Detail);
        }

        Assert.Single(answers.Distinct());
        Assert.DoesNotContain(certificate.GetProperty("number").GetString()!, string.Concat(answers), StringComparison.Ordinal);

        using (var ok = await anonymous.GetAsync(new Uri($"/api/public/certificates/{code}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await FlushLogAsync(); // the log is written in batches off the request path (ADR 0020)
        var codePrefix = code[..4];
        var unknownPrefix = unknown[..4];
        var logged = await platform.QueryAsync(db => db.CertificateVerifications.AsNoTracking()
            .Where(v => v.CodePrefix == codePrefix || v.CodePrefix == unknownPrefix || v.CodePrefix == "N?TA")
            .ToListAsync());
        Assert.Contains(logged, v => v.CertificateId == id && v.Result == VerificationResult.Valid && v.Channel == "api");
        Assert.Equal(2, logged.Count(v => v.CodePrefix == code[..4] && v.Result == VerificationResult.Unknown && v.CertificateId == null));
        Assert.Contains(logged, v => v.CodePrefix == unknown[..4] && v.Result == VerificationResult.Unknown);
        Assert.Contains(logged, v => v.CodePrefix == "N?TA" && v.Result == VerificationResult.Unknown);
        Assert.All(logged, v => Assert.True(v.CodePrefix.Length <= VerificationCodes.PrefixLength));

        // The log never holds a whole code.
        var raw = await platform.Database.ScalarAsync("SELECT COUNT(*) FROM \"CertificateVerifications\" WHERE LENGTH(\"CodePrefix\") > 4");
        Assert.Equal(0, raw);
    }

    [Fact]
    public async Task Verification_pages_work_without_sign_in_and_show_masked_data_only()
    {
        var person = await platform.RegisterAsync(platform.A1, "欧阳明远");
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Professional, 16m, "专业科目：护理质量管理"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var code = certificate.GetProperty("verificationCode").GetString()!;
        using var browser = new WebBrowser(platform.Factory);

        var form = await browser.GetAsync("/verify");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("学时证明核验", form.Html, StringComparison.Ordinal);

        var scanned = await browser.GetAsync($"/verify/{code.Replace("-", "", StringComparison.Ordinal)}?via=qr");
        Assert.Equal(HttpStatusCode.OK, scanned.Status);
        Assert.Contains("有效", scanned.Html, StringComparison.Ordinal);
        Assert.Contains("欧**远", scanned.Html, StringComparison.Ordinal);
        Assert.Contains(certificate.GetProperty("number").GetString()!, scanned.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳明远", scanned.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, scanned.Html, StringComparison.Ordinal);

        var typed = await browser.GetAsync($"/verify?code={code}");
        Assert.Equal(HttpStatusCode.OK, typed.Status);
        Assert.Contains("16 学时", typed.Html, StringComparison.Ordinal);

        var wrong = await browser.GetAsync("/verify/" + VerificationCodes.Generate());
        Assert.Equal(HttpStatusCode.NotFound, wrong.Status);
        Assert.Contains("未找到与该验证码对应的学时证明", wrong.Html, StringComparison.Ordinal);

        var id = certificate.GetProperty("id").GetGuid();
        await FlushLogAsync();
        var channels = await platform.QueryAsync(db => db.CertificateVerifications.Where(v => v.CertificateId == id).Select(v => v.Channel).ToListAsync());
        Assert.Contains("qr", channels);
        Assert.Contains("page", channels);
    }

    private Task FlushLogAsync() => platform.Factory.Services.GetRequiredService<VerificationLog>().FlushAsync();
}
