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
}
