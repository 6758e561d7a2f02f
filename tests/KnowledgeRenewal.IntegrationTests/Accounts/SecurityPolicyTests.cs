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
        var policy = await (await platform.ClientAsync(PlatformRoles.SecurityAdmin)).GetJsonAsync("/api/admin/security-policy");

        Assert.Equal(5, policy.GetProperty("signIn").GetProperty("lockoutMaxFailedAttempts").GetInt32());
        Assert.Equal(15, policy.GetProperty("signIn").GetProperty("lockoutMinutes").GetInt32());
        Assert.True(policy.GetProperty("passwords").GetProperty("mlpsMode").GetBoolean());
        Assert.Equal(8, policy.GetProperty("effectivePasswordMinimumLength").GetInt32());
        Assert.Contains(PlatformRoles.AuditAdmin, policy.GetProperty("twoFactorRequiredRoles").Strings(""));
        Assert.Equal(180, policy.GetProperty("auditRetentionDays").GetInt32());
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
