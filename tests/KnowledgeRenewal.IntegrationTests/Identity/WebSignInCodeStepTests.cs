using System.Net;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Identity;

/// <summary>
/// The two steps of a web sign-in with two factors: the password on the login page, then the code alone on
/// <c>/account/login/code</c> — with the sign-in rules (audit, lockout), a short lifetime, and no way from the code step
/// into the password change or the enrolment.
/// </summary>
public sealed partial class WebSignInTests
{
    [Fact]
    public async Task Right_password_leads_to_a_code_only_page()
    {
        var account = await platform.CreateAsync("step1", PlatformRoles.SecurityAdmin, ProgramOffice, enrollTwoFactor: true);
        using var browser = platform.Browser();

        var first = await LoginAsync(browser, account.UserName, Password);

        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        Assert.Equal("/account/login/code", first.Location);
        Assert.True(first.Sets("kr.pending"));
        Assert.False(first.Sets("kr.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));

        var step = await browser.GetAsync("/account/login/code");
        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.Contains("<label for=\"Code\">验证码</label>", step.Html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*autocomplete=\"one-time-code\"", step.Html);
        Assert.Matches("<input[^>]*inputmode=\"numeric\"", step.Html);
        Assert.DoesNotContain("type=\"password\"", step.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", step.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", step.Html, StringComparison.Ordinal);
        Assert.NotEmpty(WebBrowser.AntiforgeryToken(step.Html));
    }

    [Fact]
    public async Task Wrong_code_is_an_error_in_Chinese_next_to_the_field_and_the_right_one_signs_in()
    {
        var account = await platform.CreateAsync("step2", PlatformRoles.SecurityAdmin, ProgramOffice, enrollTwoFactor: true);
        var key = account.Id.ToString();
        using var browser = platform.Browser();

        var wrong = await LoginWithCodeAsync(browser, account.UserName, Password, OtherCode(account.Key!));

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.False(wrong.Sets("kr.session"));
        Assert.Matches("<p class=\"field-error\" id=\"Code-error\"><span class=\"visually-hidden\">错误：</span>验证码错误[^<]*</p>", wrong.Html);
        Assert.Matches("<input[^>]*aria-describedby=\"Code-hint Code-error\"[^>]*aria-invalid=\"true\"|<input[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Code-hint Code-error\"", wrong.Html);
        Assert.DoesNotContain("type=\"password\"", wrong.Html, StringComparison.Ordinal);
        Assert.Equal(1, await platform.QueryAsync(db => db.AuditRecords.CountAsync(r => r.Action == AuditActions.SignIn && r.EntityKey == key && r.Outcome == AuditOutcome.Failure && r.Details == "wrong TOTP code")));
        Assert.Equal(1, await platform.ReadAsync(account.Id, user => user.AccessFailedCount));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login/code")).Status); // still on the code step

        var empty = await browser.PostAsync("/account/login/code", CodeForm(""));
        Assert.Contains("id=\"Code-error\"", empty.Html, StringComparison.Ordinal);
        Assert.Contains("请输入", empty.Html, StringComparison.Ordinal);

        var signedIn = await browser.PostAsync("/account/login/code", CodeForm(Code(account.Key!)));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/workbench", signedIn.Location);
        Assert.True(signedIn.Sets("kr.session"));
        Assert.True(signedIn.Deletes("kr.pending"));
        Assert.Equal(account.UserName, (await MeAsync(browser)).UserName);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/workbench")).Status);
        Assert.Equal(0, await platform.ReadAsync(account.Id, user => user.AccessFailedCount));
        Assert.True(await platform.QueryAsync(db => db.AuditRecords.AnyAsync(r => r.Action == AuditActions.SignIn && r.EntityKey == key && r.Outcome == AuditOutcome.Success)));
    }

    [Fact]
    public async Task Return_address_survives_the_code_step()
    {
        var account = await platform.CreateAsync("step3", PlatformRoles.SecurityAdmin, ProgramOffice, enrollTwoFactor: true);
        using var browser = platform.Browser();

        var signedIn = await LoginWithCodeAsync(browser, account.UserName, Password, Code(account.Key!), returnUrl: "/account/password");

        Assert.Equal("/account/password", signedIn.Location);
    }

    [Fact]
    public async Task A_sign_in_waiting_for_its_code_cannot_change_the_password_or_the_authenticator()
    {
        var account = await platform.CreateAsync("step4", PlatformRoles.SecurityAdmin, ProgramOffice, enrollTwoFactor: true);
        using var browser = platform.Browser();
        Assert.Equal("/account/login/code", (await LoginAsync(browser, account.UserName, Password)).Location);
        var stamp = await platform.ReadAsync(account.Id, user => user.SecurityStamp);
        var token = (await browser.GetAsync("/account/login/code")).Html;

        foreach (var address in new[] { "/account/password", "/account/two-factor" })
        {
            var page = await browser.GetAsync(address);
            Assert.True(page.Status == HttpStatusCode.Redirect && page.LocationPath == "/account/login", $"GET {address}: {(int)page.Status} {page.Location}");
        }

        var change = await browser.PostAsync("/account/password", PasswordForm(Password, "Jn-Another-2024!x", "Jn-Another-2024!x"), tokenFrom: token);
        Assert.Equal(HttpStatusCode.Redirect, change.Status);
        Assert.Equal("/account/login", change.LocationPath);
        var reset = await browser.PostAsync("/account/two-factor?handler=Reset", new Dictionary<string, string?> { ["CurrentPassword"] = Password }, tokenFrom: token);
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        Assert.Equal("/account/login", reset.LocationPath);
        var enable = await browser.PostAsync("/account/two-factor", CodeForm(Code(account.Key!)), tokenFrom: token);
        Assert.Equal("/account/login", enable.LocationPath);

        Assert.Equal(stamp, await platform.ReadAsync(account.Id, user => user.SecurityStamp));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));
        Assert.False(await platform.AuditedAsync(AuditActions.PasswordChanged, account.Id));
        Assert.False(await platform.AuditedAsync(AuditActions.TwoFactorChanged, account.Id));
    }

