using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.UseCases.Accounts;
using KnowledgeRenewal.Identity.Web;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Accounts;

/// <summary>The rules account administration and the bootstrap command share (no host needed).</summary>
public sealed class AccountRulesTests
{
    [Fact]
    public void One_time_passwords_always_pass_the_MLPS_policy_and_do_not_repeat()
    {
        var policy = new PasswordPolicyOptions();

        var passwords = Enumerable.Range(0, 2000).Select(_ => OneTimePasswords.Generate(policy, "zhang.wei", "13800138000")).ToList();

        Assert.All(passwords, p => Assert.Empty(MlpsPasswordValidator.Check(p, "zhang.wei", "13800138000", policy)));
        Assert.All(passwords, p => Assert.Equal(OneTimePasswords.Length, p.Length));
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
        Assert.All(passwords, p => Assert.DoesNotContain(p, c => "0O1lI".Contains(c, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("zhang.wei", true)]
    [InlineData("hr-370811_01", true)]
    [InlineData("ab", false)]
    [InlineData("13800138000", false)]
    [InlineData("370811198805171234", false)]
    [InlineData(".hidden", false)]
    [InlineData("张伟", false)]
    [InlineData("name with space", false)]
    [InlineData("a@b.c", false)]
    public void User_names_start_with_a_letter_so_they_never_look_like_a_phone_or_ID_number(string userName, bool valid) =>
        Assert.Equal(valid, AccountRules.UserNamePattern().IsMatch(userName));

    [Theory]
    [InlineData("roles.separation", OrganizationType.ProgramOffice, PlatformRoles.SystemAdmin, PlatformRoles.SecurityAdmin)]
    [InlineData("roles.separation", OrganizationType.ProgramOffice, PlatformRoles.AuditAdmin, PlatformRoles.ProgramOfficeAdmin)]
    [InlineData("roles.organization_mismatch", OrganizationType.Employer, PlatformRoles.CountyAdmin)]
    [InlineData("roles.organization_mismatch", OrganizationType.CountyBureau, PlatformRoles.SecurityAdmin)]
    public void Role_problems_carry_a_stable_code_and_the_Chinese_reasons(string code, OrganizationType type, params string[] roles)
    {
        var problem = Assert.Throws<PlatformException>(() => AccountRules.EnsureRolesFit(roles, type));

        Assert.Equal(code, problem.Code);
        Assert.Equal(400, problem.Status);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.Detail!);
        Assert.All(problem.Errors, e => Assert.Equal("roles", e.Field));
    }

    [Theory]
    [InlineData(OrganizationType.Employer, PlatformRoles.EmployerHr, PlatformRoles.Professional)]
    [InlineData(OrganizationType.ProgramOffice, PlatformRoles.SecurityAdmin)]
    [InlineData(OrganizationType.EducationBase, PlatformRoles.ProviderStaff)]
    public void Fitting_roles_pass(OrganizationType type, params string[] roles) =>
        AccountRules.EnsureRolesFit(roles, type);

    [Theory]
    [InlineData(PlatformRoles.SystemAdmin)]
    [InlineData(PlatformRoles.SecurityAdmin)]
    [InlineData(PlatformRoles.AuditAdmin)]
    public void A_separated_administrator_is_granted_no_business_permission_but_may_lose_them_all(string role)
    {
        var problem = Assert.Throws<PlatformException>(() => AccountRules.EnsurePermissionsFit([role], [PlatformPermissions.UnmaskPersonalData]));

        Assert.Equal(AccountProblemCodes.PermissionsSeparation, problem.Code);
        Assert.Equal(400, problem.Status);
        Assert.Equal("permissions", Assert.Single(problem.Errors).Field);
        AccountRules.EnsurePermissionsFit([role], []);
    }

    [Fact]
    public void A_business_account_may_be_granted_permissions() =>
        AccountRules.EnsurePermissionsFit([PlatformRoles.CountyAdmin], [PlatformPermissions.UnmaskPersonalData]);

    [Fact]
    public void Nobody_administers_their_own_account()
    {
        var account = Guid.NewGuid();

        var problem = Assert.Throws<PlatformException>(() => AccountRules.EnsureNotSelf(account, account));

        Assert.Equal(AccountProblemCodes.SelfChange, problem.Code);
        Assert.Equal(403, problem.Status);
        AccountRules.EnsureNotSelf(Guid.NewGuid(), account);
        AccountRules.EnsureNotSelf(null, account);
    }

    [Theory]
    [InlineData(PlatformRoles.SystemAdmin, true)]
    [InlineData(PlatformRoles.SecurityAdmin, true)]
    [InlineData(PlatformRoles.AuditAdmin, true)]
    [InlineData(PlatformRoles.ProgramOfficeAdmin, false)]
    [InlineData(PlatformRoles.Professional, false)]
    [InlineData("root", false)]
    public void The_bootstrap_command_grants_only_the_separated_administrator_roles(string role, bool allowed) =>
        Assert.Equal(allowed, AccountRules.IsBootstrapRole(role));

    [Theory]
    [InlineData(true, PlatformRoles.SystemAdmin, PlatformRoles.AuditAdmin)]
    [InlineData(true, PlatformRoles.SecurityAdmin, PlatformRoles.ProgramOfficeAdmin)]
    [InlineData(false, PlatformRoles.SecurityAdmin)]
    [InlineData(false, PlatformRoles.EmployerHr, PlatformRoles.Professional)]
    public void The_three_role_separation_allows_one_administrator_role_alone(bool breaks, params string[] roles) =>
        Assert.Equal(breaks, RoleCatalog.BreaksSeparation(roles));
}
