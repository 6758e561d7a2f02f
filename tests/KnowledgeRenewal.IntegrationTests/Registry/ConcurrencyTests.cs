using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// Optimistic concurrency: an update must name the version it read (<c>If-Match</c> with the <c>ETag</c>); without
/// it the answer is 428, with an old one 412 — a stale update never silently overwrites. Of two concurrent updates
/// from the same version exactly one wins. Update bodies cannot reach the owner and identity fields.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class ConcurrencyTests(RegistryPlatformFixture platform)
{
    private static readonly object Change = new { name = "并发测试", education = "本科", titleLevel = "初级" };

    [Fact]
    public async Task An_update_without_If_Match_is_428_and_with_an_old_ETag_412()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        var url = $"/api/registry/professionals/{person.Id}";

        using var missing = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, Change);
        await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, RegistryProblemCodesForTests.PreconditionRequired);
        using var star = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, Change, "*");
        await star.AssertProblemAsync(HttpStatusCode.PreconditionRequired, RegistryProblemCodesForTests.PreconditionRequired);
        using var weak = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, Change, "W/" + person.ETag);
        await weak.AssertProblemAsync(HttpStatusCode.PreconditionRequired, RegistryProblemCodesForTests.PreconditionRequired);
        using var moveMissing = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url + "/move", new { employerCreditCode = platform.A2.Code, startedOn = "2020-01-01" });
        await moveMissing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, RegistryProblemCodesForTests.PreconditionRequired);

        using var random = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, Change, $"\"{Guid.NewGuid():N}\"");
        await random.AssertProblemAsync(HttpStatusCode.PreconditionFailed, RegistryProblemCodesForTests.Stale);

        using var first = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, Change, person.ETag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var again = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, new { name = "覆盖", education = "本科" }, person.ETag);
        await again.AssertProblemAsync(HttpStatusCode.PreconditionFailed, RegistryProblemCodesForTests.Stale);
        using var moveStale = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url + "/move", new { employerCreditCode = platform.A2.Code, startedOn = "2020-01-01" }, person.ETag);
        await moveStale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, RegistryProblemCodesForTests.Stale);

        var current = await county.GetAsAsync<ProfessionalAnswer>(url);
        Assert.Equal("并发测试", current.Name);
    }

    [Fact]
    public async Task Of_two_concurrent_updates_from_the_same_version_exactly_one_wins()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code);
        for (var round = 0; round < 5; round++)
        {
            var person = await platform.RegisterAsync(county, platform.A1);
            var url = $"/api/registry/professionals/{person.Id}";
            var responses = await Task.WhenAll(
                RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, new { name = "甲方修改", education = "本科" }, person.ETag),
                RegistryPlatformFixture.SendAsync(hr, HttpMethod.Put, url, new { name = "乙方修改", education = "大专" }, person.ETag));
            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
            foreach (var response in responses)
            {
                response.Dispose();
            }

            Assert.True(statuses.SequenceEqual([200, 412]), $"round {round}: {string.Join(", ", statuses)}\n{string.Join("\n", bodies)}");
            var winner = bodies.Single(b => b.Contains("\"id\"", StringComparison.Ordinal));
            var stored = await county.GetAsAsync<ProfessionalAnswer>(url);
            Assert.Contains(stored.Name, winner, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Owner_and_identity_fields_in_an_update_body_change_nothing()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        var before = await platform.QueryAsync(db => db.Professionals.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        var intruder = Guid.NewGuid();
        var forgedStamp = Guid.NewGuid();

        using var response = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, $"/api/registry/professionals/{person.Id}", new
        {
            id = Guid.NewGuid(),
            name = "批量赋值测试",
            education = "本科",
            employerId = platform.B1.Id,
            employer = new { id = platform.B1.Id },
            employerCreditCode = platform.B1.Code,
            idNumber = platform.NewIdNumber(),
            idNumberHash = "0000",
            idNumberCipher = "AAAA",
            idNumberMasked = "1111**********1111",
            regionCode = RegistryPlatformFixture.CountyB,
            departmentCode = "education",
            concurrencyStamp = forgedStamp,
            userId = intruder,
            gender = "Female",
            birthDate = "2000-01-01",
            createdAt = "2000-01-01T00:00:00Z",
            updatedAt = "2000-01-01T00:00:00Z",
        }, person.ETag);
        var view = await response.ReadAsAsync<ProfessionalAnswer>(HttpStatusCode.OK, "update with extra fields");

        var after = await platform.QueryAsync(db => db.Professionals.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal("批量赋值测试", after.Name);
        Assert.Equal(before.EmployerId, after.EmployerId);
        Assert.Equal(before.RegionCode, after.RegionCode);
        Assert.Equal(before.DepartmentCode, after.DepartmentCode);
        Assert.Equal(before.IdNumberHash, after.IdNumberHash);
        Assert.Equal(before.IdNumberCipher, after.IdNumberCipher);
        Assert.Equal(before.IdNumberMasked, after.IdNumberMasked);
        Assert.Equal(before.Gender, after.Gender);
        Assert.Equal(before.BirthDate, after.BirthDate);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Null(after.UserId);
        Assert.NotEqual(forgedStamp, after.ConcurrencyStamp);
        Assert.NotEqual(before.ConcurrencyStamp, after.ConcurrencyStamp);
        Assert.Equal($"\"{after.ConcurrencyStamp:N}\"", response.Headers.ETag!.Tag);
        Assert.Equal(platform.A1.Id, view.EmployerId);
        Assert.Equal(1, await platform.QueryAsync(db => db.Employments.CountAsync(e => e.ProfessionalId == person.Id)));
    }

    [Fact]
    public async Task Employers_use_the_same_preconditions_and_keep_their_credit_code()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var employer = await county.GetAsAsync<EmployerAnswer>($"/api/registry/employers/{platform.A1.Id}");
        using var read = await county.GetAsync(new Uri($"/api/registry/employers/{platform.A1.Id}", UriKind.Relative));
        var etag = read.Headers.ETag!.Tag;
        var url = $"/api/registry/employers/{platform.A1.Id}";

        using var missing = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, new { name = "改名", ownership = "公有制", departmentCode = "health" });
        await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, RegistryProblemCodesForTests.PreconditionRequired);

        using var changed = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, new
        {
            name = employer.Name,
            ownership = "公有制",
            departmentCode = "health",
            creditCode = platform.B2.Code,
            regionCode = RegistryPlatformFixture.CountyB,
        }, etag);
        var view = await changed.ReadAsAsync<EmployerAnswer>(HttpStatusCode.OK, "update employer");
        Assert.Equal(platform.A1.Code, view.CreditCode);
        Assert.Equal(RegistryPlatformFixture.CountyA, view.RegionCode);

        using var stale = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, url, new { name = "改名", ownership = "公有制", departmentCode = "health" }, etag);
        await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, RegistryProblemCodesForTests.Stale);
    }
}
