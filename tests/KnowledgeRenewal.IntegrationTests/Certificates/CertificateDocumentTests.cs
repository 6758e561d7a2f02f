using System.Net;
using System.Text;
using System.Text.Json;
using Jose;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using UglyToad.PdfPig;

namespace KnowledgeRenewal.IntegrationTests.Certificates;

/// <summary>
/// What a certificate is handed out as: the signed credential (checked with an independent JOSE library against the
/// published key set), the PDF (text extracted with PdfPig), the printable page — masked personal data only, and
/// nothing of it for callers outside the holder's scope.
/// </summary>
[Collection(CertificatePlatform.Name)]
public sealed class CertificateDocumentTests(CertificatePlatformFixture platform)
{
    private const string Title = "济宁市专业技术人员继续教育学时证明";
    private const string Authority = "济宁市人力资源和社会保障局";

    [Fact]
    public async Task The_credential_verifies_offline_with_the_published_keys_and_fails_when_one_byte_changes()
    {
        var person = await platform.RegisterAsync(platform.A1, "李文博");
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Public, 15m, "公需科目：人工智能通识"), (CreditCategory.Professional, 45m, "专业科目：心血管介入"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var id = certificate.GetProperty("id").GetGuid();
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var credential = await office.GetJsonAsync($"/api/certificates/{id}/credential");
        var jws = credential.GetProperty("jws").GetString()!;

        using var anonymous = platform.Anonymous();
        using var keysResponse = await anonymous.GetAsync(new Uri("/api/public/credential-keys", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, keysResponse.StatusCode);
        Assert.Contains("public", keysResponse.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var keySet = JwkSet.FromJson(await keysResponse.Content.ReadAsStringAsync(), JWT.DefaultSettings.JsonMapper);

        var headers = JWT.Headers(jws);
        Assert.Equal("ES256", headers["alg"]);
        Assert.Equal("vc+jwt", headers["typ"]);
        var key = keySet.Keys.Single(k => k.KeyId == (string)headers["kid"]);

        var payload = JWT.Decode(jws, key, JwsAlgorithm.ES256);
        using var document = JsonDocument.Parse(payload);
        var vc = document.RootElement;
        Assert.Contains("VerifiableCredential", vc.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("OpenBadgeCredential", vc.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(Authority, vc.GetProperty("issuer").GetProperty("name").GetString());
        Assert.True(vc.TryGetProperty("validFrom", out _));
        var subject = vc.GetProperty("credentialSubject");
        Assert.Equal("李*博", subject.GetProperty("name").GetString());
        Assert.Equal(person.View.IdNumberMasked, subject.GetProperty("idNumberMasked").GetString());
        Assert.Equal(2024, subject.GetProperty("creditYear").GetInt32());
        Assert.Equal(60m, subject.GetProperty("creditHours").GetProperty("total").GetDecimal());
        Assert.Equal(certificate.GetProperty("number").GetString(), subject.GetProperty("certificateNumber").GetString());
        var status = vc.GetProperty("credentialStatus").GetProperty("id").GetString()!;
        Assert.StartsWith(CertificatePlatformFixture.PublicBaseUrl + "/api/public/certificates/", status, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, payload, StringComparison.Ordinal);
        Assert.DoesNotContain("李文博", payload, StringComparison.Ordinal);

        // The status link answers (the path part, on this test host).
        var statusPath = new Uri(status).PathAndQuery;
        var live = await anonymous.GetJsonAsync(statusPath);
        Assert.Equal("有效", live.GetProperty("validity").GetString());

        // One byte changed in the payload or in the signature: refused.
        var parts = jws.Split('.');
        var payloadBytes = System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]);
        var hours = Encoding.UTF8.GetBytes("\"total\":60");
        var at = payloadBytes.AsSpan().IndexOf(hours);
        Assert.True(at >= 0);
        payloadBytes[at + hours.Length - 2] = (byte)'9';
        var forgedPayload = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(payloadBytes)}.{parts[2]}";
        Assert.ThrowsAny<Exception>(() => JWT.Decode(forgedPayload, key, JwsAlgorithm.ES256));

        var signature = System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]);
        signature[10] ^= 0x01;
        var forgedSignature = $"{parts[0]}.{parts[1]}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}";
        Assert.ThrowsAny<Exception>(() => JWT.Decode(forgedSignature, key, JwsAlgorithm.ES256));

