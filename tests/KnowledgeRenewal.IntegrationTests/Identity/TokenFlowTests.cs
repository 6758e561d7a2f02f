using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Kernel.Identifiers;

namespace KnowledgeRenewal.IntegrationTests.Identity;

/// <summary>The token endpoint and what ends a token: rotation, revocation, account changes, lockout, rate limits.</summary>
public sealed class TokenFlowTests : IAsyncLifetime
{
    // A fresh platform per test (xUnit makes one instance per test), without demo data.
    private readonly TestPlatform platform = new(new Dictionary<string, string?> { ["Security:SignInPerIpPerMinute"] = "1000" }, demoMode: false);
    private TestDatabase database = null!;
    private PlatformFactory factory = null!;
    private TestAccounts accounts = null!;

    public async Task InitializeAsync()
    {
        await platform.InitializeAsync();
        (database, factory, accounts) = (platform.Database, platform.Factory, platform.Accounts);
    }

    public Task DisposeAsync() => platform.DisposeAsync();

    [Fact]
    public async Task Password_grant_gives_a_short_lived_access_token_and_a_refresh_token()
    {
        var account = await accounts.CreateAsync("token.county", [PlatformRoles.CountyAdmin], "CB-370811");

        var tokens = await accounts.TokenAsync(account);
        using var client = Bearer(tokens);
        var me = await client.GetAsAsync<MeAnswer>("/api/me");

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.InRange(tokens.ExpiresIn, 60, 600);
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));
        Assert.Equal("token.county", me.UserName);
        Assert.Equal(["370811"], me.Scope.RegionCodes);
    }

    [Fact]
    public async Task Sign_in_by_mobile_number_works_like_the_user_name()
    {
        var account = await accounts.CreateAsync("token.phone", [PlatformRoles.CountyAdmin], "CB-370811");
        using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = await users.FindByIdAsync(account.Id.ToString());
            user!.PhoneNumber = "13953712345";
            await users.UpdateAsync(user);
        }

        using var anonymous = factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant("+86 139-5371-2345", TestAccounts.Password));

        await response.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, "token by phone");
    }

    [Fact]
    public async Task Refresh_rotates_and_a_used_refresh_token_is_refused()
    {
        var account = await accounts.CreateAsync("token.rotate", [PlatformRoles.CountyAdmin], "CB-370811");
        var first = await accounts.TokenAsync(account);
        var refresh1 = first.RefreshToken!;

        var second = await RefreshAsync<TokenAnswer>(refresh1, HttpStatusCode.OK);
        var refresh2 = second.RefreshToken!;
        var replay = await RefreshAsync<TokenErrorAnswer>(refresh1, HttpStatusCode.BadRequest);

        Assert.NotEqual(refresh1, refresh2);
        Assert.Equal("invalid_grant", replay.Error);
    }

    [Fact]
    public async Task Revoked_tokens_stop_working()
    {
        var account = await accounts.CreateAsync("token.revoke", [PlatformRoles.CountyAdmin], "CB-370811");
        var tokens = await accounts.TokenAsync(account);
        using var client = Bearer(tokens);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);

        using var anonymous = factory.CreateClient();
        foreach (var token in new[] { tokens.AccessToken, tokens.RefreshToken! })
        {
            using var revoke = await anonymous.PostAsync(new Uri("/connect/revoke", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        await RefreshAsync<TokenErrorAnswer>(tokens.RefreshToken!, HttpStatusCode.BadRequest);
    }

    public static TheoryData<string> AccountChanges() => new() { "disable", "password", "roles" };

    [Theory]
    [MemberData(nameof(AccountChanges))]
    public async Task Disabling_changing_the_password_or_the_roles_ends_tokens_on_the_next_request(string change)
    {
        var account = await accounts.CreateAsync($"token.{change}", [PlatformRoles.CountyAdmin], "CB-370811");
        var tokens = await accounts.TokenAsync(account);
        using var client = Bearer(tokens);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);

        using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = (await users.FindByIdAsync(account.Id.ToString()))!;
            switch (change)
            {
                case "disable":
                    user.IsDisabled = true;
                    await users.UpdateAsync(user);
                    await users.UpdateSecurityStampAsync(user);
                    break;
                case "password":
                    Assert.True((await users.ChangePasswordAsync(user, TestAccounts.Password, "Another-Strong-2024#")).Succeeded);
                    break;
                default:
                    await users.RemoveFromRoleAsync(user, PlatformRoles.CountyAdmin);
                    await users.UpdateSecurityStampAsync(user);
                    break;
            }
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        var refused = await RefreshAsync<TokenErrorAnswer>(tokens.RefreshToken!, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", refused.Error);
    }

    [Fact]
    public async Task Unknown_account_wrong_password_locked_and_disabled_accounts_get_the_same_answer()
    {
        await accounts.CreateAsync("token.same", [PlatformRoles.CountyAdmin], "CB-370811");
        var disabled = await accounts.CreateAsync("token.disabled", [PlatformRoles.CountyAdmin], "CB-370811");
        using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = (await users.FindByIdAsync(disabled.Id.ToString()))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }

        var unknown = await FailedSignInAsync("token.nobody", TestAccounts.Password);
        var wrong = await FailedSignInAsync("token.same", "Wrong-Password-2023!");
        var off = await FailedSignInAsync("token.disabled", TestAccounts.Password);

        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, off);
        Assert.Contains("invalid_grant", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_the_right_password_then_fails_the_same_way()
    {
        var account = await accounts.CreateAsync("token.lockout", [PlatformRoles.CountyAdmin], "CB-370811");
        var wrong = "";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            wrong = await FailedSignInAsync(account.UserName, "Wrong-Password-2023!");
        }

        var locked = await FailedSignInAsync(account.UserName, TestAccounts.Password);
        Assert.Equal(wrong, locked);

        using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = (await users.FindByIdAsync(account.Id.ToString()))!;
            Assert.True(await users.IsLockedOutAsync(user));
            Assert.InRange((user.LockoutEnd!.Value - DateTimeOffset.UtcNow).TotalMinutes, 14, 15.1);

            // Fifteen minutes later (moved into the past rather than waited for) the account signs in again.
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1));
        }

        await accounts.TokenAsync(account);
    }

    [Fact]
    public async Task Administrators_need_the_TOTP_code_and_a_wrong_code_is_refused()
    {
        var admin = await accounts.CreateAsync("token.audit", [PlatformRoles.AuditAdmin], "PO");
        using var anonymous = factory.CreateClient();

        using var withoutCode = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(admin.UserName, TestAccounts.Password));
        using var wrongCode = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(admin.UserName, TestAccounts.Password, "000000"));
        var missing = await withoutCode.ReadAsAsync<TokenErrorAnswer>(HttpStatusCode.BadRequest);
        var wrong = await wrongCode.ReadAsAsync<TokenErrorAnswer>(HttpStatusCode.BadRequest);

        Assert.Equal("urn:knowledge-renewal:two_factor.required", missing.ErrorUri);
        Assert.Equal("urn:knowledge-renewal:two_factor.invalid", wrong.ErrorUri);
        await accounts.TokenAsync(admin);
    }

    [Fact]
    public async Task A_used_TOTP_code_is_refused_the_second_time()
    {
        var admin = await accounts.CreateAsync("token.replay", [PlatformRoles.AuditAdmin], "PO");
        var code = admin.CurrentCode();
        using var anonymous = factory.CreateClient();

        using var first = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(admin.UserName, TestAccounts.Password, code));
        using var replay = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(admin.UserName, TestAccounts.Password, code));

        await first.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, "first use");
        var refused = await replay.ReadAsAsync<TokenErrorAnswer>(HttpStatusCode.BadRequest, "replay");
        Assert.Equal("urn:knowledge-renewal:two_factor.invalid", refused.ErrorUri);
        await accounts.TokenAsync(admin);
    }

    [Fact]
    public async Task Sign_in_by_resident_ID_number_finds_the_account_through_its_keyed_hash()
    {
        var account = await accounts.CreateAsync("token.idnumber", [PlatformRoles.CountyAdmin], "CB-370811");
        const string idNumber = "37080219900307009X";
        using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var hasher = scope.ServiceProvider.GetRequiredService<IdNumberHasher>();
            Assert.True(KnowledgeRenewal.Kernel.Identifiers.ResidentIdNumber.TryParse(idNumber, DateOnly.FromDateTime(DateTime.UtcNow), out var parsed, out _));
            var user = (await users.FindByIdAsync(account.Id.ToString()))!;
            user.IdNumberHash = hasher.Hash(parsed);
            await users.UpdateAsync(user);
        }

        using var anonymous = factory.CreateClient();
        using var lower = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(idNumber.ToLowerInvariant(), TestAccounts.Password));

        await lower.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, "token by ID number");
        Assert.Equal(0, await database.ScalarAsync($"SELECT COUNT(*) FROM \"Users\" WHERE \"IdNumberHash\" = '{idNumber}' OR \"UserName\" = '{idNumber}'"));
    }

    [Fact]
    public async Task An_administrator_without_enrolled_two_factors_gets_no_token()
    {
        var admin = await accounts.CreateAsync("token.unenrolled", [PlatformRoles.SecurityAdmin], "PO", twoFactor: false);
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(admin.UserName, TestAccounts.Password));
        var error = await response.ReadAsAsync<TokenErrorAnswer>(HttpStatusCode.BadRequest);

        Assert.Equal("urn:knowledge-renewal:two_factor.enrollment_required", error.ErrorUri);
    }

    [Fact]
    public async Task Too_many_attempts_for_one_account_get_429()
    {
        using var anonymous = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant("token.flooded", "x"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_get_429()
    {
        await using var strict = new PlatformFactory(database, new Dictionary<string, string?> { ["Platform:DemoMode"] = "false", ["Security:SignInPerIpPerMinute"] = "3" });
        using var anonymous = strict.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant($"token.ip{attempt}", "x"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Sign_ins_are_audited_with_the_outcome_and_never_the_password()
    {
        var account = await accounts.CreateAsync("token.audited", [PlatformRoles.CountyAdmin], "CB-370811");
        await FailedSignInAsync(account.UserName, "Wrong-Password-2023!");
        await accounts.TokenAsync(account);
        var auditor = await accounts.SignedInClientAsync(await accounts.CreateAsync("token.auditor", [PlatformRoles.AuditAdmin], "PO"));

        var records = await auditor.GetJsonAsync("/api/audit/records?action=auth.sign_in&pageSize=200");
        var mine = records.As<PageAnswer<AuditRecordAnswer>>().Items.Where(r => r.UserName == account.UserName).ToArray();

        Assert.Contains(mine, r => r.Outcome == "Failure");
        Assert.Contains(mine, r => r.Outcome == "Success");
        Assert.DoesNotContain("Wrong-Password-2023!", records.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccounts.Password, records.GetRawText(), StringComparison.Ordinal);
    }

    private HttpClient Bearer(TokenAnswer tokens)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    private async Task<T> RefreshAsync<T>(string refreshToken, HttpStatusCode expected)
    {
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }));
        return await response.ReadAsAsync<T>(expected, "refresh");
    }

    private async Task<string> FailedSignInAsync(string userName, string password)
    {
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant(userName, password));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
