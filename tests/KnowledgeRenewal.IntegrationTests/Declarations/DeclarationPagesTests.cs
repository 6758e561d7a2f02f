using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static KnowledgeRenewal.IntegrationTests.Declarations.DeclarationRequests;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

/// <summary>
/// The declaration pages, as people use them with a browser session: the professional declares with a file, HR and
/// the department review on the declaration's page (a stale page is told someone acted first), the person withdraws.
/// </summary>
[Collection(DeclarationPlatform.Name)]
public sealed partial class DeclarationPagesTests(DeclarationPlatformFixture platform)
{
    [Fact]
    public async Task A_declaration_made_on_the_page_goes_through_both_reviews_on_the_page()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var hrAccount = await platform.Accounts.CreateAsync($"decl.page-hr.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.E1.Code);
        var healthAccount = await platform.Accounts.CreateAsync($"decl.page-dep.{Guid.NewGuid():N}"[..30], [PlatformRoles.DepartmentAdmin], "LD-health");
        using var me = await Session.SignInAsync(platform, person.Account.UserName);
        using var hr = await Session.SignInAsync(platform, hrAccount.UserName);
        using var health = await Session.SignInAsync(platform, healthAccount.UserName);

        // A file that is not what its name says: refused with the reason, nothing stored.
        var form = await me.GetAsync("/declarations/new");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var refused = await me.PostMultipartAsync("/declarations/new", PageFields(Conference("网页申报的年会")), ("证书.pdf", Encoding.UTF8.GetBytes("<html></html>")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("PDF", refused.Html, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.ActivityDeclarations.CountAsync(d => d.ProfessionalId == person.Id)));

        var declared = await me.PostMultipartAsync("/declarations/new", PageFields(Conference("网页申报的年会")), ("证书.pdf", Pdf));
        Assert.Equal(HttpStatusCode.Redirect, declared.Status);
        var address = declared.Location!;
        var id = Guid.Parse(address["/declarations/".Length..]);
        var mine = await me.GetAsync(address);
        Assert.Contains("4 学分折合 12 学时", mine.Html, StringComparison.Ordinal);
        Assert.Contains("待单位审核", mine.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(person.IdNumber, mine.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=employer", mine.Html, StringComparison.Ordinal); // the person does not review

        // HR: in "awaiting my review"; a rejection needs a reason; a stale page loses; then approves.
        Assert.Contains(address, (await hr.GetAsync("/declarations?awaitingMe=true")).Html, StringComparison.Ordinal);
        var page = await hr.GetAsync(address);
        var version = Version(page.Html);
        var noReason = await hr.PostAsync($"{address}?handler=employer", new() { ["decision"] = "reject", ["comment"] = "", ["version"] = version });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("驳回时请填写驳回理由", noReason.Html, StringComparison.Ordinal);
        var stale = await hr.PostAsync($"{address}?handler=employer", new() { ["decision"] = "approve", ["comment"] = "同意", ["version"] = EntityTagOf(Guid.NewGuid()) });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        var posted = await hr.PostAsync($"{address}?handler=employer", new() { ["decision"] = "approve", ["comment"] = "经核实，同意上报。", ["version"] = version });
        Assert.Equal((HttpStatusCode.Redirect, address), (posted.Status, posted.Location)); // post → redirect → get
        var approved = await hr.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Contains("单位审核意见已提交", approved.Html, StringComparison.Ordinal);
        Assert.Contains("待主管部门审核", approved.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("单位审核意见已提交", (await hr.GetAsync(address)).Html, StringComparison.Ordinal); // the banner shows once

        // The department approves: the credit record counts.
        var departmentPage = await health.GetAsync(address);
        var decided = await health.PostAsync($"{address}?handler=department", new() { ["decision"] = "approve", ["comment"] = "予以认定。", ["version"] = Version(departmentPage.Html) });
        Assert.Equal((HttpStatusCode.Redirect, address), (decided.Status, decided.Location));
        var done = await health.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("已认定", done.Html, StringComparison.Ordinal);
        var record = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().SingleAsync(r => r.DeclarationId == id));
        Assert.Equal((CreditRecordStatus.Approved, 12m), (record.Status, record.Hours.Hours));
    }

    [Fact]
    public async Task The_person_withdraws_on_the_page_and_others_do_not_see_it()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var stranger = await platform.NewDeclarantAsync(platform.E3);
        var (_, id, _) = await DeclaredAsync(person.Client, Conference("网页撤回"));
        using var me = await Session.SignInAsync(platform, person.Account.UserName);
        using var other = await Session.SignInAsync(platform, stranger.Account.UserName);

        var hidden = await other.GetAsync($"/declarations/{id:D}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.DoesNotContain("网页撤回", hidden.Html, StringComparison.Ordinal);

        var page = await me.GetAsync($"/declarations/{id:D}");
        Assert.Contains("handler=withdraw", page.Html, StringComparison.Ordinal);
        var posted = await me.PostAsync($"/declarations/{id:D}?handler=withdraw", new() { ["reason"] = "材料需补充", ["version"] = Version(page.Html) });
        Assert.Equal((HttpStatusCode.Redirect, $"/declarations/{id:D}"), (posted.Status, posted.Location));
        var withdrawn = await me.GetAsync(posted.Location!);

        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        Assert.Contains("申报已撤回", withdrawn.Html, StringComparison.Ordinal);
        Assert.Contains("已撤回", withdrawn.Html, StringComparison.Ordinal);
        var record = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().SingleAsync(r => r.DeclarationId == id));
        Assert.Equal((CreditRecordStatus.Rejected, "本人撤回：材料需补充"), (record.Status, record.ReviewReason));
        Assert.Equal(DeclarationStatus.Withdrawn, await platform.QueryAsync(db => db.ActivityDeclarations.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Fact]
    public async Task Only_professionals_open_the_declaration_form_and_anonymous_visitors_are_sent_to_sign_in()
    {
        var hrAccount = await platform.Accounts.CreateAsync($"decl.page-hr2.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.E1.Code);
        using var hr = await Session.SignInAsync(platform, hrAccount.UserName);
        using var anonymous = Session.Anonymous(platform);

        Assert.NotEqual(HttpStatusCode.OK, (await hr.GetAsync("/declarations/new")).Status);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/declarations")).Status);
        var redirected = await anonymous.GetAsync("/declarations");
        Assert.Equal(HttpStatusCode.Redirect, redirected.Status);
        Assert.StartsWith("/account/login", new Uri(new Uri("http://localhost"), redirected.Location).AbsolutePath, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> PageFields(Dictionary<string, string> api) =>
        api.ToDictionary(f => "Input." + char.ToUpperInvariant(f.Key[0]) + f.Key[1..], f => f.Value);

    private static string Version(string html)
    {
        var match = VersionInput().Match(html);
        Assert.True(match.Success, "the page has no version field");
        return WebUtility.HtmlDecode(match.Groups["v"].Value);
    }

    private static string EntityTagOf(Guid stamp) => "\"" + stamp.ToString("N") + "\"";

    [GeneratedRegex(@"name=""version"" value=""(?<v>[^""]*)""")]
    private static partial Regex VersionInput();

    /// <summary>A browser session (cookies, no automatic redirects) signed in through the login page.</summary>
    private sealed class Session(HttpClient client) : IDisposable
    {
        private string lastHtml = "";

        public static Session Anonymous(DeclarationPlatformFixture platform) =>
            new(platform.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

        public static async Task<Session> SignInAsync(DeclarationPlatformFixture platform, string userName)
        {
            var session = Anonymous(platform);
            await session.GetAsync("/account/login");
            var signedIn = await session.PostAsync("/account/login", new() { ["Input.Login"] = userName, ["Input.Password"] = TestAccounts.Password });
            Assert.True(signedIn.Status == HttpStatusCode.Redirect, $"sign-in of {userName}: {(int)signedIn.Status}");
            return session;
        }

        public async Task<WebPage> GetAsync(string url)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            return await ReadAsync(response);
        }

        public async Task<WebPage> PostAsync(string url, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = WebBrowser.AntiforgeryToken(lastHtml);
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            return await ReadAsync(response);
        }

        public async Task<WebPage> PostMultipartAsync(string url, Dictionary<string, string> fields, params (string Name, byte[] Content)[] files)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(WebBrowser.AntiforgeryToken(lastHtml)), "__RequestVerificationToken" },
            };
            foreach (var (key, value) in fields)
            {
                form.Add(new StringContent(value, Encoding.UTF8), key);
            }

            foreach (var (name, content) in files)
            {
                var part = new ByteArrayContent(content);
                part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                form.Add(part, "Evidence", name);
            }

            using var response = await client.PostAsync(new Uri(url, UriKind.Relative), form);
            return await ReadAsync(response);
        }

        public void Dispose() => client.Dispose();

        private async Task<WebPage> ReadAsync(HttpResponseMessage response)
        {
            var html = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType == "text/html" && html.Length > 0)
            {
                lastHtml = html;
            }

            return new WebPage(response.StatusCode, html, response.Headers.Location?.OriginalString, []);
        }
    }
}
