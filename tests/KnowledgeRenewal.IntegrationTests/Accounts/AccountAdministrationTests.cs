using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Accounts;

/// <summary>Account administration through <c>/api/admin/accounts</c>: who may use it, what it checks, what a change does to sessions and tokens.</summary>
[Collection(AccountsPlatform.Name)]
public sealed class AccountAdministrationTests(AccountsPlatformFixture platform)
{
    private const string ChangeRequired = "urn:knowledge-renewal:password.change_required";

    private static readonly string[] UnknownRoles = ["root"];

    // An endpoint every business role may call.
    private const string Probe = "/api/organizations?pageSize=1";

    public static TheoryData<string> NonSecurityRoles => new() { PlatformRoles.SystemAdmin, PlatformRoles.AuditAdmin, PlatformRoles.ProgramOfficeAdmin };

    [Theory]
    [InlineData("/api/admin/accounts")]
    [InlineData("/api/admin/clients")]
    public async Task Anonymous_callers_get_401(string url)
    {
        using var anonymous = platform.Anonymous();

        using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(NonSecurityRoles))]
    public async Task Only_security_administrators_reach_account_and_client_administration(string role)
    {
        var account = await platform.Accounts.CreateAsync(AccountsPlatformFixture.UniqueName("x"), [role], ProgramOrganizations.ProgramOfficeCode);
        using var client = await platform.Accounts.SignedInClientAsync(account);

        foreach (var url in new[] { "/api/admin/accounts", "/api/admin/clients", $"/api/admin/accounts/{account.Id}" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {url}: {(int)response.StatusCode}");
        }

        using var create = await client.PostAsJsonAsync(new Uri("/api/admin/accounts", UriKind.Relative), new { userName = "t.sneaky", displayName = "x", organizationId = Guid.NewGuid(), roles = new[] { role } });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        using var disable = await client.PostAsync(new Uri($"/api/admin/accounts/{platform.SecurityAdminAccount.Id}/disable", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);

        using var admin = await platform.SecurityAdmin.GetAsync(new Uri("/api/admin/accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task A_new_account_gets_a_one_time_password_that_must_be_changed_at_the_first_sign_in()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer);
        var userName = AccountsPlatformFixture.UniqueName("new");

        using var response = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/accounts", UriKind.Relative),
            new { userName, displayName = "新账号", organizationId = employer.Id, roles = new[] { PlatformRoles.Professional }, phone = "+86 139-5370-1234" });
        var created = await response.ReadJsonAsync(HttpStatusCode.Created, "create");
        var answer = created.As<OneTimePasswordAnswer>();

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var password = answer.OneTimePassword;
        Assert.Empty(MlpsPasswordValidator.Check(password, userName, "13953701234", new PasswordPolicyOptions()));
        var account = answer.Account;
        Assert.Equal(userName, account.UserName);
        Assert.True(account.MustChangePassword);
        Assert.False(account.IsDisabled);
        Assert.Equal("139****1234", account.Phone);
        Assert.Equal([PlatformRoles.Professional], account.Roles);
        Assert.Equal(employer.Id, account.OrganizationId);
        Assert.Equal(new Uri($"/api/admin/accounts/{account.Id}", UriKind.Relative), response.Headers.Location);
        AssertNoSecrets(created);

        var signIn = await platform.PasswordGrantAsync(userName, password);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
        Assert.Equal("invalid_grant", signIn.Error.Error);
        Assert.Equal(ChangeRequired, signIn.Error.ErrorUri);

        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.AccountCreated && r.EntityKey == account.Id.ToString()).ToListAsync());
        var record = Assert.Single(audited);
        Assert.Equal(nameof(PlatformUser), record.EntityType);
        Assert.Equal(platform.SecurityAdminAccount.Id, record.UserId);
        Assert.DoesNotContain("1234", record.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_can_be_read_one_by_one_and_listed_with_filters_and_masked_phones()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer && o.RegionCode == "370812");
        var search = AccountsPlatformFixture.UniqueName("list");
        var first = await platform.CreateAccountAsync(new { userName = search + "a", displayName = "列表甲", organizationId = employer.Id, roles = new[] { PlatformRoles.EmployerHr }, phone = "13700001111" });
        await platform.CreateAccountAsync(new { userName = search + "b", displayName = "列表乙", organizationId = employer.Id, roles = new[] { PlatformRoles.Professional } });
        var id = first.As<OneTimePasswordAnswer>().Account.Id;

        var one = await platform.SecurityAdmin.GetJsonAsync($"/api/admin/accounts/{id}");
        var bySearch = await platform.SecurityAdmin.GetJsonAsync($"/api/admin/accounts?search={search}");
        var byRole = await platform.SecurityAdmin.GetJsonAsync($"/api/admin/accounts?search={search}&role={PlatformRoles.EmployerHr}");
        var byOrganization = await platform.SecurityAdmin.GetJsonAsync($"/api/admin/accounts?organizationId={employer.Id}&pageSize=100");
        var disabled = await platform.SecurityAdmin.GetJsonAsync($"/api/admin/accounts?search={search}&disabled=true");
        using var missing = await platform.SecurityAdmin.GetAsync(new Uri($"/api/admin/accounts/{Guid.NewGuid()}", UriKind.Relative));
        using var badRole = await platform.SecurityAdmin.GetAsync(new Uri("/api/admin/accounts?role=superuser", UriKind.Relative));

        Assert.Equal("137****1111", one.As<AccountAnswer>().Phone);
        Assert.Equal(2, bySearch.As<PageAnswer<AccountAnswer>>().Total);
        Assert.Equal([search + "a", search + "b"], bySearch.As<PageAnswer<AccountAnswer>>().Items.Select(a => a.UserName));
        Assert.Equal([search + "a"], byRole.As<PageAnswer<AccountAnswer>>().Items.Select(a => a.UserName));
        Assert.Contains(search + "b", byOrganization.As<PageAnswer<AccountAnswer>>().Items.Select(a => a.UserName));
        Assert.All(byOrganization.As<PageAnswer<AccountAnswer>>().Items, a => Assert.Equal(employer.Id, a.OrganizationId));
        Assert.Equal(0, disabled.As<PageAnswer<AccountAnswer>>().Total);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        await badRole.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        AssertNoSecrets(one);
        AssertNoSecrets(bySearch);
        Assert.DoesNotContain("13700001111", bySearch.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_separated_administrator_roles_on_one_new_account_are_refused()
    {
        var office = await platform.OrganizationAsync(o => o.Code == ProgramOrganizations.ProgramOfficeCode);

        using var response = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/accounts", UriKind.Relative),
            new { userName = AccountsPlatformFixture.UniqueName("two"), displayName = "双角色", organizationId = office.Id, roles = new[] { PlatformRoles.SystemAdmin, PlatformRoles.AuditAdmin } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "roles.separation");
        Assert.Contains("三员分立", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("roles", problem.FieldErrors[0].Field);
    }

    [Fact]
    public async Task Granting_audit_admin_to_a_system_admin_is_refused()
    {
        var systemAdmin = await platform.Accounts.CreateAsync(AccountsPlatformFixture.UniqueName("sys"), [PlatformRoles.SystemAdmin], ProgramOrganizations.ProgramOfficeCode);

        using var response = await platform.SecurityAdmin.PutAsJsonAsync(
            new Uri($"/api/admin/accounts/{systemAdmin.Id}/roles", UriKind.Relative),
            new { roles = new[] { PlatformRoles.SystemAdmin, PlatformRoles.AuditAdmin } });
        using var alsoBusiness = await platform.SecurityAdmin.PutAsJsonAsync(
            new Uri($"/api/admin/accounts/{systemAdmin.Id}/roles", UriKind.Relative),
            new { roles = new[] { PlatformRoles.SystemAdmin, PlatformRoles.ProgramOfficeAdmin } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "roles.separation");
        Assert.Contains("系统管理员", problem.Detail, StringComparison.Ordinal);
        await alsoBusiness.AssertProblemAsync(HttpStatusCode.BadRequest, "roles.separation");
        var roles = await platform.SecurityAdmin.GetAsAsync<AccountAnswer>($"/api/admin/accounts/{systemAdmin.Id}");
        Assert.Equal([PlatformRoles.SystemAdmin], roles.Roles);
    }

    [Theory]
    [InlineData(PlatformRoles.CountyAdmin, OrganizationType.Employer)]
    [InlineData(PlatformRoles.SystemAdmin, OrganizationType.CountyBureau)]
    [InlineData(PlatformRoles.ProviderStaff, OrganizationType.Employer)]
    [InlineData(PlatformRoles.Professional, OrganizationType.TrainingProvider)]
    [InlineData(PlatformRoles.DepartmentAdmin, OrganizationType.ProgramOffice)]
    public async Task A_role_must_fit_the_organization_type(string role, OrganizationType type)
    {
        var organization = await platform.OrganizationAsync(o => o.Type == type);

        using var response = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/accounts", UriKind.Relative),
            new { userName = AccountsPlatformFixture.UniqueName("fit"), displayName = "不匹配", organizationId = organization.Id, roles = new[] { role } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "roles.organization_mismatch");
        Assert.Contains(RoleCatalog.OrganizationTypeName(type), problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_fields_are_named_with_stable_codes()
    {
        const string first17 = "37081119880517123";
        var wrongCheck = first17 + (ResidentIdNumber.CheckCharacterOf(first17) == '0' ? '1' : '0');
        using var response = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/accounts", UriKind.Relative),
            new { userName = "13800138000", displayName = "", organizationId = Guid.Empty, roles = UnknownRoles, phone = "12345", idNumber = wrongCheck });
        using var unknownOrganization = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/accounts", UriKind.Relative),
            new { userName = AccountsPlatformFixture.UniqueName("org"), displayName = "x", organizationId = Guid.NewGuid(), roles = new[] { PlatformRoles.Professional } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var errors = problem.FieldErrors.Select(e => (e.Field, e.Code)).ToList();
        Assert.Contains(("userName", "invalid_user_name"), errors);
        Assert.Contains(("displayName", "required"), errors);
        Assert.Contains(("organizationId", "required"), errors);
        Assert.Contains(errors, e => e.Item1!.StartsWith("roles", StringComparison.Ordinal) && e.Item2 == "unknown_role");
        Assert.Contains(("phone", "invalid_phone"), errors);
        Assert.Contains(("idNumber", "id_number.checksum"), errors);
        var unknown = await unknownOrganization.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("unknown_organization", unknown.FieldErrors[0].Code);
    }

    [Fact]
    public async Task A_resident_ID_number_is_stored_as_a_hash_and_can_be_bound_to_one_account_only()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer);
        var idNumber = NewIdNumber();
        var first = await platform.CreateAccountAsync(new { userName = AccountsPlatformFixture.UniqueName("id"), displayName = "甲", organizationId = employer.Id, roles = new[] { PlatformRoles.Professional }, idNumber });

        using var second = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/accounts", UriKind.Relative),
            new { userName = AccountsPlatformFixture.UniqueName("id"), displayName = "乙", organizationId = employer.Id, roles = new[] { PlatformRoles.Professional }, idNumber = idNumber.ToLowerInvariant() });
        using var sameName = await platform.SecurityAdmin.PostAsJsonAsync(
            new Uri("/api/admin/accounts", UriKind.Relative),
            new { userName = first.As<OneTimePasswordAnswer>().Account.UserName.ToUpperInvariant(), displayName = "丙", organizationId = employer.Id, roles = new[] { PlatformRoles.Professional } });

        await second.AssertProblemAsync(HttpStatusCode.Conflict, "account.id_number_taken");
        await sameName.AssertProblemAsync(HttpStatusCode.Conflict, "account.user_name_taken");
        Assert.True(first.As<OneTimePasswordAnswer>().Account.HasIdNumber);
        Assert.DoesNotContain(idNumber, first.GetRawText(), StringComparison.Ordinal);
        var firstId = first.As<OneTimePasswordAnswer>().Account.Id;
        var stored = await platform.QueryAsync(db => db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == firstId));
        Assert.Matches("^[0-9a-f]{64}$", stored.IdNumberHash!);
    }

    [Fact]
    public async Task Fields_a_client_must_not_set_are_ignored_when_creating_and_changing_accounts()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer);
        var forgedId = Guid.NewGuid();
        var userName = AccountsPlatformFixture.UniqueName("mass");
        var forgedHash = new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), "Known-Password-1!");

        var created = await platform.CreateAccountAsync(new
        {
            userName,
            displayName = "批量赋值",
            organizationId = employer.Id,
            roles = new[] { PlatformRoles.Professional },
            id = forgedId,
            isDisabled = true,
            mustChangePassword = false,
            twoFactorEnabled = true,
            securityStamp = "forged-stamp",
            passwordHash = forgedHash,
            idNumberHash = "forged",
            lockoutEnd = "2099-01-01T00:00:00Z",
            accessFailedCount = 99,
            createdAt = "2000-01-01T00:00:00Z",
            passwordChangedAt = "2099-01-01T00:00:00Z",
            emailConfirmed = true,
        });
        var id = created.As<OneTimePasswordAnswer>().Account.Id;
        using var change = await platform.SecurityAdmin.PutAsJsonAsync(
            new Uri($"/api/admin/accounts/{id}/roles", UriKind.Relative),
            new { roles = new[] { PlatformRoles.EmployerHr }, isDisabled = true, organizationId = Guid.NewGuid(), securityStamp = "forged-again" });
        await change.ReadAsAsync<AccountAnswer>(HttpStatusCode.OK, "change roles");

        var stored = await platform.QueryAsync(db => db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.UserName == userName));
        Assert.NotEqual(forgedId, id);
        Assert.Equal(id, stored.Id);
        Assert.False(stored.IsDisabled);
        Assert.True(stored.MustChangePassword);
        Assert.False(stored.TwoFactorEnabled);
        Assert.NotEqual("forged-stamp", stored.SecurityStamp);
        Assert.NotEqual("forged-again", stored.SecurityStamp);
        Assert.NotEqual(forgedHash, stored.PasswordHash);
        Assert.Null(stored.IdNumberHash);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
        Assert.False(stored.EmailConfirmed);
        Assert.Equal(employer.Id, stored.OrganizationId);
        Assert.True(stored.CreatedAt > DateTime.UtcNow.AddHours(-1));
        Assert.True(stored.PasswordChangedAt < DateTime.UtcNow.AddMinutes(1));
        var signIn = await platform.PasswordGrantAsync(userName, "Known-Password-1!");
        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
        Assert.Equal("urn:knowledge-renewal:credentials.invalid", signIn.Error.ErrorUri);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_access_and_refresh_tokens_and_enabling_it_lets_it_sign_in_again()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer);
        var account = await platform.Accounts.CreateAsync(AccountsPlatformFixture.UniqueName("off"), [PlatformRoles.Professional], employer.Code);
        var tokens = await platform.Accounts.TokenAsync(account);
        using var client = platform.WithToken(tokens.AccessToken);
        using (var before = await client.GetAsync(new Uri(Probe, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var disabled = await Post($"/api/admin/accounts/{account.Id}/disable");

        Assert.True(disabled.IsDisabled);
        using (var after = await client.GetAsync(new Uri(Probe, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        var refresh = await RefreshAsync(tokens);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.Status);
        Assert.Equal("invalid_grant", refresh.Error.Error);
        var signIn = await platform.PasswordGrantAsync(account.UserName, TestAccounts.Password);
        Assert.Equal("urn:knowledge-renewal:credentials.invalid", signIn.Error.ErrorUri);

        var enabled = await Post($"/api/admin/accounts/{account.Id}/enable");
        Assert.False(enabled.IsDisabled);
        var again = await platform.PasswordGrantAsync(account.UserName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        using (var stillOld = await client.GetAsync(new Uri(Probe, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stillOld.StatusCode);
        }

        var actions = await AuditedActionsAsync(account.Id);
        Assert.Contains(AuditActions.AccountDisabled, actions);
        Assert.Contains(AuditActions.AccountEnabled, actions);
    }

    [Fact]
    public async Task Changing_roles_invalidates_existing_tokens_and_new_tokens_carry_the_new_roles()
    {
        var employer = await platform.OrganizationAsync(o => o.Type == OrganizationType.Employer);
        var account = await platform.Accounts.CreateAsync(AccountsPlatformFixture.UniqueName("role"), [PlatformRoles.Professional], employer.Code);
        var tokens = await platform.Accounts.TokenAsync(account);
        using var client = platform.WithToken(tokens.AccessToken);
        using (var before = await client.GetAsync(new Uri(Probe, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var change = await platform.SecurityAdmin.PutAsJsonAsync(
            new Uri($"/api/admin/accounts/{account.Id}/roles", UriKind.Relative),
            new { roles = new[] { PlatformRoles.EmployerHr, PlatformRoles.Professional } });
        var changed = await change.ReadAsAsync<AccountAnswer>(HttpStatusCode.OK, "change roles");

        Assert.Equal([PlatformRoles.EmployerHr, PlatformRoles.Professional], changed.Roles);
        using (var after = await client.GetAsync(new Uri(Probe, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(tokens)).Status);
        using var fresh = await platform.Accounts.SignedInClientAsync(account);
        var me = await fresh.GetAsAsync<MeAnswer>("/api/me");
        Assert.Contains(PlatformRoles.EmployerHr, me.Roles);
        var record = (await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.RolesChanged && r.EntityKey == account.Id.ToString()).ToListAsync())).Single();
        Assert.Equal($"from={PlatformRoles.Professional}; to={PlatformRoles.EmployerHr},{PlatformRoles.Professional}", record.Details);
    }

    [Fact]
    public async Task A_security_administrator_cannot_change_their_own_account()
    {
        var self = platform.SecurityAdminAccount.Id;

        using var roles = await platform.SecurityAdmin.PutAsJsonAsync(new Uri($"/api/admin/accounts/{self}/roles", UriKind.Relative), new { roles = new[] { PlatformRoles.SecurityAdmin } });
        using var disable = await platform.SecurityAdmin.PostAsync(new Uri($"/api/admin/accounts/{self}/disable", UriKind.Relative), null);
        using var reset = await platform.SecurityAdmin.PostAsync(new Uri($"/api/admin/accounts/{self}/reset-two-factor", UriKind.Relative), null);

        await roles.AssertProblemAsync(HttpStatusCode.Forbidden, "account.self_change");
        await disable.AssertProblemAsync(HttpStatusCode.Forbidden, "account.self_change");
        await reset.AssertProblemAsync(HttpStatusCode.Forbidden, "account.self_change");
        using var stillWorks = await platform.SecurityAdmin.GetAsync(new Uri("/api/admin/accounts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Resetting_a_password_gives_a_new_one_time_password_and_ends_the_old_one_and_its_tokens()
    {
        var bureau = await platform.OrganizationAsync(o => o.Code == ProgramOrganizations.CountyBureauCode("370811"));
        var account = await platform.Accounts.CreateAsync(AccountsPlatformFixture.UniqueName("pw"), [PlatformRoles.CountyAdmin], bureau.Code);
        var tokens = await platform.Accounts.TokenAsync(account);
        using var client = platform.WithToken(tokens.AccessToken);

        using var response = await platform.SecurityAdmin.PostAsync(new Uri($"/api/admin/accounts/{account.Id}/reset-password", UriKind.Relative), null);
        var reset = await response.ReadAsAsync<OneTimePasswordAnswer>(HttpStatusCode.OK, "reset password");

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var password = reset.OneTimePassword;
        Assert.NotEqual(TestAccounts.Password, password);
        Assert.True(reset.Account.MustChangePassword);
        using (var old = await client.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        Assert.Equal("urn:knowledge-renewal:credentials.invalid", (await platform.PasswordGrantAsync(account.UserName, TestAccounts.Password)).Error.ErrorUri);
        Assert.Equal(ChangeRequired, (await platform.PasswordGrantAsync(account.UserName, password)).Error.ErrorUri);
        Assert.Contains(AuditActions.PasswordChanged, await AuditedActionsAsync(account.Id));
    }

    [Fact]
    public async Task Resetting_two_factors_removes_the_authenticator_so_the_account_must_enroll_again()
    {
        var account = await platform.Accounts.CreateAsync(AccountsPlatformFixture.UniqueName("tf"), [PlatformRoles.ProgramOfficeAdmin], ProgramOrganizations.ProgramOfficeCode);
        using var client = await platform.Accounts.SignedInClientAsync(account);

        var reset = await Post($"/api/admin/accounts/{account.Id}/reset-two-factor");

        Assert.False(reset.TwoFactorEnabled);
        using (var old = await client.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        var signIn = await platform.PasswordGrantAsync(account.UserName, TestAccounts.Password, account.CurrentCode());
        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
        Assert.Equal("urn:knowledge-renewal:two_factor.enrollment_required", signIn.Error.ErrorUri);
        using var scope = platform.Factory.Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var key = await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(account.Id.ToString()))!);
        Assert.NotEqual(account.AuthenticatorKey, key);
        Assert.Contains(AuditActions.TwoFactorChanged, await AuditedActionsAsync(account.Id));
    }

    private async Task<AccountAnswer> Post(string url)
    {
        using var response = await platform.SecurityAdmin.PostAsync(new Uri(url, UriKind.Relative), null);
        return await response.ReadAsAsync<AccountAnswer>(HttpStatusCode.OK, url);
    }

    private Task<TokenReply> RefreshAsync(TokenAnswer tokens) =>
        platform.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.RefreshToken! });

    private Task<List<string>> AuditedActionsAsync(Guid accountId) =>
        platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.EntityType == nameof(PlatformUser) && r.EntityKey == accountId.ToString())
            .Select(r => r.Action)
            .ToListAsync());

    private static void AssertNoSecrets(JsonElement json)
    {
        var text = json.GetRawText();
        foreach (var secret in new[] { "passwordHash", "securityStamp", "concurrencyStamp", "idNumberHash", "authenticatorKey", "normalizedUserName" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string NewIdNumber()
    {
        var sequence = Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first17 = $"3708111990{Random.Shared.Next(1, 12):D2}{Random.Shared.Next(1, 28):D2}{sequence}";
        var number = first17 + ResidentIdNumber.CheckCharacterOf(first17);
        Assert.True(ResidentIdNumber.TryParse(number, DateOnly.FromDateTime(DateTime.UtcNow), out _, out _));
        return number;
    }
}
