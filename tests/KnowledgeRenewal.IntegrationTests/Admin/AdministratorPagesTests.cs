using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Admin;

/// <summary>
/// The security and audit administrators' pages over HTTP: only their role opens them (everyone else is sent to the
/// access-denied page), the three-role separation is said next to the roles, a one-time password or client secret
/// is shown on one load only, and the audit pages verify the chain and export as the API does — audited alike.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed partial class AdministratorPagesTests(PlatformFixture platform)
{
    private static readonly string[] SecurityPages = ["/admin/accounts", "/admin/accounts/new", "/admin/clients", "/admin/clients/new", "/admin/security-policy"];
    private static readonly string[] AuditPages = ["/audit", "/audit/verify", "/audit/retention", "/audit/records/1"];

    [Theory]
    [InlineData(PlatformRoles.AuditAdmin)]
    [InlineData(PlatformRoles.SystemAdmin)]
    [InlineData(PlatformRoles.ProgramOfficeAdmin)]
    [InlineData(PlatformRoles.CountyAdmin)]
    public async Task Only_security_administrators_open_the_account_pages(string role)
    {
        using var browser = await SignInAsync(role);
        foreach (var url in SecurityPages)
        {
            var page = await browser.GetAsync(url);
            Assert.True(IsDenied(page), $"{role} GET {url} → {(int)page.Status} {page.Location}");
        }

        var account = await platform.Accounts.CreateAsync(Name("victim"), [PlatformRoles.EmployerHr], (await EmployerAsync()).Code);
        Assert.True(IsDenied(await browser.GetAsync($"/admin/accounts/{account.Id}")));
        Assert.DoesNotContain("账号管理", (await browser.GetAsync("/workbench")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PlatformRoles.SecurityAdmin)]
    [InlineData(PlatformRoles.SystemAdmin)]
    [InlineData(PlatformRoles.ProgramOfficeAdmin)]
    public async Task Only_audit_administrators_open_the_audit_pages(string role)
    {
        using var browser = await SignInAsync(role);
        foreach (var url in AuditPages.Append("/audit?handler=export"))
        {
            var page = await browser.GetAsync(url);
            Assert.True(IsDenied(page), $"{role} GET {url} → {(int)page.Status} {page.Location}");
        }
    }

    [Fact]
    public async Task The_separation_of_duties_is_said_next_to_the_roles()
    {
        using var security = await SignInAsync(PlatformRoles.SecurityAdmin);
        var office = await platform.QueryAsync(db => db.Organizations.SingleAsync(o => o.Code == ProgramOrganizations.ProgramOfficeCode));
        var userName = Name("both");
        await security.GetAsync("/admin/accounts/new");
        var refused = await security.PostFieldsAsync("/admin/accounts/new", [
            new KeyValuePair<string, string>("Input.OrganizationId", office.Id.ToString()),
            new("Input.UserName", userName),
            new("Input.DisplayName", "兼任测试"),
            new("Input.Roles", PlatformRoles.SystemAdmin),
            new("Input.Roles", PlatformRoles.AuditAdmin),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.StartsWith("<!DOCTYPE html>", refused.Html.TrimStart(), StringComparison.OrdinalIgnoreCase);
        var fieldError = FieldError("Input_Roles").Match(refused.Html);
        Assert.True(fieldError.Success, "no error next to the roles");
        Assert.Contains("三员分立", fieldError.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("(roles)", refused.Html, StringComparison.Ordinal);
        Assert.Contains("<title>错误：", refused.Html, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.Users.CountAsync(u => u.UserName == userName)));

        // The same rule on an existing account's page.
        var account = await platform.Accounts.CreateAsync(Name("hr"), [PlatformRoles.EmployerHr], (await EmployerAsync()).Code);
        var address = $"/admin/accounts/{account.Id}";
        await security.GetAsync(address);
        var mixed = await security.PostFieldsAsync($"{address}?handler=roles", [new KeyValuePair<string, string>("Roles", PlatformRoles.EmployerHr), new("Roles", PlatformRoles.SecurityAdmin)]);
        Assert.Equal(HttpStatusCode.BadRequest, mixed.Status);
        var roleError = FieldError("Roles").Match(mixed.Html);
        Assert.True(roleError.Success, "no error next to the roles on the account page");
        Assert.Contains("安全管理员", roleError.Value, StringComparison.Ordinal);
        Assert.Equal([PlatformRoles.EmployerHr], await RolesOfAsync(account.Id));
    }

    [Fact]
    public async Task A_one_time_password_is_shown_on_one_load_only_and_signs_in()
    {
        using var security = await SignInAsync(PlatformRoles.SecurityAdmin);
        var employer = await EmployerAsync();
        var userName = Name("new");
        await security.GetAsync("/admin/accounts/new?orgq=" + Uri.EscapeDataString(employer.Code));
        var created = await security.PostAsync("/admin/accounts/new", new Dictionary<string, string?>
        {
            ["Input.OrganizationId"] = employer.Id.ToString(),
            ["Input.UserName"] = userName,
            ["Input.DisplayName"] = "一次性密码测试",
            ["Input.Roles"] = PlatformRoles.EmployerHr,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var address = created.Location!;
        Assert.Matches("^/admin/accounts/[0-9a-f-]{36}$", address);

        var first = await security.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var password = OneTimePassword().Match(first.Html);
        Assert.True(password.Success, "the one-time password is not on the page");
        var otp = WebUtility.HtmlDecode(password.Groups["value"].Value);
        Assert.Equal(16, otp.Length);

        var again = await security.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.False(OneTimePassword().IsMatch(again.Html), "the one-time password is shown twice");
        Assert.DoesNotContain(otp, again.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(otp), again.Html, StringComparison.Ordinal);

        // It is the account's password: the login page takes it and asks for a new one.
        var holder = platform.Browser();
        var signIn = await holder.SubmitAsync("/account/login", new Dictionary<string, string?> { ["Input.Login"] = userName, ["Input.Password"] = otp });
        Assert.Equal((HttpStatusCode.Redirect, "/account/password"), (signIn.Status, signIn.LocationPath));
        holder.Dispose();

        // Created as the API creates: roles, the one-time state and the audit record.
        var id = Guid.Parse(address["/admin/accounts/".Length..]);
        Assert.Equal([PlatformRoles.EmployerHr], await RolesOfAsync(id));
        Assert.True(await platform.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.MustChangePassword).SingleAsync()));
        Assert.Equal(1, await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().CountAsync(r => r.Action == AuditActions.AccountCreated && r.EntityKey == id.ToString())));

        // A reset gives a new one-time password, again on one load only.
        await security.GetAsync($"{address}?confirm=reset-password");
        var reset = await security.PostAsync($"{address}?handler=resetpassword", new Dictionary<string, string?>());
        Assert.Equal((HttpStatusCode.Redirect, address), (reset.Status, reset.Location));
        var shown = await security.GetAsync(address);
        var second = OneTimePassword().Match(shown.Html);
        Assert.True(second.Success, "the reset password is not on the page");
        Assert.NotEqual(otp, WebUtility.HtmlDecode(second.Groups["value"].Value));
        Assert.False(OneTimePassword().IsMatch((await security.GetAsync(address)).Html), "the reset password is shown twice");
    }

    [Fact]
    public async Task A_client_secret_is_shown_once_and_the_client_is_deleted_after_a_confirmation()
    {
        using var security = await SignInAsync(PlatformRoles.SecurityAdmin);
        var clientId = "page.client." + Guid.NewGuid().ToString("N")[..8];
        await security.GetAsync("/admin/clients/new");
        var created = await security.PostFieldsAsync("/admin/clients/new", [new KeyValuePair<string, string>("Input.ClientId", clientId), new("Input.DisplayName", "页面测试系统"), new("Input.Scopes", FeedScopes.Catalog)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var first = await security.GetAsync(created.Location!);
        Assert.Matches("id=\"client-secret\">[^<]{20,}</code>", first.Html);
        Assert.Contains("基础目录", first.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"client-secret\"", (await security.GetAsync(created.Location!)).Html, StringComparison.Ordinal);

        var confirm = await security.GetAsync("/admin/clients?delete=" + clientId);
        Assert.Contains("确认删除", confirm.Html, StringComparison.Ordinal);
        var deleted = await security.PostAsync("/admin/clients?handler=delete", new Dictionary<string, string?> { ["clientId"] = clientId });
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        var list = await security.GetAsync("/admin/clients");
        Assert.Contains($"对接系统“{clientId}”已删除", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td data-label=\"客户端标识\">{clientId}</td>", list.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_pages_verify_the_chain_and_export_as_the_api_does()
    {
        using var audit = await SignInAsync(PlatformRoles.AuditAdmin);
        var before = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().CountAsync(r => r.Action == AuditActions.AuditVerified));
        await audit.GetAsync("/audit/verify");
        var verified = await audit.PostAsync("/audit/verify", new Dictionary<string, string?>());
        Assert.Equal((HttpStatusCode.Redirect, "/audit/verify"), (verified.Status, verified.Location));
        var result = await audit.GetAsync("/audit/verify");
        Assert.Contains("完整", ResultPattern().Match(result.Html).Value, StringComparison.Ordinal);
        Assert.Equal(before + 1, await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().CountAsync(r => r.Action == AuditActions.AuditVerified)));

        // Filters live in the address; a wrong window is said, not thrown.
        var filtered = await audit.GetAsync($"/audit?action={AuditActions.AuditVerified}");
        Assert.Equal(HttpStatusCode.OK, filtered.Status);
        Assert.Contains("校验审计链", filtered.Html, StringComparison.Ordinal);
        var wrong = await audit.GetAsync("/audit?from=2026-12-02&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("结束时间应晚于开始时间", wrong.Html, StringComparison.Ordinal);

        var exports = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().CountAsync(r => r.Action == AuditActions.DataExported && r.EntityType == nameof(AuditRecord)));
        using var file = await audit.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/audit?handler=export&action={AuditActions.AuditVerified}"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        var bytes = await file.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal(exports + 1, await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().CountAsync(r => r.Action == AuditActions.DataExported && r.EntityType == nameof(AuditRecord))));
    }

    [Fact]
    public async Task Each_administrator_finds_their_card_and_menu_on_the_workbench()
    {
        using var security = await SignInAsync(PlatformRoles.SecurityAdmin);
        var mine = (await security.GetAsync("/workbench")).Html;
        Assert.Contains("账号与安全", mine, StringComparison.Ordinal);
        Assert.Contains("当前被锁定的账号", mine, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/clients\"", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("最近一次校验审计链", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/audit\"", mine, StringComparison.Ordinal);

        using var audit = await SignInAsync(PlatformRoles.AuditAdmin);
        var theirs = (await audit.GetAsync("/workbench")).Html;
        Assert.Contains("最近一次校验审计链", theirs, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit/retention\"", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("当前被锁定的账号", theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/accounts\"", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_and_record_endpoints_answer_audit_administrators_only()
    {
        var auditor = await platform.ClientAsync(PlatformRoles.AuditAdmin);
        using (var file = await auditor.GetAsync(new Uri($"/api/audit/records/export?action={AuditActions.SignIn}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
            Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 100);
        }

        using (var one = await auditor.GetAsync(new Uri("/api/audit/records/1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            var body = await one.Content.ReadAsStringAsync();
            Assert.Contains("\"sequence\":1", body, StringComparison.Ordinal);
            Assert.Matches("\"hash\":\"[0-9a-f]{64}\"", body);
        }

        using (var none = await auditor.GetAsync(new Uri("/api/audit/records/999999999", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        }

        var security = await platform.ClientAsync(PlatformRoles.SecurityAdmin);
        using var refused = await security.GetAsync(new Uri("/api/audit/records/export", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<WebBrowser> SignInAsync(string role) =>
        await platform.Accounts.SignInAsync(await platform.Accounts.CreateAsync(Name(role), [role], TestAccounts.DefaultOrganization(role)));

    private async Task<string[]> RolesOfAsync(Guid id)
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(id.ToString()))!)];
    }

    private static bool IsDenied(WebPage page) =>
        page.Status == HttpStatusCode.Forbidden || (page.Status == HttpStatusCode.Redirect && page.Location?.Contains("/account/denied", StringComparison.Ordinal) == true);

    // The demo employer of demo.employer-hr.
    private Task<(Guid Id, string Code)> EmployerAsync() => platform.QueryAsync(async db =>
    {
        var organizationId = await db.Users.Where(u => u.UserName == "demo.employer-hr").Select(u => u.OrganizationId).SingleAsync();
        var code = await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.Code).SingleAsync();
        return (organizationId, code);
    });

    private static string Name(string prefix) => $"adm.{prefix}.{Guid.NewGuid():N}"[..30];

    private static Regex FieldError(string id) => new($"id=\"{id}-error\"[^>]*>.*?</div>|id=\"{id}-error\"[^>]*>.*?</p>", RegexOptions.Singleline);

    [GeneratedRegex("id=\"one-time-password\">(?<value>[^<]+)</code>")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex("data-verification-result[^>]*>.*?</dd>", RegexOptions.Singleline)]
    private static partial Regex ResultPattern();
}
