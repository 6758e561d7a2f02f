using KnowledgeRenewal.Kernel;
using System.Net;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.Identity.UseCases.Accounts;
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

namespace KnowledgeRenewal.IntegrationTests.Accounts;

/// <summary>The demo city's organizations and its one account per role (demo mode only).</summary>
[Collection(AccountsPlatform.Name)]
public sealed class DemoAccountsTests(AccountsPlatformFixture platform)
{
    [Fact]
    public async Task Every_demo_account_signs_in_with_the_demo_password_and_the_code_the_landing_page_shows()
    {
        var catalog = new DemoAccountsCatalog(new PlatformOptions { DemoMode = true }, TimeProvider.System);

        var accounts = catalog.Accounts();

        Assert.Equal(PlatformRoles.All, accounts.Select(a => a.Role));
        foreach (var account in accounts)
        {
            var reply = await platform.PasswordGrantAsync(account.UserName, account.Password, account.CurrentCode);
            Assert.True(reply.Status == HttpStatusCode.OK, $"{account.UserName}: {reply}");
            using var client = platform.WithToken(reply.Tokens.AccessToken);
            var me = await client.GetAsAsync<MeAnswer>("/api/me");
            Assert.Equal([account.Role], me.Roles);
        }
    }

    [Fact]
    public async Task Demo_accounts_that_need_two_factors_are_enrolled_with_their_fixed_key_and_the_others_are_not()
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();

        foreach (var demo in DemoAccounts.All)
        {
            var user = await users.FindByNameAsync(demo.UserName);
            Assert.NotNull(user);
            Assert.False(user.MustChangePassword);
            Assert.Equal(demo.RequiresTwoFactor, user.TwoFactorEnabled);
            Assert.Equal(demo.AuthenticatorKey, demo.RequiresTwoFactor ? await users.GetAuthenticatorKeyAsync(user) : null);
        }

        Assert.Equal(
            [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.SystemAdmin, PlatformRoles.SecurityAdmin, PlatformRoles.AuditAdmin],
            DemoAccounts.All.Where(a => a.RequiresTwoFactor).Select(a => a.Role));
    }

    [Fact]
    public async Task The_demo_professional_signs_in_with_phone_or_ID_number_too()
    {
        foreach (var login in new[] { DemoAccounts.ProfessionalPhone, DemoAccounts.ProfessionalIdNumber })
        {
            var (status, body) = await platform.PasswordGrantAsync(login, DemoAccounts.Password);
            Assert.True(status == HttpStatusCode.OK, $"{login}: {body}");
        }

        var stored = await platform.QueryAsync(db => db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.UserName == "demo.professional"));
        Assert.NotEqual(DemoAccounts.ProfessionalIdNumber, stored.IdNumberHash);
        Assert.True(ResidentIdNumber.TryParse(DemoAccounts.ProfessionalIdNumber, DateOnly.FromDateTime(DateTime.UtcNow), out _, out _));
    }

    [Fact]
    public void The_landing_page_code_is_the_authenticator_code_of_RFC_6238()
    {
        var key = DemoAccounts.AuthenticatorKeyFor("demo.security-admin");
        var totp = new Totp(Base32Encoding.ToBytes(key));

        foreach (var time in new[] { DateTimeOffset.UnixEpoch.AddSeconds(59), new DateTimeOffset(2023, 3, 24, 8, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow })
        {
            Assert.Equal(totp.ComputeTotp(time.UtcDateTime), AuthenticatorCode.Compute(key, time));
        }

        Assert.Equal(32, key.Length);
        Assert.Equal(key, DemoAccounts.AuthenticatorKeyFor("demo.security-admin"));
        Assert.NotEqual(key, DemoAccounts.AuthenticatorKeyFor("demo.audit-admin"));
    }

    [Fact]
    public void Outside_demo_mode_there_is_nothing_to_show()
    {
        var catalog = new DemoAccountsCatalog(new PlatformOptions { DemoMode = false }, TimeProvider.System);

        Assert.False(catalog.IsEnabled);
        Assert.Empty(catalog.Accounts());
    }

    [Fact]
    public async Task The_demo_city_has_providers_bases_and_about_300_employers_with_valid_credit_codes_under_their_bureau()
    {
        var organizations = await platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().AsNoTracking().ToListAsync());
        var byId = organizations.ToDictionary(o => o.Id);
        var demo = organizations.Where(o => o.Type is OrganizationType.TrainingProvider or OrganizationType.EducationBase or OrganizationType.Employer).ToList();

        Assert.InRange(demo.Count(o => o.Type == OrganizationType.TrainingProvider), 15, 20);
        var bases = await platform.QueryAsync(db => db.EducationBases.IgnoreQueryFilters().AsNoTracking().ToListAsync());
        Assert.Equal(4, bases.Count);
        Assert.All(bases, b => Assert.Equal(OrganizationType.TrainingProvider, byId[b.OrganizationId].Type));
        Assert.InRange(demo.Count(o => o.Type == OrganizationType.Employer), 290, 320);
        Assert.All(demo, o => Assert.True(UnifiedSocialCreditCode.IsValid(o.Code), $"{o.Name}: {o.Code}"));
        Assert.Equal(demo.Count, demo.Select(o => o.Code).Distinct().Count());
        Assert.Equal(14, demo.Where(o => o.Type == OrganizationType.Employer).Select(o => o.RegionCode).Where(r => r != "370800").Distinct().Count());
        foreach (var organization in demo)
        {
            var parent = byId[organization.ParentId!.Value];
            var expected = organization.RegionCode == "370800" ? ProgramOrganizations.ProgramOfficeCode : ProgramOrganizations.CountyBureauCode(organization.RegionCode);
            Assert.Equal(expected, parent.Code);
            Assert.Equal(DemoOrganizations.DivisionOf(organization.RegionCode), UnifiedSocialCreditCode.TryParse(organization.Code, out var code, out _) ? code.DivisionCode : null);
        }

        // Enterprises of the key industries in every county-level division and zone, more of them in the zones.
        var enterprises = demo.Where(o => o.Type == OrganizationType.Employer && o.Code.StartsWith("91", StringComparison.Ordinal)).GroupBy(o => o.RegionCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(14, enterprises.Count);
        Assert.All(enterprises.Values, count => Assert.InRange(count, 2, 40));
        Assert.True(enterprises["370800-GX"] > enterprises["370827"], "the zones have more enterprises than a county");

        foreach (var sector in new[] { Departments.Health, Departments.Education, Departments.Transport, Departments.IndustryIt })
        {
            Assert.True(demo.Count(o => o.Type == OrganizationType.Employer && o.DepartmentCode == sector) >= 14, sector);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_organizations()
    {
        var first = DemoOrganizations.Generate(new DemoSeedContext(20230324, "core.organizations").Faker);
        var second = DemoOrganizations.Generate(new DemoSeedContext(20230324, "core.organizations").Faker);
        var other = DemoOrganizations.Generate(new DemoSeedContext(1, "core.organizations").Faker);

        Assert.Equal(first, second);
        Assert.NotEqual(first.Select(o => o.Code), other.Select(o => o.Code));
        Assert.Contains(first, o => o.Name == DemoOrganizations.DemoProvider && o.Type == OrganizationType.TrainingProvider);
        Assert.Contains(first, o => o.Name == DemoOrganizations.DemoEmployer && o.Type == OrganizationType.Employer);
    }
}
