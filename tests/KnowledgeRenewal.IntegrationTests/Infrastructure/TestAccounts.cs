using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Infrastructure;

/// <summary>
/// Accounts for tests, created directly with the platform's UserManager (outside a request the platform acts
/// with system scope), and API clients signed in as them through the real token endpoint.
/// </summary>
public sealed class TestAccounts(WebApplicationFactory<Program> factory)
{
    /// <summary>The password every test account gets (passes the MLPS policy).</summary>
    public const string Password = "Test-Account-2023!";

    private readonly ConcurrentDictionary<string, Task<TestAccount>> roleAccounts = new(StringComparer.Ordinal);
    private readonly RenewedClients clients = new();

    /// <summary>Which organization a role's default test account belongs to.</summary>
    public static string DefaultOrganization(string role) => role switch
    {
        PlatformRoles.CountyAdmin => "CB-370811",
        PlatformRoles.DepartmentAdmin => "LD-health",
        _ => ProgramOrganizations.ProgramOfficeCode,
    };

    /// <summary>
    /// A client signed in (bearer token) as a test account holding <paramref name="role"/> (one account per role and
    /// organization; signed in again before its token expires, see <see cref="RenewedClients"/>).
    /// </summary>
    public Task<HttpClient> ClientAsync(string role, string? organizationCode = null)
    {
        var key = $"{role}@{organizationCode ?? DefaultOrganization(role)}";
        return clients.GetAsync(key, async () =>
        {
            var account = await roleAccounts.GetOrAdd(key, _ => CreateAsync($"test.{role}.{Guid.NewGuid():N}"[..40], [role], organizationCode ?? DefaultOrganization(role)));
            return await SignedInClientAsync(account);
        });
    }

    /// <summary>
    /// Creates an account with <paramref name="password"/> (default <see cref="Password"/>; just changed: no rotation due);
    /// enrolls two factors when its roles require them (or as <paramref name="twoFactor"/> says).
    /// </summary>
    public async Task<TestAccount> CreateAsync(
        string userName,
        IReadOnlyCollection<string> roles,
        string organizationCode,
        bool? twoFactor = null,
        bool mustChangePassword = false,
        string displayName = "测试账号",
        string password = Password)
    {
        ArgumentNullException.ThrowIfNull(roles);
        using var scope = factory.Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var organization = await db.Organizations.SingleAsync(o => o.Code == organizationCode);
        var user = new PlatformUser
        {
            UserName = userName,
            DisplayName = displayName,
            OrganizationId = organization.Id,
            PasswordChangedAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            MustChangePassword = mustChangePassword,
        };
        Check(await users.CreateAsync(user, password));
        foreach (var role in roles)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        string? key = null;
        if (twoFactor ?? RoleCatalog.RequiresTwoFactor(roles, organization.Type))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new TestAccount(user.Id, userName, key, password);
    }

    /// <summary>A client with a bearer token of <paramref name="account"/> (without a cookie jar when <paramref name="handleCookies"/> is false).</summary>
    public async Task<HttpClient> SignedInClientAsync(TestAccount account, bool handleCookies = true)
    {
        ArgumentNullException.ThrowIfNull(account);
        var tokens = await TokenAsync(account);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = handleCookies });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }

    /// <summary>The token endpoint's answer to a password grant for <paramref name="account"/> (asserts success).</summary>
    public async Task<TokenAnswer> TokenAsync(TestAccount account, string scope = "offline_access")
    {
        ArgumentNullException.ThrowIfNull(account);
        using var anonymous = factory.CreateClient();
        using var response = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), PasswordGrant(account.UserName, account.Password, account.CurrentCode(), scope));
        return await response.ReadAsAsync<TokenAnswer>(HttpStatusCode.OK, $"token for {account.UserName}");
    }

    /// <summary>
    /// A browser signed in as <paramref name="account"/> on the login page (password and, when enrolled, a fresh TOTP
    /// code on the code step): asserts the redirect that sets the session cookie.
    /// </summary>
    public async Task<WebBrowser> SignInAsync(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var browser = new WebBrowser(factory);
        var signedIn = await browser.SubmitAsync("/account/login", new Dictionary<string, string?>
        {
            ["Input.Login"] = account.UserName,
            ["Input.Password"] = account.Password,
        });
        if (signedIn.LocationPath == "/account/login/code")
        {
            // Two factors: the second step asks for the code alone.
            signedIn = await browser.SubmitAsync("/account/login/code", new Dictionary<string, string?> { ["Code"] = account.CurrentCode() });
        }

        Assert.True(signedIn.Status == HttpStatusCode.Redirect && signedIn.Sets("kr.session"), $"sign-in of {account.UserName}: {(int)signedIn.Status}");
        return browser;
    }

    /// <summary>A password-grant form.</summary>
    public static FormUrlEncodedContent PasswordGrant(string userName, string password, string? totp = null, string scope = "offline_access")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = userName, ["password"] = password, ["scope"] = scope };
        if (totp is not null)
        {
            form["totp_code"] = totp;
        }

        return new FormUrlEncodedContent(form);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Description)));
}

/// <summary>A test account.</summary>
/// <param name="Id">Account id.</param>
/// <param name="UserName">User name.</param>
/// <param name="AuthenticatorKey">Base32 TOTP key when two factors are enrolled.</param>
/// <param name="Password">Its password.</param>
public sealed record TestAccount(Guid Id, string UserName, string? AuthenticatorKey, string Password = TestAccounts.Password)
{
    private readonly Lock gate = new();
    private long lastStep = long.MinValue;

    /// <summary>
    /// A TOTP code the platform has not seen yet (it refuses a used code): the current window, else the next one,
    /// waiting for the clock when both are used. (Never the previous window: the server's clock may have moved on.)
    /// </summary>
    public string? CurrentCode()
    {
        if (AuthenticatorKey is null)
        {
            return null;
        }

        lock (gate)
        {
            var now = AuthenticatorCode.StepOf(DateTimeOffset.UtcNow);
            var step = Math.Max(now, lastStep + 1);
            while (step > AuthenticatorCode.StepOf(DateTimeOffset.UtcNow) + 1)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1));
            }

            lastStep = step;
            return AuthenticatorCode.ComputeForStep(AuthenticatorKey, step);
        }
    }
}