    [Fact]
    public async Task The_code_step_does_not_accept_a_pending_enrolment_or_password_change()
    {
        var account = await platform.CreateAsync("step5", PlatformRoles.AuditAdmin, ProgramOffice);
        using var browser = platform.Browser();
        Assert.Equal("/account/two-factor", (await LoginAsync(browser, account.UserName, Password)).Location);

        var step = await browser.GetAsync("/account/login/code");
        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.DoesNotContain("name=\"Code\"", step.Html, StringComparison.Ordinal);
        Assert.Contains("请先输入账号和密码", step.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", step.Html, StringComparison.Ordinal);
        var post = await browser.PostAsync("/account/login/code", CodeForm("123456"), tokenFrom: (await browser.GetAsync("/account/login")).Html);
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.DoesNotContain("name=\"Code\"", post.Html, StringComparison.Ordinal);
        Assert.False(post.Sets("kr.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_and_end_the_step()
    {
        var account = await platform.CreateAsync("step6", PlatformRoles.SecurityAdmin, ProgramOffice, enrollTwoFactor: true);
        using var browser = platform.Browser();
        Assert.Equal(HttpStatusCode.OK, (await LoginWithCodeAsync(browser, account.UserName, Password, OtherCode(account.Key!))).Status);

        WebPage last = null!;
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            last = await browser.PostAsync("/account/login/code", CodeForm(OtherCode(account.Key!)));
        }

        Assert.Equal(HttpStatusCode.Redirect, last.Status);
        Assert.Equal("/account/login", last.Location);
        Assert.True(last.Deletes("kr.pending"));
        Assert.True(await platform.ReadAsync(account.Id, user => user.LockoutEnd > DateTimeOffset.UtcNow));
        Assert.True(await platform.AuditedAsync(AuditActions.LockedOut, account.Id));
        Assert.Contains("登录失败", (await browser.GetAsync("/account/login")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Code\"", (await browser.GetAsync("/account/login/code")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_step_expires()
    {
        // With a lifetime of zero minutes the step has expired by the time the code page is asked for.
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?> { ["Security:SignInCodeMinutes"] = "0" });
        var account = await new TestAccounts(factory).CreateAsync("web.codeexpiry", [PlatformRoles.SecurityAdmin], ProgramOffice, twoFactor: true);
        using var browser = new WebBrowser(factory);

        var first = await LoginAsync(browser, account.UserName, TestAccounts.Password);
        Assert.Equal("/account/login/code", first.Location);

        var step = await browser.GetAsync("/account/login/code");
        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.True(step.Deletes("kr.pending"));
        Assert.Contains("已超时", step.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Code\"", step.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/login\"", step.Html, StringComparison.Ordinal);
        var late = await browser.PostAsync("/account/login/code", CodeForm(account.CurrentCode()!), tokenFrom: (await browser.GetAsync("/account/login")).Html);
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.False(late.Sets("kr.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));
    }
}
