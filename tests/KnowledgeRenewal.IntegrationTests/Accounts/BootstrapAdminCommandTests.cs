using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Host.Commands;
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

/// <summary>
/// <c>bootstrap-admin</c> on a deployment without demo data: it creates the first account of each separated
/// administrator role, with a one-time password, and refuses once an enabled account holds the role.
/// </summary>
public sealed partial class BootstrapAdminCommandTests : IAsyncLifetime
{
    // A fresh platform per test (xUnit makes one instance per test), without demo data: no administrator exists yet.
    private readonly TestPlatform platform = new(demoMode: false, manySignIns: true);

    private TestDatabase Database => platform.Database;

    private PlatformFactory Factory => platform.Factory;

    public Task InitializeAsync() => platform.InitializeAsync();

    public Task DisposeAsync() => platform.DisposeAsync();

    [Fact]
    public async Task It_creates_the_first_administrator_of_each_role_once_and_refuses_the_second()
    {
        var first = await RunAsync("--role", PlatformRoles.SystemAdmin, "--username", "ops.root", "--display-name", "系统管理员甲");

        Assert.Equal(0, first.ExitCode);
        var password = OneTimePassword().Match(first.Output).Groups[1].Value;
        Assert.Empty(MlpsPasswordValidator.Check(password, "ops.root", null, new PasswordPolicyOptions()));
        var user = await UserAsync("ops.root");
        Assert.True(user.MustChangePassword);
        Assert.False(user.IsDisabled);
        Assert.False(user.TwoFactorEnabled);
        Assert.Equal("系统管理员甲", user.DisplayName);
        Assert.Equal(ProgramOrganizations.ProgramOfficeCode, await QueryAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Id == user.OrganizationId).Select(o => o.Code).SingleAsync()));
        Assert.Equal([PlatformRoles.SystemAdmin], await RolesAsync(user));
        Assert.Contains(AuditActions.AccountCreated, await QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().Where(r => r.EntityKey == user.Id.ToString()).Select(r => r.Action).ToListAsync()));

        // Signing in: the password is right, then two factors must be enrolled (and the password replaced) on the web.
        using var anonymous = Factory.CreateClient();
        using var token = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), TestAccounts.PasswordGrant("ops.root", password));
        var body = await token.ReadAsAsync<TokenErrorAnswer>(HttpStatusCode.BadRequest, "token");
        Assert.Equal("urn:knowledge-renewal:two_factor.enrollment_required", body.ErrorUri);

        var second = await RunAsync("--role", PlatformRoles.SystemAdmin, "--username", "ops.second");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("already exists", second.Errors, StringComparison.Ordinal);
        Assert.Null(await QueryAsync(db => db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.UserName == "ops.second")));

        var security = await RunAsync("--role=" + PlatformRoles.SecurityAdmin, "--username=sec.root");
        var audit = await RunAsync("--role", PlatformRoles.AuditAdmin, "--username", "audit.root");
        Assert.Equal(0, security.ExitCode);
        Assert.Equal(0, audit.ExitCode);
        Assert.Equal("安全管理员", (await UserAsync("sec.root")).DisplayName);
    }

    [Fact]
    public async Task Once_the_only_holder_of_a_role_is_disabled_a_new_first_administrator_can_be_bootstrapped()
    {
        Assert.Equal(0, (await RunAsync("--role", PlatformRoles.AuditAdmin, "--username", "audit.one")).ExitCode);
        using (var scope = Factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = (await users.FindByNameAsync("audit.one"))!;
            user.IsDisabled = true;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var again = await RunAsync("--role", PlatformRoles.AuditAdmin, "--username", "audit.two");

        Assert.Equal(0, again.ExitCode);
    }

    [Theory]
    [InlineData(1, "--role", PlatformRoles.ProgramOfficeAdmin, "--username", "po.root")]
    [InlineData(1, "--role", PlatformRoles.SystemAdmin, "--username", "13800138000")]
    [InlineData(1, "--role", "root", "--username", "someone")]
    [InlineData(2, "--role", PlatformRoles.SystemAdmin)]
    [InlineData(2, "--username", "someone")]
    [InlineData(2, "--role", PlatformRoles.SystemAdmin, "--username")]
    public async Task It_refuses_other_roles_bad_user_names_and_incomplete_arguments(int exitCode, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.NotEmpty(result.Errors);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_taken_user_name_is_refused()
    {
        Assert.Equal(0, (await RunAsync("--role", PlatformRoles.SystemAdmin, "--username", "taken.name")).ExitCode);

        var result = await RunAsync("--role", PlatformRoles.SecurityAdmin, "--username", "taken.name");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("taken", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_own_options_are_kept_from_the_host_configuration_arguments()
    {
        string[] args = ["--role", "system-admin", "--Database:Provider=Sqlite", "--username=ops", "--display-name", "运维", "--urls", "http://localhost:1"];

        var options = BootstrapAdminCommand.Parse(args, out var error);

        Assert.Null(error);
        Assert.Equal(new BootstrapAdminOptions("system-admin", "ops", "运维"), options);
        Assert.Equal(["--Database:Provider=Sqlite", "--urls", "http://localhost:1"], BootstrapAdminCommand.HostArguments(args));
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await BootstrapAdminCommand.RunAsync(Factory.Services, args, output, errors, CancellationToken.None);
        return (exitCode, output.ToString(), errors.ToString());
    }

    private async Task<T> QueryAsync<T>(Func<PlatformDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateSystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    private Task<PlatformUser> UserAsync(string userName) =>
        QueryAsync(db => db.Users.IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.UserName == userName));

    private async Task<IList<string>> RolesAsync(PlatformUser user)
    {
        using var scope = Factory.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().GetRolesAsync(user);
    }

    [GeneratedRegex(@"One-time password: (\S+)")]
    private static partial Regex OneTimePassword();
}
