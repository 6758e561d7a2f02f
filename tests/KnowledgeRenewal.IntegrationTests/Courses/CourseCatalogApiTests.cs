using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Courses;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Projects;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Courses;

/// <summary>The course catalog through HTTP on a demo platform: who adds courses for whom, materials, the feed and the base scorecard's count.</summary>
public sealed class CourseCatalogApiTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% syllabus\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_provider_adds_its_own_course_with_a_material_that_anyone_signed_in_reads_and_downloads()
    {
        var provider = await platform.ProviderAsync();
        var health = await platform.HealthAsync();
        var subject = await platform.QueryAsync(db => db.Subjects.Where(s => s.Status == SubjectStatus.Active && s.Category == CreditCategory.Public).Select(s => s.Id).FirstAsync());
        var own = (await provider.GetJsonAsync("/api/me")).GetProperty("organization").GetProperty("id").GetGuid();

        using var created = await provider.PostAsJsonAsync(new Uri("/api/courses", UriKind.Relative), new { title = "课程库测试课程", subjectId = subject, hours = 6.5m, mode = "Online", description = "测试简介" });
        var course = await created.ReadAsAsync<JsonElement>(HttpStatusCode.Created, "create course");
        var id = course.GetProperty("id").GetGuid();
        Assert.Equal(own, course.GetProperty("developerOrganizationId").GetGuid());
        Assert.Equal("Public", course.GetProperty("category").GetString());
        Assert.Equal(6.5m, course.GetProperty("hours").GetDecimal());
        var stored = await platform.QueryAsync(db => db.Courses.SingleAsync(c => c.Id == id));
        Assert.Equal(subject, stored.SubjectId);
        Assert.Equal(own, stored.DeveloperOrganizationId);

        // Not for another organization, nor as an association.
        var other = await platform.QueryAsync(db => db.TrainingProviders.IgnoreQueryFilters().Where(p => p.Id != own).Select(p => p.Id).FirstAsync());
        using (var refused = await provider.PostAsJsonAsync(new Uri("/api/courses", UriKind.Relative), new { title = "越权课程", subjectId = subject, hours = 4, mode = "Offline", developerOrganizationId = other }))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, CourseProblemCodes.WriteForbidden);
        }

        using (var unknown = await provider.PostAsJsonAsync(new Uri("/api/courses", UriKind.Relative), new { title = "无科目课程", subjectId = "public:NOPE", hours = 4, mode = "Offline" }))
        {
            var problem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, CourseProblemCodes.UnknownSubject);
            Assert.Contains(problem.FieldErrors, e => e.Field == "subjectId");
        }

        using (var bad = await provider.PostAsJsonAsync(new Uri("/api/courses", UriKind.Relative), new { title = "", subjectId = subject, hours = 0.25m, mode = "Offline" }))
        {
            var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Contains(problem.FieldErrors, e => e.Field == "title");
            Assert.Contains(problem.FieldErrors, e => e.Field == "hours");
        }

        // A material: a PDF is kept and downloaded byte for byte; a text file is refused by its bytes, whatever its name.
        var material = await UploadAsync(provider, id, "教学大纲.pdf", Pdf, HttpStatusCode.Created);
        var materialId = material.GetProperty("id").GetGuid();
        Assert.Equal(EvidenceContent.Pdf, material.GetProperty("contentType").GetString());
        var bytes = await health.GetByteArrayAsync(new Uri($"/api/courses/{id}/materials/{materialId}", UriKind.Relative));
        Assert.Equal(Pdf, bytes);
        var refusedFile = await UploadAsync(provider, id, "伪装.pdf", Encoding.UTF8.GetBytes("not a pdf"), HttpStatusCode.BadRequest);
        Assert.Equal(CourseProblemCodes.InvalidMaterial, refusedFile.GetProperty("code").GetString());
        Assert.Equal(1, await platform.QueryAsync(db => db.CourseMaterials.CountAsync(m => m.CourseId == id)));

        // A sector administrator reads the catalog but adds nothing.
        var read = await health.GetJsonAsync($"/api/courses/{id}");
        Assert.Equal("课程库测试课程", read.GetProperty("title").GetString());
        Assert.Single(read.GetProperty("materials").EnumerateArray());
        await UploadAsync(health, id, "部门.pdf", Pdf, HttpStatusCode.Forbidden);
        var list = await health.GetJsonAsync("/api/courses?search=课程库测试");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var feed = await health.GetJsonAsync($"/odata/Courses?$filter=Id eq {id}&$select=Title,Hours");
        Assert.Equal("课程库测试课程", Assert.Single(feed.GetProperty("value").EnumerateArray()).GetProperty("Title").GetString());

        // A class may name the course; an unknown course is refused next to its field.
        using var classWithUnknown = await provider.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), new
        {
            title = "选用课程的班次", startDate = ProjectPlatform.Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            endDate = ProjectPlatform.Today.AddDays(11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), hours = 6, category = "公需", courseId = Guid.NewGuid(),
        });
        var classProblem = await classWithUnknown.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(classProblem.FieldErrors, e => e.Field == "courseId");
    }

    [Fact]
    public async Task A_base_scorecard_counts_the_catalog_courses_the_base_developed_in_the_year()
    {
        var office = await platform.OfficeAsync();
        var (baseId, organizationId) = await platform.QueryAsync(async db =>
        {
            var b = await db.EducationBases.IgnoreQueryFilters().Where(x => x.Status != BaseStatus.Revoked).OrderBy(x => x.DesignatedOn).FirstAsync();
            return (b.Id, b.OrganizationId);
        });
        var year = ProjectPlatform.Today.Year;
        var subject = await platform.QueryAsync(db => db.Subjects.Where(s => s.Status == SubjectStatus.Active && s.Category == CreditCategory.Professional).Select(s => s.Id).FirstAsync());
        var before = (await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}")).GetProperty("figures").GetProperty("professionalCourses").GetInt32();
        var developed = await platform.QueryAsync(db => db.Courses.CountAsync(c => c.DeveloperOrganizationId == organizationId && c.Category == CreditCategory.Professional && c.CreatedAt.Year == year));
        Assert.Equal(developed, before);

        using var created = await office.PostAsJsonAsync(new Uri("/api/courses", UriKind.Relative), new { title = "基地开发的专业课程", subjectId = subject, hours = 12, mode = "Mixed", developerOrganizationId = organizationId });
        var course = await created.ReadAsAsync<JsonElement>(HttpStatusCode.Created, "office adds a base's course");
        Assert.Equal("Base", course.GetProperty("developerKind").GetString());

        var after = await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}");
        Assert.Equal(before + 1, after.GetProperty("figures").GetProperty("professionalCourses").GetInt32());
        var records = await office.GetJsonAsync($"/api/supervision/bases/{baseId}/scorecards/{year}/courses?pageSize=100");
        Assert.Contains(records.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == course.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_provider_adds_a_course_and_a_material_on_the_pages_and_a_mistake_is_shown_next_to_its_field()
    {
        var subject = await platform.QueryAsync(db => db.Subjects.Where(s => s.Status == SubjectStatus.Active).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var account = await platform.Accounts.CreateAsync($"t.course.{Guid.NewGuid():N}"[..24], [PlatformRoles.ProviderStaff], platform.ProviderCode);
        using var browser = await platform.Accounts.SignInAsync(account);
        var form = await browser.GetAsync("/courses/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"value=\"{subject}\"", form.Html, StringComparison.Ordinal);

        var refused = await browser.PostAsync("/courses/new", new Dictionary<string, string?> { ["Input.Title"] = "", ["Input.SubjectId"] = subject, ["Input.Hours"] = "8", ["Input.Mode"] = "Offline" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("请填写课程名称", refused.Html, StringComparison.Ordinal);
        Assert.Equal(1, refused.ErrorSummaries);
        Assert.Matches("id=\"Input_Title\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_Title\"", refused.Html);

        var title = $"页面添加的课程{Guid.NewGuid().ToString("N")[..4]}";
        var created = await browser.PostAsync("/courses/new", new Dictionary<string, string?> { ["Input.Title"] = title, ["Input.SubjectId"] = subject, ["Input.Hours"] = "8", ["Input.Mode"] = "Mixed" }, refused.Html);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var course = await platform.QueryAsync(db => db.Courses.SingleAsync(c => c.Title == title));
        Assert.Equal($"/courses/{course.Id:D}", created.LocationPath);
        Assert.Equal(Programs.Domain.DeliveryMode.Mixed, course.Mode);

        var show = await browser.GetAsync($"/courses/{course.Id:D}");
        Assert.Contains("上传课程资料", show.Html, StringComparison.Ordinal);
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(WebBrowser.AntiforgeryToken(show.Html)), "__RequestVerificationToken" },
            { new ByteArrayContent(Pdf), "Material", "讲义.pdf" },
        };
        using var posted = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/courses/{course.Id:D}") { Content = upload });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("讲义.pdf", await platform.QueryAsync(db => db.CourseMaterials.Where(m => m.CourseId == course.Id).Select(m => m.FileName).SingleAsync()));
        var list = await browser.GetAsync($"/courses?search={Uri.EscapeDataString(title)}");
        Assert.Contains(title, list.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_names_a_catalog_course_on_the_class_form_and_the_class_page_links_it()
    {
        var courses = await platform.QueryAsync(async db => (
            Public: await db.Courses.Where(c => c.Category == CreditCategory.Public).OrderBy(c => c.Title).Select(c => new { c.Id, c.Title }).FirstAsync(),
            Professional: await db.Courses.Where(c => c.Category == CreditCategory.Professional).OrderBy(c => c.Title).Select(c => c.Id).FirstAsync()));
        var account = await platform.Accounts.CreateAsync($"t.cls.{Guid.NewGuid():N}"[..24], [PlatformRoles.ProviderStaff], platform.ProviderCode);
        using var browser = await platform.Accounts.SignInAsync(account);
        var form = await browser.GetAsync("/classes/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("id=\"Input_CourseId\"", form.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{courses.Public.Id:D}\"", form.Html, StringComparison.Ordinal);

        var title = $"选用课程库课程的班次{Guid.NewGuid().ToString("N")[..4]}";
        Dictionary<string, string?> Fields(Guid course) => new()
        {
            ["Input.Title"] = title, ["Input.StartDate"] = ProjectPlatform.Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndDate"] = ProjectPlatform.Today.AddDays(11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Input.Hours"] = "6",
            ["Input.Category"] = "公需", ["Input.Activity"] = "面授培训", ["Input.Mode"] = "线下", ["Input.CourseId"] = course.ToString("D"),
        };

        // A professional course for a public class: the use case's refusal next to the course field; nothing created.
        var refused = await browser.PostAsync("/classes/new", Fields(courses.Professional));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("与班次的科目类别（公需）不一致", refused.Html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_CourseId\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_CourseId\"", refused.Html);
        Assert.Equal(1, refused.ErrorSummaries);
        Assert.False(await platform.QueryAsync(db => db.TrainingClasses.IgnoreQueryFilters().AnyAsync(c => c.Title == title)));

        var created = await browser.PostAsync("/classes/new", Fields(courses.Public.Id), refused.Html);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var stored = await platform.QueryAsync(db => db.TrainingClasses.IgnoreQueryFilters().SingleAsync(c => c.Title == title));
        Assert.Equal(courses.Public.Id, stored.CourseId);
        Assert.Equal($"/classes/{stored.Id:D}", created.LocationPath);

        var show = await browser.GetAsync($"/classes/{stored.Id:D}");
        Assert.Contains($"<a href=\"/courses/{courses.Public.Id:D}\">{System.Net.WebUtility.HtmlEncode(courses.Public.Title)}</a>", show.Html, StringComparison.Ordinal);
        var edit = await browser.GetAsync($"/classes/{stored.Id:D}/edit");
        Assert.Matches($"<option[^>]*selected=\"selected\"[^>]*value=\"{courses.Public.Id:D}\"|<option[^>]*value=\"{courses.Public.Id:D}\"[^>]*selected", edit.Html);
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, Guid course, string name, byte[] content, HttpStatusCode expected)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        using var response = await client.PostAsync(new Uri($"/api/courses/{course}/materials", UriKind.Relative), form);
        Assert.True(response.StatusCode == expected, $"upload {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