        // The bare JWS form.
        using var bare = await office.GetAsync(new Uri($"/api/certificates/{id}/credential?format=jwt", UriKind.Relative));
        Assert.Equal("application/vc+jwt", bare.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jws, await bare.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_pdf_carries_the_chinese_certificate_text_with_the_masked_id_only()
    {
        var person = await platform.RegisterAsync(platform.A1, "王晓东");
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Public, 10m, "公需科目：网络安全"), (CreditCategory.Professional, 32m, "专业科目：儿科常见病诊疗"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var response = await office.GetAsync(new Uri($"/api/certificates/{certificate.GetProperty("id").GetGuid()}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains(Authority, text, StringComparison.Ordinal);
        Assert.Contains("王晓东", text, StringComparison.Ordinal);
        Assert.Contains("儿科常见病诊疗", text, StringComparison.Ordinal);
        Assert.Contains(certificate.GetProperty("number").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains(person.View.IdNumberMasked, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains(certificate.GetProperty("verificationCode").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains(CertificatePlatformFixture.PublicBaseUrl + "/verify", text, StringComparison.Ordinal);
        Assert.Contains(pdf.GetPage(1).Letters, l => (l.FontName ?? "").Contains("Droid", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_printable_page_renders_for_callers_in_scope_with_a_status_banner_once_superseded()
    {
        var person = await platform.RegisterAsync(platform.A1, "赵一鸣");
        var ids = await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Public, 8m, "公需科目：应急管理"), (CreditCategory.Professional, 12m, "专业科目：康复医学"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var id = certificate.GetProperty("id").GetGuid();
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811");

        using (var response = await county.GetAsync(new Uri($"/certificates/{id}", UriKind.Relative)))
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"《{Title}》", html, StringComparison.Ordinal);
            Assert.Contains(Authority, html, StringComparison.Ordinal);
            Assert.Contains(certificate.GetProperty("number").GetString()!, html, StringComparison.Ordinal);
            Assert.Contains("<svg", html, StringComparison.Ordinal);
            Assert.Contains("certificate.css", html, StringComparison.Ordinal);
            Assert.Contains("康复医学", html, StringComparison.Ordinal);
            Assert.DoesNotContain("certificate-banner", html, StringComparison.Ordinal);
            Assert.DoesNotContain(person.IdNumber, html, StringComparison.Ordinal);
        }

        await platform.RevokeRecordAsync(ids[0]);
        using (var response = await county.GetAsync(new Uri($"/certificates/{id}", UriKind.Relative)))
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("本证明已被新版本取代", html, StringComparison.Ordinal);
            Assert.Contains(certificate.GetProperty("number").GetString()![..^2] + "-2", html, StringComparison.Ordinal);
        }

        var other = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370883");
        using var hidden = await other.GetAsync(new Uri($"/certificates/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(certificate.GetProperty("number").GetString()!, await hidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callers_outside_the_holders_scope_get_404_everywhere_and_see_nothing_in_lists()
    {
        var person = await platform.RegisterAsync(platform.A1);
        await platform.AddRecordsAsync(person.Id, 2024, (CreditCategory.Public, 5m, "公需科目：生态文明"));
        var certificate = await platform.IssueAsync(person.Id, 2024);
        var id = certificate.GetProperty("id").GetGuid();
        var number = certificate.GetProperty("number").GetString()!;

        var outsiders = new[]
        {
            await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370883"),
            await platform.ClientAsync(PlatformRoles.EmployerHr, platform.B1.Code),
        };
        foreach (var outsider in outsiders)
        {
            foreach (var url in new[] { $"/api/certificates/{id}", $"/api/certificates/{id}/pdf", $"/api/certificates/{id}/credential" })
            {
                using var response = await outsider.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            }

            using var issue = await outsider.PostAsync(new Uri($"/api/professionals/{person.Id}/certificates/2024", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.NotFound, issue.StatusCode);
            var list = await outsider.GetStringAsync(new Uri($"/api/certificates?professionalId={person.Id}", UriKind.Relative));
            Assert.DoesNotContain(number, list, StringComparison.Ordinal);
        }

        // Insiders: the county, the employer's HR (who may also issue).
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-370811");
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code);
        Assert.Contains(number, await county.GetStringAsync(new Uri($"/api/certificates?professionalId={person.Id}", UriKind.Relative)), StringComparison.Ordinal);
        var hrView = await platform.IssueAsync(person.Id, 2024, HttpStatusCode.OK, hr);
        Assert.Equal(id, hrView.GetProperty("id").GetGuid());

        // The separated administrators get no business data.
        var security = await platform.ClientAsync(PlatformRoles.SecurityAdmin);
        using var denied = await security.GetAsync(new Uri($"/api/certificates/{id}", UriKind.Relative));
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)denied.StatusCode}");

        // Every JSON answer about the certificate carries the masked ID number only.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        foreach (var url in new[] { $"/api/certificates/{id}", $"/api/certificates?professionalId={person.Id}", $"/api/certificates/{id}/credential" })
        {
            var body = await office.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain(person.IdNumber, body, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Phone, body, StringComparison.Ordinal);
        }
    }
}
