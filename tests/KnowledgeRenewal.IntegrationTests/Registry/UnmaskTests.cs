using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// Unmasking personal data: only with the permission (granted per account by a security administrator) or for
/// one's own record, within one's scope, for a stated purpose; every answer — granted or refused — is audited
/// with the purpose and never the data.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class UnmaskTests(RegistryPlatformFixture platform)
{
    private const string Purpose = "职称评审资格复核";

    [Fact]
    public async Task Without_the_permission_unmasking_is_refused_and_audited_as_denied()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);

        using var response = await county.PostAsJsonAsync(new Uri($"/api/registry/professionals/{person.Id}/unmask", UriKind.Relative), new { purpose = Purpose });
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "personal_data.unmask_forbidden");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(person.IdNumber, body, StringComparison.Ordinal);

        var record = await LastAuditAsync(person.Id);
        Assert.Equal(AuditOutcome.Denied, record.Outcome);
        Assert.Contains(Purpose, record.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_permission_and_a_purpose_the_data_is_shown_unmasked_once_audited_and_never_cached()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        var other = await platform.RegisterAsync(await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyB), platform.B1);
        using var officer = await PermittedCountyAdminAsync();
        var url = $"/api/registry/professionals/{person.Id}/unmask";

        using var response = await officer.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { purpose = Purpose });
        var data = await response.ReadAsAsync<UnmaskedAnswer>(HttpStatusCode.OK, "unmask");
        Assert.Equal(person.IdNumber, data.IdNumber);
        Assert.Equal(person.Phone, data.Phone);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var granted = await LastAuditAsync(person.Id);
        Assert.Equal(AuditOutcome.Success, granted.Outcome);
        Assert.Contains(Purpose, granted.Details, StringComparison.Ordinal);
        var recorded = string.Join("|", granted.Details, granted.EntityKey, granted.EntityType, granted.UserName, granted.Roles);
        Assert.DoesNotContain(person.IdNumber, recorded, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Phone, recorded, StringComparison.Ordinal);

        // A purpose is required.
        foreach (var body in new object[] { new { purpose = "" }, new { purpose = "看看" }, new { } })
        {
            using var refused = await officer.PostAsJsonAsync(new Uri(url, UriKind.Relative), body);
            var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal("purpose", problem.FieldErrors[0].Field);
            Assert.Equal(AuditOutcome.Denied, (await LastAuditAsync(person.Id)).Outcome);
        }

        // Outside the scope the record does not exist.
        using var elsewhere = await officer.PostAsJsonAsync(new Uri($"/api/registry/professionals/{other.Id}/unmask", UriKind.Relative), new { purpose = Purpose });
        await elsewhere.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        Assert.DoesNotContain(other.IdNumber, await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Denied, (await LastAuditAsync(other.Id)).Outcome);

        // Personal data typed into the purpose does not reach the audit log either.
        using var leaky = await officer.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { purpose = $"核对 {person.IdNumber} 与 {person.Phone}" });
        Assert.Equal(HttpStatusCode.OK, leaky.StatusCode);
        var masked = await LastAuditAsync(person.Id);
        Assert.DoesNotContain(person.IdNumber, masked.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Phone, masked.Details, StringComparison.Ordinal);
        Assert.Contains("核对", masked.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_professional_may_unmask_their_own_record_only()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var own = await platform.RegisterAsync(county, platform.A1);
        var colleague = await platform.RegisterAsync(county, platform.A1);
        var account = await platform.Accounts.CreateAsync($"t.own.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], platform.A1.Code);
        await platform.LinkAsync(own.Id, account.Id);
        using var self = await platform.Accounts.SignedInClientAsync(account);

        using var mine = await self.PostAsJsonAsync(new Uri($"/api/registry/professionals/{own.Id}/unmask", UriKind.Relative), new { purpose = "打印学时证明核对" });
        var data = await mine.ReadAsAsync<UnmaskedAnswer>(HttpStatusCode.OK, "own unmask");
        Assert.Equal(own.IdNumber, data.IdNumber);
        var record = await LastAuditAsync(own.Id);
        Assert.Equal(AuditOutcome.Success, record.Outcome);
        Assert.StartsWith("self;", record.Details, StringComparison.Ordinal);

        using var theirs = await self.PostAsJsonAsync(new Uri($"/api/registry/professionals/{colleague.Id}/unmask", UriKind.Relative), new { purpose = "打印学时证明核对" });
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task Security_administrators_grant_and_revoke_the_permission_and_the_change_ends_old_tokens()
    {
        var security = await platform.ClientAsync(PlatformRoles.SecurityAdmin);
        var account = await platform.Accounts.CreateAsync($"t.grant.{Guid.NewGuid():N}"[..30], [PlatformRoles.CountyAdmin], "CB-" + RegistryPlatformFixture.CountyA);
        using var before = await platform.Accounts.SignedInClientAsync(account);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        var url = $"/api/admin/accounts/{account.Id}/permissions";

        using var unknown = await RegistryPlatformFixture.SendAsync(security, HttpMethod.Put, url, new { permissions = new[] { "everything" } });
        Assert.Equal("unknown_permission", (await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).FieldErrors[0].Code);

        using var granted = await RegistryPlatformFixture.SendAsync(security, HttpMethod.Put, url, new { permissions = new[] { PlatformPermissions.UnmaskPersonalData } });
        var view = await granted.ReadAsAsync<AccountAnswer>(HttpStatusCode.OK, "grant");
        Assert.Equal([PlatformPermissions.UnmaskPersonalData], view.Permissions);

        // Tokens issued before the change stop working; the next sign-in carries the permission.
        using var stale = await before.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.PermissionsChanged && r.EntityKey == account.Id.ToString())
            .OrderByDescending(r => r.Sequence).FirstAsync());
        Assert.Contains("to=" + PlatformPermissions.UnmaskPersonalData, audited.Details, StringComparison.Ordinal);

        using var revoked = await RegistryPlatformFixture.SendAsync(security, HttpMethod.Put, url, new { permissions = Array.Empty<string>() });
        Assert.Empty((await revoked.ReadAsAsync<AccountAnswer>(HttpStatusCode.OK, "revoke")).Permissions);

        // Not to the separated administrators, not to oneself, and only security administrators grant.
        var auditor = await platform.Accounts.CreateAsync($"t.aud.{Guid.NewGuid():N}"[..30], [PlatformRoles.AuditAdmin], "PO");
        using var separated = await RegistryPlatformFixture.SendAsync(security, HttpMethod.Put, $"/api/admin/accounts/{auditor.Id}/permissions", new { permissions = new[] { PlatformPermissions.UnmaskPersonalData } });
        await separated.AssertProblemAsync(HttpStatusCode.BadRequest, "permissions.separation");
        var me = await security.GetAsAsync<MeAnswer>("/api/me");
        using var own = await RegistryPlatformFixture.SendAsync(security, HttpMethod.Put, $"/api/admin/accounts/{me.UserId}/permissions", new { permissions = Array.Empty<string>() });
        await own.AssertProblemAsync(HttpStatusCode.Forbidden, "account.self_change");
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var notSecurity = await RegistryPlatformFixture.SendAsync(office, HttpMethod.Put, url, new { permissions = new[] { PlatformPermissions.UnmaskPersonalData } });
        Assert.Equal(HttpStatusCode.Forbidden, notSecurity.StatusCode);
    }

    // A county administrator (任城区) holding the unmask permission, signed in after the grant.
    private Task<HttpClient> PermittedCountyAdminAsync() => platform.PermittedClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);

    private Task<AuditRecord> LastAuditAsync(Guid professionalId) =>
        platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.PersonalDataViewed && r.EntityKey == professionalId.ToString())
            .OrderByDescending(r => r.Sequence)
            .FirstAsync());
}
