using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Supervision.Domain.Funding;
using KnowledgeRenewal.Supervision.UseCases.Funding;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Funding;

/// <summary>
/// Project funding through HTTP on the demo city: the program office approves a project's category budget (not above
/// the project's total); the host's staff record spending with a voucher; the ring-fence check flags a line outside
/// the approved categories and one that brings a category over budget, with Chinese reasons; the program office
/// explains a flag (If-Match, once), the city-wide list follows; other organizations neither read nor record; the
/// demo city has a flagged line; every write is audited.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class SupervisionFundingApiTests(PlatformFixture platform)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% test voucher\n%%EOF\n");

    private static MultipartFormDataContent Line(string category, string source, long fen, DateOnly on, byte[]? voucher, string payee = "接口测试收款单位")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(category), "category" },
            { new StringContent(source), "source" },
            { new StringContent(fen.ToString(CultureInfo.InvariantCulture)), "amountFen" },
            { new StringContent(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "spentOn" },
            { new StringContent(payee), "payee" },
        };
        if (voucher is not null)
        {
            var file = new ByteArrayContent(voucher);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "voucher", "发票.pdf");
        }

        return form;
    }

    private static async Task<JsonElement> PostLineAsync(HttpClient client, string projectId, MultipartFormDataContent form, HttpStatusCode expected)
    {
        using (form)
        {
            using var response = await client.PostAsync(new Uri($"/api/supervision/funding/projects/{projectId}/spending", UriKind.Relative), form);
            return await response.ReadJsonAsync(expected, "record spending");
        }
    }

    /// <summary>A running demo project with a host provider and money left, and a client of that provider's staff.</summary>
    private async Task<(JsonElement Funding, HttpClient Host)> HostedProjectAsync()
    {
        var (projectId, code) = await platform.QueryAsync(async db =>
        {
            var projects = await db.Projects.IgnoreQueryFilters()
                .Where(p => FundingAccess.Spending.Contains(p.Status) && p.ProviderId != null && p.BudgetTotalFen > 1_000_000)
                .OrderBy(p => p.Number).Select(p => new { p.Id, p.ProviderId, p.BudgetTotalFen }).ToListAsync();
            foreach (var p in projects)
            {
                var spent = await db.Set<SpendingLine>().IgnoreQueryFilters().Where(l => l.ProjectId == p.Id).SumAsync(l => l.AmountFen);
                if (p.BudgetTotalFen - spent > 200_000)
                {
                    return (p.Id, await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == p.ProviderId).Select(o => o.Code).FirstAsync());
                }
            }

            throw new InvalidOperationException("The demo city has no running project with a host provider.");
        });
        var host = await platform.ClientAsync(PlatformRoles.ProviderStaff, code);
        var funding = await host.GetJsonAsync($"/api/supervision/funding/projects/{projectId}");
        Assert.True(funding.GetProperty("mayRecord").GetBoolean(), "the host's staff record");
        return (funding, host);
    }

    [Fact]
    public async Task Spending_outside_the_approved_categories_or_over_a_category_budget_is_flagged_and_the_office_explains_it()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var (project, provider) = await HostedProjectAsync();
        var id = project.GetProperty("projectId").GetString()!;
        var total = project.GetProperty("budgetFen").GetInt64();
        long Spent(JsonElement funding, string key) => funding.GetProperty("categories").EnumerateArray().Where(c => c.GetProperty("key").GetString() == key).Select(c => c.GetProperty("spentFen").GetInt64()).FirstOrDefault();

        // The category budget: not above the project's total; only the program office sets it.
        using (var over = await office.PutAsJsonAsync(new Uri($"/api/supervision/funding/projects/{id}/category-budget", UriKind.Relative), new { items = new[] { new { category = "Teaching", amountFen = total + 1 } } }))
        {
            await over.AssertProblemAsync(HttpStatusCode.BadRequest, "supervision.category_budget_over_total");
        }

        using (var refused = await provider.PutAsJsonAsync(new Uri($"/api/supervision/funding/projects/{id}/category-budget", UriKind.Relative), new { items = new[] { new { category = "Teaching", amountFen = 1 } } }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var teachingLimit = Spent(project, "Teaching") + 10_000;
        using (var set = await office.PutAsJsonAsync(new Uri($"/api/supervision/funding/projects/{id}/category-budget", UriKind.Relative), new
        {
            items = new object[]
            {
                new { category = "Teaching", amountFen = teachingLimit },
                new { category = "Venue", amountFen = Spent(project, "Venue") + 10_000 },
                new { category = "Materials", amountFen = Spent(project, "Materials") + 10_000 },
                new { category = "Organization", amountFen = Spent(project, "Organization") + 10_000 },
            },
        }))
        {
            var funding = await set.ReadJsonAsync(HttpStatusCode.OK, "category budget");
            Assert.Equal(teachingLimit, funding.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "Teaching").GetProperty("budgetFen").GetInt64());
        }

        var source = project.GetProperty("sources").EnumerateArray().OrderByDescending(s => s.GetProperty("budgetFen").GetInt64() - s.GetProperty("spentFen").GetInt64()).First().GetProperty("key").GetString()!;
        var today = ProgramCalendar.Today(TimeProvider.System);
        var end = DateOnly.Parse(project.GetProperty("endDate").GetString()!, CultureInfo.InvariantCulture);
        var on = end < today ? end : today;

        // Within budget: no flag. A voucher that is not a PDF/JPG/PNG, or none, is refused.
        var fine = await PostLineAsync(provider, id, Line("Teaching", source, 6_000, on, Pdf), HttpStatusCode.Created);
        Assert.Equal("None", fine.GetProperty("flags").GetString());
        Assert.Empty(fine.GetProperty("reasons").EnumerateArray());
        using (var form = Line("Teaching", source, 100, on, Encoding.ASCII.GetBytes("plain text")))
        using (var bad = await provider.PostAsync(new Uri($"/api/supervision/funding/projects/{id}/spending", UriKind.Relative), form))
        {
            // Supervision's one file check (as evidence and filing attachments): the same code, the Chinese message on the voucher field.
            var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "supervision.invalid_evidence");
            var error = Assert.Single(problem.FieldErrors);
            Assert.Equal(("voucher", "invalid_file"), (error.Field, error.Code));
            Assert.EndsWith("应为 PDF、JPG 或 PNG 文件，且不超过 10 MB。", error.Message, StringComparison.Ordinal);
        }

        await PostLineAsync(provider, id, Line("Teaching", source, 100, on, null), HttpStatusCode.BadRequest);

        // Outside the approved categories; over the category's budget.
        var outside = await PostLineAsync(provider, id, Line("Accommodation", source, 100, on, Pdf), HttpStatusCode.Created);
        Assert.Equal("OutsideCategory", outside.GetProperty("flags").GetString());
        Assert.Contains("“食宿”不在项目核定的支出科目内", outside.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        var overBudget = await PostLineAsync(provider, id, Line("Teaching", source, 6_000, on, Pdf), HttpStatusCode.Created);
        Assert.Equal("CategoryOverBudget", overBudget.GetProperty("flags").GetString());
        Assert.Contains("超过核定预算", overBudget.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);

        // The funding page shows teaching over budget and the flags.
        var page = await office.GetJsonAsync($"/api/supervision/funding/projects/{id}");
        Assert.True(page.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "Teaching").GetProperty("over").GetBoolean());
        Assert.Contains(page.GetProperty("lines").EnumerateArray(), l => l.GetProperty("id").GetString() == outside.GetProperty("id").GetString() && l.GetProperty("openFlag").GetBoolean());

        // The voucher is kept.
        using (var voucher = await office.GetAsync(new Uri($"/api/supervision/funding/spending/{fine.GetProperty("id").GetString()}/voucher", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, voucher.StatusCode);
            Assert.Equal(Pdf, await voucher.Content.ReadAsByteArrayAsync());
        }

        // City-wide list of open flags; the provider is not a flag reader.
        var open = await office.GetJsonAsync("/api/supervision/funding/flags?flag=OutsideCategory&pageSize=100");
        Assert.Contains(open.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == outside.GetProperty("id").GetString());
        using (var providerFlags = await provider.GetAsync(new Uri("/api/supervision/funding/flags", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, providerFlags.StatusCode);
        }

        // The office explains: If-Match required; once only; the provider may not.
        var lineUrl = $"/api/supervision/funding/spending/{outside.GetProperty("id").GetString()}";
        using var read = await office.GetAsync(new Uri(lineUrl, UriKind.Relative));
        var etag = read.Headers.ETag!;
        using (var noMatch = await office.PostAsJsonAsync(new Uri(lineUrl + "/explanation", UriKind.Relative), new { reason = "经核实为学员集中住宿，已按规定调整预算。" }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noMatch.StatusCode);
        }

        using (var byProvider = await provider.PostAsJsonAsync(new Uri(lineUrl + "/explanation", UriKind.Relative), new { reason = "自行说明" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byProvider.StatusCode);
        }

        using var explain = new HttpRequestMessage(HttpMethod.Post, new Uri(lineUrl + "/explanation", UriKind.Relative)) { Content = JsonContent.Create(new { reason = "经核实为学员集中住宿，已按规定调整预算。" }) };
        explain.Headers.IfMatch.Add(etag);
        using var explained = await office.SendAsync(explain);
        var after = await explained.ReadJsonAsync(HttpStatusCode.OK, "explain");
        Assert.False(after.GetProperty("openFlag").GetBoolean());
        Assert.Equal("OutsideCategory", after.GetProperty("flags").GetString());
        Assert.Equal("经核实为学员集中住宿，已按规定调整预算。", after.GetProperty("explanation").GetString());

        using var again = new HttpRequestMessage(HttpMethod.Post, new Uri(lineUrl + "/explanation", UriKind.Relative)) { Content = JsonContent.Create(new { reason = "再次说明一下" }) };
        again.Headers.IfMatch.Add(explained.Headers.ETag!);
        using (var twice = await office.SendAsync(again))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.spending_not_flagged");
        }

        var explainedList = await office.GetJsonAsync("/api/supervision/funding/flags?state=Explained&pageSize=100");
        Assert.Contains(explainedList.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == outside.GetProperty("id").GetString());

        // Audited: the lines created, the explanation an update.
        var lineId = outside.GetProperty("id").GetString();
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(a => a.EntityType == nameof(SpendingLine) && a.EntityKey == lineId).Select(a => a.Action).Distinct().ToListAsync());
        Assert.Contains(AuditActions.DataCreated, audited);
        Assert.Contains(AuditActions.DataUpdated, audited);
    }

    [Fact]
    public async Task Another_organization_neither_reads_nor_records_a_project_s_spending_and_the_demo_city_has_a_flagged_line()
    {
        var (project, _) = await HostedProjectAsync();
        var id = project.GetProperty("projectId").GetString()!;

        var stranger = await platform.ClientAsync(PlatformRoles.ProviderStaff);
        using (var read = await stranger.GetAsync(new Uri($"/api/supervision/funding/projects/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        using (var form = Line("Teaching", "Municipal", 100, ProgramCalendar.Today(TimeProvider.System), Pdf))
        using (var write = await stranger.PostAsync(new Uri($"/api/supervision/funding/projects/{id}/spending", UriKind.Relative), form))
        {
            Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        }

        var professional = await platform.DemoClientAsync(PlatformRoles.Professional);
        using (var refused = await professional.GetAsync(new Uri($"/api/supervision/funding/projects/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var demoFlags = await platform.QueryAsync(db => db.Set<SpendingLine>().IgnoreQueryFilters()
            .Where(l => l.Flags != SpendingIssues.None && l.RecordedByName == "承办单位工作人员（演示）").Select(l => l.Flags).ToListAsync());
        Assert.Contains(demoFlags, f => f.HasFlag(SpendingIssues.OutsideCategory));
        Assert.Contains(demoFlags, f => f.HasFlag(SpendingIssues.CategoryOverBudget));
    }
}
