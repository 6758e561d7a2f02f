using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Accounts;

[Collection(SharedPlatform.Name)]
public sealed class SecurityPolicyTests(PlatformFixture platform)
{
    [Fact]
    public async Task Security_admins_read_the_policy_in_force()
    {
        var policy = await (await platform.ClientAsync(PlatformRoles.SecurityAdmin)).GetAsAsync<SecurityPolicyAnswer>("/api/admin/security-policy");

        Assert.Equal(5, policy.SignIn.LockoutMaxFailedAttempts);
        Assert.Equal(15, policy.SignIn.LockoutMinutes);
        Assert.True(policy.Passwords.MlpsMode);
        Assert.Equal(8, policy.EffectivePasswordMinimumLength);
        Assert.Contains(PlatformRoles.AuditAdmin, policy.TwoFactorRequiredRoles);
        Assert.Equal(180, policy.AuditRetentionDays);
    }

    [Theory]
    [InlineData(PlatformRoles.SystemAdmin)]
    [InlineData(PlatformRoles.AuditAdmin)]
    [InlineData(PlatformRoles.ProgramOfficeAdmin)]
    public async Task Nobody_else_reads_it(string role)
    {
        using var response = await (await platform.ClientAsync(role)).GetAsync(new Uri("/api/admin/security-policy", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
