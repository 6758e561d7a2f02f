using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The course catalog in a real browser on the demo city: the program office adds an association's course on
/// <c>/courses/new</c> (a missing title first comes back next to its field), uploads a PDF syllabus on the course's page,
/// finds the course in the catalog and opens it — the course and its material read back from the database.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CourseCatalogJourneyTests(BrowserHost host)
{
    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% browser journey syllabus\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [BrowserFact]
    public async Task The_program_office_adds_a_course_with_a_pdf_material_and_finds_it_in_the_catalog()
    {
        var title = $"浏览器旅程课程{Guid.NewGuid().ToString("N")[..6]}";
        await host.RunAsync(nameof(The_program_office_adds_a_course_with_a_pdf_material_and_finds_it_in_the_catalog), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.program-office");
            await page.GotoAsync("/courses/new");
            await BrowserHost.AssertAccessibleAsync(page);

            // No title: the problem in the summary and next to the field, the other answers kept.
            await page.SelectOptionAsync("#Input_SubjectId", new SelectOptionValue { Index = 1 });
            await page.FillAsync("#Input_Hours", "8");
            await page.SelectOptionAsync("#Input_Mode", "Mixed");
            await page.FillAsync("#Input_AssociationName", "济宁市继续教育协会");
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
            Assert.Contains("请填写课程名称", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("8", await page.InputValueAsync("#Input_Hours"));
            await BrowserHost.AssertAccessibleAsync(page);

            await page.FillAsync("#Input_Title", title);
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForURLAsync("**/courses/*-*");
            await page.WaitForSelectorAsync(".banner-success");
            await BrowserHost.AssertAccessibleAsync(page);

            // The syllabus on the course's page.
            await page.SetInputFilesAsync("#Material", new FilePayload { Name = "课程大纲.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForSelectorAsync("[data-materials]");
            Assert.Contains("课程大纲.pdf", await page.Locator("[data-materials]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);

            // Found in the catalog, and opened from it, at 390 px too.
            await page.GotoAsync($"/courses?search={Uri.EscapeDataString(title)}");
            await BrowserHost.AssertAccessibleAsync(page);
            await page.SetViewportSizeAsync(390, 900);
            await BrowserHost.AssertFitsWidthAsync(page);
            await page.ClickAsync($"a:text-is(\"{title}\")");
            await page.WaitForURLAsync("**/courses/*-*");
            Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.Contains("课程大纲.pdf", await page.Locator("[data-materials]").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserHost.AssertAccessibleAsync(page);
            await BrowserHost.AssertFitsWidthAsync(page);
        });

        // The data: one course of the association (no platform developer), 8 hours, with the syllabus of the uploaded size.
        var where = $"c.{TestDatabase.Quote("Title")} = '{title}'";
        Assert.Equal(1, await host.Database.ScalarAsync($"SELECT COUNT(*) FROM {TestDatabase.Quote("Courses")} c WHERE {where} AND c.{TestDatabase.Quote("DeveloperName")} = '济宁市继续教育协会' AND c.{TestDatabase.Quote("DeveloperOrganizationId")} IS NULL"));
        Assert.Equal(800, await host.Database.ScalarAsync($"SELECT CAST(c.{TestDatabase.Quote("Hours")} * 100 AS INTEGER) FROM {TestDatabase.Quote("Courses")} c WHERE {where}"));
        Assert.Equal(Pdf.LongLength, await host.Database.ScalarAsync(
            $"SELECT m.{TestDatabase.Quote("Size")} FROM {TestDatabase.Quote("CourseMaterials")} m JOIN {TestDatabase.Quote("Courses")} c ON c.{TestDatabase.Quote("Id")} = m.{TestDatabase.Quote("CourseId")} WHERE {where} AND m.{TestDatabase.Quote("FileName")} = '课程大纲.pdf'"));
    }
}
