using System.Globalization;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeRenewal.IntegrationTests.Browser;

/// <summary>
/// The December filing in a real browser on the demo city: the demo provider (a base that has not filed this year)
/// files its year with an attachment, and the program office accepts it after confirming — the outcome read back
/// through the API (status, history, the attachment's bytes).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class SupervisionFilingJourneyTests(BrowserHost host)
{
    private static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% browser journey filing\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [BrowserFact]
    public async Task A_base_files_its_year_with_an_attachment_and_the_program_office_accepts_it()
    {
        var year = KnowledgeRenewal.Kernel.Time.ProgramCalendar.Today(TimeProvider.System).Year;
        using var staff = await host.ApiAsync("demo.provider-staff");
        var list = await staff.GetJsonAsync($"/api/filings?year={year}");
        var row = Assert.Single(list.GetProperty("rows").EnumerateArray());
        Assert.Equal("no filing yet", JsonValueKind(row));
        Guid filingId = default;

        await host.RunAsync(nameof(A_base_files_its_year_with_an_attachment_and_the_program_office_accepts_it), 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.provider-staff");
            await page.GotoAsync($"/filings/{year}/submit");
            await BrowserHost.AssertAccessibleAsync(page);

            // A file that is not a PDF, JPG or PNG comes back as the field's error, the answers kept.
            await FillAsync(page);
            await page.SetInputFilesAsync("#Attachment", new FilePayload { Name = "说明.txt", MimeType = "text/plain", Buffer = "纯文本"u8.ToArray() });
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
            Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
            Assert.Contains("PDF、JPG 或 PNG", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("12", await page.InputValueAsync("#Input_ClassesHeld"));
            await BrowserHost.AssertAccessibleAsync(page);

            await page.SetInputFilesAsync("#Attachment", new FilePayload { Name = $"{year}年度报送（盖章）.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.ClickAsync("form.form-narrow button[type=submit]");
            await page.WaitForURLAsync("**/filings/*-*");
            await page.WaitForSelectorAsync(".banner-success");
            Assert.Contains($"{year}年度报送（盖章）.pdf", await page.Locator("[data-attachment]").InnerTextAsync(), StringComparison.Ordinal);
            filingId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1], CultureInfo.InvariantCulture);
            await BrowserHost.AssertAccessibleAsync(page);
            await page.SetViewportSizeAsync(390, 900);
            await BrowserHost.AssertFitsWidthAsync(page);
        });

        await host.RunAsync(nameof(A_base_files_its_year_with_an_attachment_and_the_program_office_accepts_it) + "_office", 1280, async page =>
        {
            await BrowserHost.SignInAsync(page, "demo.program-office");
            await page.GotoAsync($"/filings/{filingId}");
            Assert.Contains($"{year}年度报送（盖章）.pdf", await page.Locator("[data-attachment] a").InnerTextAsync(), StringComparison.Ordinal);
            await page.CheckAsync("#Decision");
            await page.ClickAsync("#decide ~ form button[type=submit]");
            await page.ClickAsync("[data-confirm-decision]");
            await page.WaitForURLAsync($"**/filings?year={year}");
            await page.WaitForSelectorAsync(".banner-success");
            await BrowserHost.AssertAccessibleAsync(page);
        });

        // The data: accepted with its history, and the attachment is the bytes the base uploaded.
        using var office = await host.ApiAsync("demo.program-office");
        var filing = await office.GetJsonAsync($"/api/filings/{filingId}");
        Assert.Equal("Accepted", filing.GetProperty("status").GetString());
        Assert.Equal(["Submitted", "Accepted"], filing.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(12, filing.GetProperty("classesHeld").GetInt32());
        Assert.Equal(45_000_000, filing.GetProperty("budgetFen").GetInt64());
        Assert.Equal($"{year}年度报送（盖章）.pdf", filing.GetProperty("attachment").GetProperty("fileName").GetString());
        using var file = await office.GetAsync(new Uri($"/api/filings/{filingId}/attachment", UriKind.Relative));
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    private static string JsonValueKind(System.Text.Json.JsonElement row) =>
        row.GetProperty("filingId").ValueKind == System.Text.Json.JsonValueKind.Null ? "no filing yet" : "filed";

    private static async Task FillAsync(IPage page)
    {
        await page.FillAsync("#Input_Execution", "全年举办培训班 12 期，完成年度计划。");
        await page.FillAsync("#Input_ClassesHeld", "12");
        await page.FillAsync("#Input_PeopleTrained", "1050");
        await page.FillAsync("#Input_PlannedClasses", "14");
        await page.FillAsync("#Input_PlannedSubjects", "医疗卫生新技术");
        await page.FillAsync("#Input_TargetTrainees", "1200");
        await page.FillAsync("#Input_BudgetYuan", "450000");
    }
}
