using System.Net;
using System.Security.Cryptography;
using System.Text;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using static KnowledgeRenewal.IntegrationTests.Declarations.DeclarationRequests;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

/// <summary>
/// Evidence files: 1 to 5, each within the size limit, PDF/JPEG/PNG by their bytes, names sanitized; downloaded as
/// attachments with their content type and nosniff, by the person and the declaration's reviewers only.
/// </summary>
[Collection(DeclarationPlatform.Name)]
public sealed class EvidenceTests(DeclarationPlatformFixture platform)
{
    [Fact]
    public async Task Files_that_are_not_pdf_jpeg_or_png_by_their_bytes_are_refused_whatever_their_name()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var html = Encoding.UTF8.GetBytes("<html><body><script>alert('x')</script></body></html>");

        using var response = await DeclareAsync(person.Client, Conference(), ("会议证书.pdf", Pdf), ("照片.png", html));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal(("evidence[1]", "evidence_type_not_allowed"), (error.Field, error.Code));
        Assert.Contains("照片", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.ActivityDeclarations.CountAsync(d => d.ProfessionalId == person.Id)));
    }

    [Fact]
    public async Task Too_large_too_many_or_no_files_are_refused()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var large = new byte[DeclarationPlatformFixture.MaxEvidenceBytes + 1];
        Pdf.CopyTo(large, 0);
        var justRight = new byte[DeclarationPlatformFixture.MaxEvidenceBytes];
        Pdf.CopyTo(justRight, 0);

        using (var tooLarge = await DeclareAsync(person.Client, Conference(), ("a.pdf", Pdf), ("扫描件.pdf", large)))
        {
            var problem = await tooLarge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, DeclarationProblemCodes.EvidenceTooLarge);
            Assert.Contains("扫描件", problem.Detail, StringComparison.Ordinal);
            Assert.Equal("evidence[1]", problem.FieldErrors[0].Field);
        }

        using (var tooMany = await DeclareAsync(person.Client, Conference(), [.. Enumerable.Range(1, 6).Select(i => ($"{i}.pdf", Pdf))]))
        {
            await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest, DeclarationProblemCodes.EvidenceTooMany);
        }

        using (var none = await DeclareAsync(person.Client, Conference(), ("无关字段.txt", Array.Empty<byte>())))
        {
            var problem = await none.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Contains(problem.FieldErrors, e => e.Code is "evidence_empty");
        }

        using (var json = await person.Client.PostAsync(new Uri("/api/declarations", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, DeclarationProblemCodes.MultipartRequired);
        }

        using (var withoutFiles = new MultipartFormDataContent())
        {
            foreach (var (key, value) in Conference())
            {
                withoutFiles.Add(new StringContent(value, Encoding.UTF8), key);
            }

            using var response = await person.Client.PostAsync(new Uri("/api/declarations", UriKind.Relative), withoutFiles);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal(("evidence", "evidence_required"), (problem.FieldErrors[0].Field, problem.FieldErrors[0].Code));
        }

        Assert.Equal(0, await platform.QueryAsync(db => db.ActivityDeclarations.CountAsync(d => d.ProfessionalId == person.Id)));

        // Five files, one exactly at the limit: accepted.
        using var accepted = await DeclareAsync(person.Client, Conference(), [("a.pdf", justRight), .. Enumerable.Range(1, 4).Select(i => ($"{i}.png", Png))]);
        var receipt = await accepted.ReadAsAsync<DeclarationReceiptAnswer>(HttpStatusCode.Created, "five files");
        Assert.Equal(5, receipt.Declaration.Evidence.Count);
    }

    [Fact]
    public async Task Evidence_is_stored_with_a_safe_name_its_detected_type_and_hash_and_downloaded_as_an_attachment()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var fields = Conference();
        using var response = await DeclareAsync(person.Client, fields, ("../../证书\u202Efdp.exe", Pdf), ("C:\\扫描\\照片.png", Png));
        var receipt = await response.ReadAsAsync<DeclarationReceiptAnswer>(HttpStatusCode.Created, "declare");
        var evidence = receipt.Declaration.Evidence;

        Assert.Equal(["证书fdp.exe.pdf", "照片.png"], evidence.Select(e => e.FileName));
        Assert.Equal([EvidenceContent.Pdf, EvidenceContent.Png], evidence.Select(e => e.ContentType));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), evidence[0].Sha256);
        Assert.Equal(Pdf.Length, evidence[0].Size);

        using var download = await person.Client.GetAsync(new Uri(evidence[0].Url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(EvidenceContent.Pdf, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("证书fdp.exe.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_is_for_the_person_and_the_reviewers_only()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var (receipt, id, _) = await DeclaredAsync(person.Client);
        var url = receipt.Declaration.Evidence[0].Url;
        var other = await platform.NewDeclarantAsync(platform.E1);
        var (otherReceipt, _, _) = await DeclaredAsync(other.Client);
        var otherFile = otherReceipt.Declaration.Evidence[0].Id;

        var allowed = new[]
        {
            person.Client,
            await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code),
            await platform.ClientAsync(PlatformRoles.DepartmentAdmin),
            await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin),
        };
        foreach (var client in allowed)
        {
            using var ok = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // Sees the declaration (its county) but is not a reviewer: refused by role.
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + DeclarationPlatformFixture.CountyA);
        await county.GetAsAsync<DeclarationAnswer>($"/api/declarations/{id:D}");
        using (var countyFile = await county.GetAsync(new Uri(url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, countyFile.StatusCode);
        }

        // The person's HR at another employer, another sector's department, another professional: not in scope.
        foreach (var client in new[] { other.Client, await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E3.Code), await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-education") })
        {
            using var hidden = await client.GetAsync(new Uri(url, UriKind.Relative));
            await hidden.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        // Providers and the separated administrators: refused by role.
        foreach (var role in new[] { PlatformRoles.ProviderStaff, PlatformRoles.SystemAdmin, PlatformRoles.AuditAdmin })
        {
            using var refused = await (await platform.ClientAsync(role)).GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // Another declaration's file through this declaration's address: not found, even for its own person.
        using var mismatched = await other.Client.GetAsync(new Uri($"/api/declarations/{id:D}/evidence/{otherFile:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, mismatched.StatusCode);
        using var mismatchedForReviewer = await allowed[1].GetAsync(new Uri($"/api/declarations/{id:D}/evidence/{otherFile:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, mismatchedForReviewer.StatusCode);
    }
}
