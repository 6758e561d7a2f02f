using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Rosters;

/// <summary>
/// The class pages over HTTP: professionals and employers' HR are refused every one of them; a provider's staff never
/// opens another provider's class (404, as the API answers).
/// </summary>
[Collection(RosterPlatforms.Name)]
public sealed class ClassPagesAccessTests(RosterPlatform platform)
{
    [Fact]
    public async Task Professionals_and_employers_are_refused_the_class_pages()
    {
        var id = await ClassOfP1Async();
        var addresses = new[] { "/classes", "/classes/new", $"/classes/{id}", $"/classes/{id}/edit", $"/classes/{id}/roster" };
        foreach (var role in new[] { PlatformRoles.Professional, PlatformRoles.EmployerHr })
        {
            var account = await platform.Accounts.CreateAsync($"t.cp.{role}.{Guid.NewGuid():N}"[..28], [role], platform.EmployerA1);
            using var browser = await platform.Accounts.SignInAsync(account);
            foreach (var address in addresses)
            {
                var refused = await browser.GetAsync(address);
                Assert.True(
                    refused.Status == HttpStatusCode.Forbidden || refused.Location?.StartsWith("/account/denied", StringComparison.Ordinal) == true,
                    $"{role} on {address}: {(int)refused.Status} {refused.Location}");
                Assert.DoesNotContain("名单测试班", refused.Html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Another_providers_staff_finds_nothing_of_the_class_as_with_the_API()
    {
        var id = await ClassOfP1Async();
        var staff = await platform.Accounts.CreateAsync($"t.cp.p2.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProviderStaff], RosterPlatform.ProviderP2);
        using var browser = await platform.Accounts.SignInAsync(staff);

        foreach (var address in new[] { $"/classes/{id}", $"/classes/{id}/edit", $"/classes/{id}/roster" })
        {
            Assert.True((await browser.GetAsync(address)).Status == HttpStatusCode.NotFound, $"{address} for another provider");
        }

        Assert.DoesNotContain(id.ToString(), (await browser.GetAsync("/classes")).Html, StringComparison.Ordinal);
        var api = await platform.Accounts.SignedInClientAsync(staff);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/classes/{id}", UriKind.Relative))).StatusCode);

        // The class's own provider opens it.
        var own = await platform.Accounts.CreateAsync($"t.cp.p1.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProviderStaff], RosterPlatform.ProviderP1);
        using var owner = await platform.Accounts.SignInAsync(own);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/classes/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/classes/{id}/edit")).Status);
    }

    private async Task<Guid> ClassOfP1Async()
    {
        var p1 = await platform.P1Async();
        using var created = await p1.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), RosterPlatform.ClassBody(new DateOnly(2026, 3, 2)));
        return (await created.ReadJsonAsync(HttpStatusCode.Created, "create class")).GetProperty("id").GetGuid();
    }
}
