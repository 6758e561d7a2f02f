using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Identity;
using KnowledgeRenewal.Identity.UseCases.SignIn;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Identity;

/// <summary>
/// The web sign-in through the Razor pages, as a browser does it: login with lockout and identical failures,
/// two-factor enrollment and codes, one-time passwords, sign-out, return addresses, and sessions that end when the
/// account is disabled.
/// </summary>
public sealed partial class WebSignInTests(WebSignInTests.Platform platform) : IClassFixture<WebSignInTests.Platform>
{
    private const string Password = "Jn-Renewal-2023!";
    private const string County = "CB-370811";
    private const string ProgramOffice = "PO";

    [Fact]
    public async Task Login_page_is_a_Chinese_form_with_an_antiforgery_token()
    {
        using var browser = platform.Browser();

        var page = await browser.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"zh-CN\">", page.Html, StringComparison.Ordinal);
        Assert.Contains("用户名 / 手机号 / 身份证号", page.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Password\" type=\"password\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.TotpCode\"", page.Html, StringComparison.Ordinal);
        Assert.NotEmpty(WebBrowser.AntiforgeryToken(page.Html));
        Assert.Contains("href=\"/account/login\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task County_admin_signs_in_with_password_only_and_the_header_shows_the_person()
    {
        var account = await platform.CreateAsync("county", PlatformRoles.CountyAdmin, County);
        using var browser = platform.Browser();

        var signedIn = await LoginAsync(browser, account.UserName, Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/workbench", signedIn.Location);
        Assert.True(signedIn.Sets("kr.session"), string.Join(" | ", signedIn.SetCookies));
        var session = signedIn.SetCookies.Single(c => c.StartsWith("kr.session=", StringComparison.Ordinal));
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase); // a browser-session cookie, never persistent
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains(account.UserName, home.Html, StringComparison.Ordinal);
        Assert.Contains("测试县管理员", home.Html, StringComparison.Ordinal);
        Assert.Matches(@"<form[^>]*action=""/account/logout""", home.Html);
        Assert.Contains(">退出</button>", home.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"site-account-login\"", home.Html, StringComparison.Ordinal);

        var me = await MeAsync(browser);
        Assert.Equal(account.UserName, me.UserName);
        Assert.Contains(PlatformRoles.CountyAdmin, me.Roles);
    }

    [Fact]
    public async Task Unknown_account_wrong_password_and_disabled_account_get_identical_pages()
    {
        // The same login name throughout: first it does not exist, then its password is wrong, then it is disabled.
        var userName = Platform.NewUserName("same");
        using var browser = platform.Browser();

        var unknown = await LoginAsync(browser, userName, Password);
        var account = await platform.CreateAsync(userName, PlatformRoles.CountyAdmin, County, exactName: true);
        var wrongPassword = await LoginAsync(browser, userName, "Wrong-Password-1");
        await platform.UpdateAsync(account.Id, async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        });
        var disabled = await LoginAsync(browser, userName, Password);

        foreach (var page in new[] { unknown, wrongPassword, disabled })
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.False(page.Sets("kr.session"));
            Assert.False(page.Sets("kr.pending"));
            Assert.Contains(SignInMessages.Failed(new SecurityOptions()), page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, page.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("Wrong-Password-1", page.Html, StringComparison.Ordinal);
        }

        var reference = WebBrowser.WithoutAntiforgeryTokens(unknown.Html);
        Assert.Equal(reference, WebBrowser.WithoutAntiforgeryTokens(wrongPassword.Html));
        Assert.Equal(reference, WebBrowser.WithoutAntiforgeryTokens(disabled.Html));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_right_one_then_fails_identically()
    {
        var account = await platform.CreateAsync("locked", PlatformRoles.CountyAdmin, County);
        using var browser = platform.Browser();

        var failures = new List<WebPage>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            failures.Add(await LoginAsync(browser, account.UserName, $"Wrong-Password-{attempt}"));
        }

        var rightPassword = await LoginAsync(browser, account.UserName, Password);

        Assert.Equal(HttpStatusCode.OK, rightPassword.Status);
        Assert.False(rightPassword.Sets("kr.session"));
        var reference = WebBrowser.WithoutAntiforgeryTokens(failures[0].Html);
        Assert.All(failures.Append(rightPassword), page => Assert.Equal(reference, WebBrowser.WithoutAntiforgeryTokens(page.Html)));
        Assert.Contains("连续失败 5 次后账号将被锁定 15 分钟", reference, StringComparison.Ordinal);

        var lockoutEnd = await platform.ReadAsync(account.Id, user => user.LockoutEnd);
        Assert.NotNull(lockoutEnd);
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14), $"locked until {lockoutEnd}");
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));
    }

    [Fact]
    public async Task Audit_admin_without_two_factors_enrolls_on_the_way_in_and_ends_signed_in()
    {
        var account = await platform.CreateAsync("audit", PlatformRoles.AuditAdmin, ProgramOffice);
        using var browser = platform.Browser();

        var pending = await LoginAsync(browser, account.UserName, Password, returnUrl: "/account/two-factor?from=login");

        Assert.Equal(HttpStatusCode.Redirect, pending.Status);
        Assert.Equal("/account/two-factor", pending.LocationPath);
        Assert.True(pending.Sets("kr.pending"));
        Assert.False(pending.Sets("kr.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));

        var setup = await browser.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        Assert.Contains("身份验证器", setup.Html, StringComparison.Ordinal);
        var key = SecretInUri().Match(setup.Html).Groups["key"].Value;
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        // The authenticator names the account after the platform as people know it, and the key comes as a QR code too.
        var issuer = Uri.EscapeDataString("济宁市继续教育平台");
        Assert.Contains($"otpauth://totp/{issuer}:{account.UserName}?secret={key}&amp;issuer={issuer}&amp;digits=6", setup.Html, StringComparison.Ordinal);
        Assert.Matches("<figure class=\"totp-qr\">\\s*<div role=\"img\" aria-label=\"[^\"]+\"><svg ", setup.Html);
        Assert.Matches(@"id=""totp-key"">[A-Z2-7]{4}( [A-Z2-7]{1,4})+<", setup.Html);
        Assert.Equal(key, Regex.Match(setup.Html, @"id=""totp-key"">([^<]+)<").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal));

        // A second look shows the same key (it is made once), and a wrong code is refused.
        var again = await browser.GetAsync("/account/two-factor");
        Assert.Equal(key, SecretInUri().Match(again.Html).Groups["key"].Value);
        var wrong = await browser.PostAsync("/account/two-factor", new Dictionary<string, string?> { ["Code"] = OtherCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("动态口令错误", wrong.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));

        var enrolled = await browser.PostAsync("/account/two-factor", new Dictionary<string, string?> { ["Code"] = Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, enrolled.Status);
        Assert.Equal("/account/two-factor?from=login", enrolled.Location);
        Assert.True(enrolled.Sets("kr.session"));
        Assert.True(enrolled.Deletes("kr.pending"));
        var state = await browser.GetAsync(enrolled.Location!);
        Assert.Equal(HttpStatusCode.OK, state.Status);
        Assert.Contains("已启用动态口令", state.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(key, state.Html, StringComparison.Ordinal);
        Assert.Contains(account.UserName, (await browser.GetAsync("/")).Html, StringComparison.Ordinal);
        Assert.True(await platform.ReadAsync(account.Id, user => user.TwoFactorEnabled));
        Assert.True(await platform.AuditedAsync(AuditActions.TwoFactorChanged, account.Id));
        Assert.True(await platform.AuditedAsync(AuditActions.SignIn, account.Id));

        // From now on the account signs in with password and code.
        using var next = platform.Browser();
        var withoutCode = await LoginAsync(next, account.UserName, Password);
        Assert.Equal(HttpStatusCode.Redirect, withoutCode.Status);
        Assert.Equal("/account/login/code", withoutCode.Location);
    }

    [Fact]
    public async Task Enrolled_admin_needs_the_code_from_the_authenticator()
    {
        var account = await platform.CreateAsync("security", PlatformRoles.SecurityAdmin, ProgramOffice, enrollTwoFactor: true);
        using var browser = platform.Browser();

        var askForCode = await LoginAsync(browser, account.UserName, Password);

        Assert.Equal(HttpStatusCode.Redirect, askForCode.Status);
        Assert.Equal("/account/login/code", askForCode.Location);
        Assert.False(askForCode.Sets("kr.session"));
        Assert.True(askForCode.Sets("kr.pending"));
        var codePage = await browser.GetAsync("/account/login/code");
        Assert.Equal(HttpStatusCode.OK, codePage.Status);
        Assert.Contains("name=\"Code\"", codePage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, codePage.Html, StringComparison.Ordinal);

        var wrongCode = await browser.PostAsync("/account/login/code", CodeForm(OtherCode(account.Key!)));
        Assert.Equal(HttpStatusCode.OK, wrongCode.Status);
        Assert.False(wrongCode.Sets("kr.session"));
        Assert.Contains("验证码错误", wrongCode.Html, StringComparison.Ordinal);
        Assert.Contains("name=\"Code\"", wrongCode.Html, StringComparison.Ordinal);

        var signedIn = await browser.PostAsync("/account/login/code", CodeForm(Code(account.Key!)));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/workbench", signedIn.Location);
        Assert.True(signedIn.Sets("kr.session"));
        Assert.Equal(account.UserName, (await MeAsync(browser)).UserName);
    }

    [Fact]
    public async Task Signed_in_person_turns_two_factors_on_and_stays_signed_in()
    {
        var account = await platform.CreateAsync("optin", PlatformRoles.CountyAdmin, County);
        using var browser = platform.Browser();
        Assert.Equal("/workbench", (await LoginAsync(browser, account.UserName, Password)).Location);

        var setup = await browser.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        var key = SecretInUri().Match(setup.Html).Groups["key"].Value;
        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(browser)); // making the key renewed the session

        var enabled = await browser.PostAsync("/account/two-factor", new Dictionary<string, string?> { ["Code"] = Code(key) });

        Assert.Equal(HttpStatusCode.Redirect, enabled.Status);
        Assert.Equal("/account/two-factor", enabled.Location);
        Assert.True((await MeAsync(browser)).TwoFactorEnabled);
        using var next = platform.Browser();
        Assert.Equal("/account/login/code", (await LoginAsync(next, account.UserName, Password)).Location);
    }

    [Fact]
    public async Task Enrolled_person_replaces_the_authenticator_after_giving_the_password()
    {
        var account = await platform.CreateAsync("rekey", PlatformRoles.SecurityAdmin, ProgramOffice, enrollTwoFactor: true);
        using var browser = platform.Browser();
        Assert.Equal("/workbench", (await LoginWithCodeAsync(browser, account.UserName, Password, Code(account.Key!))).Location);

        var state = await browser.GetAsync("/account/two-factor");
        Assert.Contains("已启用动态口令", state.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(account.Key!, state.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth://", state.Html, StringComparison.Ordinal);

        var refused = await browser.PostAsync("/account/two-factor?handler=Reset", new Dictionary<string, string?> { ["CurrentPassword"] = "Wrong-Password-1" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("当前密码错误", refused.Html, StringComparison.Ordinal);
        Assert.True(await platform.ReadAsync(account.Id, user => user.TwoFactorEnabled));

        var reset = await browser.PostAsync("/account/two-factor?handler=Reset", new Dictionary<string, string?> { ["CurrentPassword"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        var setup = await browser.GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, setup.Status);
        var key = SecretInUri().Match(setup.Html).Groups["key"].Value;
        Assert.NotEqual(account.Key, key);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/account/two-factor", new Dictionary<string, string?> { ["Code"] = Code(key) })).Status);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(browser));

        // The old authenticator no longer signs in; the new one does.
        using var next = platform.Browser();
        var oldKey = await LoginWithCodeAsync(next, account.UserName, Password, Code(account.Key!));
        Assert.Contains("验证码错误", oldKey.Html, StringComparison.Ordinal);
        // The enrollment used the current code, and a used code is never accepted again: sign in with the next one.
        var newKey = await next.PostAsync("/account/login/code", CodeForm(NextCode(key)));
        Assert.Equal("/workbench", newKey.Location);
    }

    [Fact]
    public async Task One_time_password_must_be_replaced_by_a_good_one_before_signing_in()
    {
        var account = await platform.CreateAsync("onetime", PlatformRoles.CountyAdmin, County, mustChangePassword: true);
        using var browser = platform.Browser();

        var pending = await LoginAsync(browser, account.UserName, Password);

        Assert.Equal(HttpStatusCode.Redirect, pending.Status);
        Assert.Equal("/account/password", pending.LocationPath);
        Assert.True(pending.Sets("kr.pending"));
        Assert.False(pending.Sets("kr.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));

        var form = await browser.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("一次性密码", form.Html, StringComparison.Ordinal);
        Assert.Contains("当前密码", form.Html, StringComparison.Ordinal);
        Assert.Contains("确认新密码", form.Html, StringComparison.Ordinal);
        Assert.Contains("长度不少于 8 位", form.Html, StringComparison.Ordinal);
        Assert.Contains("至少三类", form.Html, StringComparison.Ordinal);
        Assert.Contains("每 90 天须更换一次密码", form.Html, StringComparison.Ordinal);

        var weak = await browser.PostAsync("/account/password", PasswordForm(Password, "abc12", "abc12"));
        Assert.Equal(HttpStatusCode.OK, weak.Status);
        Assert.Contains("密码至少 8 位。", weak.Html, StringComparison.Ordinal);
        Assert.Contains("密码须包含大写字母、小写字母、数字、特殊字符中的至少三类。", weak.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("abc12", weak.Html, StringComparison.Ordinal);

        var common = await browser.PostAsync("/account/password", PasswordForm(Password, "Password123!", "Password123!"));
        Assert.Contains("该密码过于常见，容易被猜到，请换一个。", common.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("至少三类。", common.Html, StringComparison.Ordinal);

        var mismatch = await browser.PostAsync("/account/password", PasswordForm(Password, "Kr-New-Pass-7x", "Kr-New-Pass-7y"));
        Assert.Contains("两次输入的新密码不一致。", mismatch.Html, StringComparison.Ordinal);

        var wrongCurrent = await browser.PostAsync("/account/password", PasswordForm("Not-The-Password-1", "Kr-New-Pass-7x", "Kr-New-Pass-7x"));
        Assert.Contains("当前密码错误。", wrongCurrent.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));

        var changed = await browser.PostAsync("/account/password", PasswordForm(Password, "Kr-New-Pass-7x", "Kr-New-Pass-7x"));

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal("/workbench", changed.Location);
        Assert.True(changed.Sets("kr.session"));
        Assert.True(changed.Deletes("kr.pending"));
        Assert.Equal(account.UserName, (await MeAsync(browser)).UserName);
        var (mustChange, changedAt) = await platform.ReadAsync(account.Id, user => (user.MustChangePassword, user.PasswordChangedAt));
        Assert.False(mustChange);
        Assert.True(changedAt > DateTime.UtcNow.AddMinutes(-5));
        Assert.True(await platform.AuditedAsync(AuditActions.PasswordChanged, account.Id));

        // The one-time password is gone; the new one works without detours.
        using var next = platform.Browser();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(next, account.UserName, Password)).Status);
        var again = await LoginAsync(next, account.UserName, "Kr-New-Pass-7x");
        Assert.Equal("/workbench", again.Location);
    }

    [Fact]
    public async Task Signed_in_person_changes_the_password_and_other_sessions_end()
    {
        var account = await platform.CreateAsync("change", PlatformRoles.CountyAdmin, County);
        using var here = platform.Browser();
        using var elsewhere = platform.Browser();
        Assert.Equal("/workbench", (await LoginAsync(here, account.UserName, Password)).Location);
        Assert.Equal("/workbench", (await LoginAsync(elsewhere, account.UserName, Password)).Location);

        var changed = await here.SubmitAsync("/account/password", PasswordForm(Password, "Kr-Changed-Pass-9", "Kr-Changed-Pass-9"));

        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.True(changed.Sets("kr.session"));
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(here));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(elsewhere));
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var account = await platform.CreateAsync("logout", PlatformRoles.CountyAdmin, County);
        using var browser = platform.Browser();
        await LoginAsync(browser, account.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/password")).Status);

        var home = await browser.GetAsync("/");
        var loggedOut = await browser.PostAsync("/account/logout", new Dictionary<string, string?>(), tokenFrom: home.Html);

        Assert.Equal(HttpStatusCode.Redirect, loggedOut.Status);
        Assert.Equal("/", loggedOut.Location);
        Assert.True(loggedOut.Deletes("kr.session"));
        var protectedPage = await browser.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.Status);
        Assert.Equal("/account/login", protectedPage.LocationPath?.Replace("http://localhost", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));
        Assert.Contains("class=\"site-account-login\"", (await browser.GetAsync("/")).Html, StringComparison.Ordinal);
        Assert.True(await platform.AuditedAsync(AuditActions.SignOut, account.Id));
    }

    [Fact]
    public async Task Logout_needs_a_post_with_the_antiforgery_token()
    {
        var account = await platform.CreateAsync("nologout", PlatformRoles.CountyAdmin, County);
        using var browser = platform.Browser();
        await LoginAsync(browser, account.UserName, Password);

        var get = await browser.GetAsync("/account/logout");
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(browser));

        // A token made for the anonymous visitor (the login page before signing in) is not this person's.
        using var stranger = platform.Browser();
        var foreign = await stranger.GetAsync("/account/login");
        var forged = await browser.PostAsync("/account/logout", new Dictionary<string, string?>(), tokenFrom: foreign.Html);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(browser));
    }

    [Theory]
    [InlineData("http://evil.example/steal", "/workbench")]
    [InlineData("//evil.example/steal", "/workbench")]
    [InlineData("/\\evil.example", "/workbench")]
    [InlineData("/api/me", "/api/me")]
    public async Task Return_address_must_be_local(string returnUrl, string expected)
    {
        var account = await platform.CreateAsync("return", PlatformRoles.CountyAdmin, County);
        using var browser = platform.Browser();

        var signedIn = await LoginAsync(browser, account.UserName, Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal(expected, signedIn.Location);
    }

    [Fact]
    public async Task Session_stops_working_once_the_account_is_disabled()
    {
        var account = await platform.CreateAsync("disabled", PlatformRoles.CountyAdmin, County);
        using var browser = platform.Browser();
        await LoginAsync(browser, account.UserName, Password);
        Assert.Equal(HttpStatusCode.OK, await MeStatusAsync(browser));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/password")).Status);

        await platform.UpdateAsync(account.Id, async (users, user) =>
        {
            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
        });

        var protectedPage = await browser.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, protectedPage.Status);
        Assert.Contains("/account/login", protectedPage.Location, StringComparison.Ordinal);
        Assert.True(protectedPage.Deletes("kr.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));
    }

    [Fact]
    public async Task Denied_page_is_a_Chinese_403()
    {
        using var browser = platform.Browser();

        var page = await browser.GetAsync("/account/denied");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("无权访问", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_attempts_for_one_account_answer_429_in_Chinese()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?> { ["Security:SignInPerAccountPerMinute"] = "3" });
        using var browser = new WebBrowser(factory);
        var userName = "web.flood." + Guid.NewGuid().ToString("N")[..8];

        var answers = new List<WebPage>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(await LoginAsync(browser, userName, Password));
        }

        Assert.All(answers.Take(3), page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].Status);
        Assert.Contains(SignInMessages.TooManyAttempts, answers[3].Html, StringComparison.Ordinal);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", SignInMessages.TooManyAttempts);
    }

    [Fact]
    public async Task A_session_ends_after_its_absolute_lifetime_however_active()
    {
        // With an absolute lifetime of zero hours every session is already past it at its next request.
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new PlatformFactory(database, new Dictionary<string, string?> { ["Security:SessionAbsoluteHours"] = "0" });
        var account = await new TestAccounts(factory).CreateAsync("web.absolute", [PlatformRoles.CountyAdmin], County);
        using var browser = new WebBrowser(factory);

        var signedIn = await LoginAsync(browser, account.UserName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.True(signedIn.Sets("kr.session"));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeStatusAsync(browser));
    }

    private static async Task<WebPage> LoginAsync(WebBrowser browser, string login, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/account/login" : "/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await browser.PostAsync(url, LoginForm(login, password, returnUrl));
    }

    // Both steps of a sign-in with two factors: the password on the login page, then the code on the code page.
    private static async Task<WebPage> LoginWithCodeAsync(WebBrowser browser, string login, string password, string code, string? returnUrl = null)
    {
        var first = await LoginAsync(browser, login, password, returnUrl);
        Assert.True(first.LocationPath == "/account/login/code", $"expected the code step, got {(int)first.Status} {first.Location}");
        return await browser.SubmitAsync("/account/login/code", CodeForm(code));
    }

    private static Dictionary<string, string?> LoginForm(string login, string password, string? returnUrl = null) => new()
    {
        ["Input.Login"] = login,
        ["Input.Password"] = password,
        ["ReturnUrl"] = returnUrl,
    };

    private static Dictionary<string, string?> CodeForm(string code) => new() { ["Code"] = code };

    private static Dictionary<string, string?> PasswordForm(string current, string proposed, string confirmation) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = proposed,
        ["Input.ConfirmPassword"] = confirmation,
    };

    private static async Task<MeAnswer> MeAsync(WebBrowser browser)
    {
        var page = await browser.GetAsync("/api/me");
        Assert.True(page.Status == HttpStatusCode.OK, $"/api/me: {(int)page.Status} {page.Html}");
        return JsonSerializer.Deserialize<MeAnswer>(page.Html, HttpJson.Answers)!;
    }

    private static async Task<HttpStatusCode> MeStatusAsync(WebBrowser browser) => (await browser.GetAsync("/api/me")).Status;

    private static string Code(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();

    // The code of the next 30-second window (the platform accepts one window ahead).
    private static string NextCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    // A code that is valid in none of the time steps the platform accepts around now.
    private static string OtherCode(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = DateTime.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(now.AddSeconds(step * 30))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => ((int.Parse(valid.First(), System.Globalization.CultureInfo.InvariantCulture) + 1 + (i * 7919)) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex(@"secret=(?<key>[A-Z2-7]+)&amp;")]
    private static partial Regex SecretInUri();

    /// <summary>One platform for these tests, with sign-in rate limits high enough for many sign-ins a minute.</summary>
    public sealed class Platform : PlatformFixtureBase
    {
        /// <inheritdoc/>
        protected override bool ManySignIns => true;

        public static string NewUserName(string purpose) => $"web.{purpose}.{Guid.NewGuid():N}"[..24];

        /// <summary>Creates an account with <see cref="Password"/> (a fresh one: no rotation due).</summary>
        public async Task<(Guid Id, string UserName, string? Key)> CreateAsync(
            string name, string role, string organizationCode, bool enrollTwoFactor = false, bool mustChangePassword = false, bool exactName = false)
        {
            var account = await Accounts.CreateAsync(
                exactName ? name : NewUserName(name),
                [role],
                organizationCode,
                twoFactor: enrollTwoFactor,
                mustChangePassword: mustChangePassword,
                displayName: role == PlatformRoles.CountyAdmin ? "测试县管理员" : "测试管理员",
                password: Password);
            return (account.Id, account.UserName, account.AuthenticatorKey);
        }

        public Task UpdateAsync(Guid id, Func<UserManager<PlatformUser>, PlatformUser, Task> change) => InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByIdAsync(id.ToString()) ?? throw new InvalidOperationException($"no account {id}");
            await change(users, user);
        });

        public Task<T> ReadAsync<T>(Guid id, Func<PlatformUser, T> read) =>
            QueryAsync(async db => read(await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)));

        public Task<bool> AuditedAsync(string action, Guid accountId)
        {
            var key = accountId.ToString();
            return QueryAsync(db => db.AuditRecords.AnyAsync(r => r.Action == action && (r.EntityKey == key || r.UserId == accountId)));
        }
    }
}
