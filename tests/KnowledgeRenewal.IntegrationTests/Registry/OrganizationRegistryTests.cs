using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>Employers, training providers and base designations through <c>/api/registry</c> and their OData feeds.</summary>
[Collection(RegistryPlatform.Name)]
public sealed class OrganizationRegistryTests(RegistryPlatformFixture platform)
{
    private static readonly Random Codes = new(4711);

    [Fact]
    public async Task County_and_department_administrators_register_employers_within_their_scope_under_the_right_parent()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);
        var code = NewCode(RegistryPlatformFixture.CountyA).ToLowerInvariant();
        using var created = await county.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new
        {
            creditCode = code,
            name = "登记测试民营科技有限公司",
            ownership = "非公有制",
            regionCode = RegistryPlatformFixture.CountyA,
            departmentCode = Departments.IndustryIt,
        });
        var employer = await created.ReadAsAsync<EmployerAnswer>(HttpStatusCode.Created, "create employer");
        Assert.Equal(code.ToUpperInvariant(), employer.CreditCode);
        Assert.Equal("NonPublic", employer.Ownership);
        Assert.NotNull(created.Headers.ETag);
        var id = employer.Id;
        var stored = await platform.QueryAsync(db => db.Organizations.AsNoTracking().Include(o => o.Parent).SingleAsync(o => o.Id == id));
        Assert.IsType<Employer>(stored);
        Assert.Equal(OrganizationType.Employer, stored.Type);
        Assert.Equal("CB-" + RegistryPlatformFixture.CountyA, stored.Parent!.Code);

        // Another county's region: outside the scope.
        using var elsewhere = await county.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new
        {
            creditCode = NewCode(RegistryPlatformFixture.CountyB),
            name = "越权单位",
            ownership = "公有制",
            regionCode = RegistryPlatformFixture.CountyB,
        });
        await elsewhere.AssertProblemAsync(HttpStatusCode.Forbidden, "registry.out_of_scope");

        // A department administrator registers in its sector only (any region); city-level employers hang under the program office.
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health");
        using var wrongSector = await health.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new
        {
            creditCode = NewCode("370800"),
            name = "越权学校",
            ownership = "公有制",
            regionCode = "370800",
            departmentCode = Departments.Education,
        });
        await wrongSector.AssertProblemAsync(HttpStatusCode.Forbidden, "registry.out_of_scope");
        using var cityHospital = await health.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new
        {
            creditCode = NewCode("370800"),
            name = "登记测试市级医院",
            ownership = "公有制",
            regionCode = "370800",
            departmentCode = Departments.Health,
        });
        var city = await cityHospital.ReadAsAsync<EmployerAnswer>(HttpStatusCode.Created, "city-level employer");
        var cityId = city.Id;
        Assert.Equal(ProgramOrganizations.ProgramOfficeCode, await platform.QueryAsync(db => db.Organizations.Where(o => o.Id == cityId).Select(o => o.Parent!.Code).SingleAsync()));

        // The same code again — even one the caller cannot see — is a conflict.
        foreach (var taken in new[] { code, platform.B1.Code })
        {
            using var duplicate = await county.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new
            {
                creditCode = taken,
                name = "重复单位",
                ownership = "公有制",
                regionCode = RegistryPlatformFixture.CountyA,
            });
            await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "organization.duplicate");
        }

        // Field rules: GB 32100 check character, region that exists.
        using var invalid = await county.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new
        {
            creditCode = code[..17] + (code[17] == '0' ? '1' : '0'),
            name = "校验单位",
            ownership = "集体",
            regionCode = RegistryPlatformFixture.CountyA,
        });
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var fields = problem.FieldErrors.Select(e => e.Field).ToArray();
        Assert.Contains("creditCode", fields);
        Assert.Contains("ownership", fields);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var noRegion = await office.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new { creditCode = NewCode("370899"), name = "无区域", ownership = "公有制", regionCode = "370899" });
        Assert.Equal("region.not_found", (await noRegion.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).FieldErrors[0].Code);

        // Employer HR and professionals register no employers.
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code);
        using var byHr = await hr.PostAsJsonAsync(new Uri("/api/registry/employers", UriKind.Relative), new { creditCode = NewCode("370811"), name = "人事自建", ownership = "公有制", regionCode = "370811" });
        Assert.Equal(HttpStatusCode.Forbidden, byHr.StatusCode);
    }

    [Fact]
    public async Task Employer_lists_filter_within_the_scope_and_the_OData_feed_agrees()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);
        var page = await county.GetAsAsync<PageAnswer<EmployerAnswer>>("/api/registry/employers?pageSize=100");
        Assert.All(page.Items, e => Assert.Equal(RegistryPlatformFixture.CountyA, e.RegionCode));
        Assert.Contains(page.Items, e => e.Id == platform.A1.Id);

        var byCode = await county.GetAsAsync<PageAnswer<EmployerAnswer>>($"/api/registry/employers?creditCode={platform.A2.Code.ToLowerInvariant()}");
        Assert.Equal(platform.A2.Id, Assert.Single(byCode.Items).Id);
        var otherCounty = await county.GetAsAsync<PageAnswer<EmployerAnswer>>($"/api/registry/employers?creditCode={platform.B1.Code}");
        Assert.Equal(0, otherCounty.Total);
        using var hidden = await county.GetAsync(new Uri($"/api/registry/employers/{platform.B1.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        var feed = await county.GetAsAsync<ODataFeed<OrganizationEntity>>("/odata/Employers?$count=true&$top=1000", options: HttpJson.ODataAnswers);
        Assert.Equal(page.Total, feed.Count);
        var perOwnership = await county.GetAsAsync<ODataFeed<OwnershipGroupEntity>>("/odata/Employers?$apply=groupby((Ownership),aggregate($count as Count))", options: HttpJson.ODataAnswers);
        Assert.NotEmpty(perOwnership.Value);
    }

    [Fact]
    public async Task The_program_office_registers_providers_and_designates_bases_which_everyone_in_scope_reads()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var code = NewCode(RegistryPlatformFixture.CountyA);
        using var created = await office.PostAsJsonAsync(new Uri("/api/registry/training-providers", UriKind.Relative), new
        {
            creditCode = code,
            name = "登记测试职业培训学校",
            kind = "行业培训机构",
            regionCode = RegistryPlatformFixture.CountyA,
            departmentCode = Departments.Health,
        });
        var provider = await created.ReadAsAsync<TrainingProviderAnswer>(HttpStatusCode.Created, "create provider");
        var providerId = provider.Id;
        Assert.IsType<TrainingProvider>(await platform.QueryAsync(db => db.Organizations.AsNoTracking().SingleAsync(o => o.Id == providerId)));

        using var providerDuplicate = await office.PostAsJsonAsync(new Uri("/api/registry/training-providers", UriKind.Relative), new
        {
            creditCode = code,
            name = "重复机构",
            kind = "高等院校",
            regionCode = RegistryPlatformFixture.CountyA,
        });
        await providerDuplicate.AssertProblemAsync(HttpStatusCode.Conflict, "organization.duplicate");

        using var designated = await office.PostAsJsonAsync(new Uri("/api/registry/education-bases", UriKind.Relative), new
        {
            name = "登记测试市级继续教育基地",
            organizationId = providerId,
            level = "市级",
            designatedOn = "2024-05-20",
        });
        var designation = await designated.ReadAsAsync<EducationBaseAnswer>(HttpStatusCode.Created, "designate base");
        Assert.Equal("Municipal", designation.Level);
        Assert.Equal("Active", designation.Status);
        var baseId = designation.Id;

        // Revoking the designation (exit mechanism) is an update with If-Match.
        using var revoked = await RegistryPlatformFixture.SendAsync(office, HttpMethod.Put, $"/api/registry/education-bases/{baseId}",
            new { name = "登记测试市级继续教育基地", level = "市级", designatedOn = "2024-05-20", status = "已撤销", organizationId = platform.A1.Id }, designated.Headers.ETag!.Tag);
        var after = await revoked.ReadAsAsync<EducationBaseAnswer>(HttpStatusCode.OK, "revoke base");
        Assert.Equal("Revoked", after.Status);
        Assert.Equal(providerId, after.OrganizationId);

        // A base must be a provider's designation.
        using var notProvider = await office.PostAsJsonAsync(new Uri("/api/registry/education-bases", UriKind.Relative), new
        {
            name = "单位不是施教机构",
            organizationId = platform.A1.Id,
            level = "省级",
            designatedOn = "2024-05-20",
        });
        Assert.Equal("provider.not_found", (await notProvider.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).FieldErrors[0].Code);

        // Only the program office writes; a county in whose region the provider is reads it, another county does not.
        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);
        var countyB = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyB);
        using var countyWrite = await countyA.PostAsJsonAsync(new Uri("/api/registry/training-providers", UriKind.Relative), new { creditCode = NewCode("370811"), name = "县建机构", kind = "高等院校", regionCode = "370811" });
        Assert.Equal(HttpStatusCode.Forbidden, countyWrite.StatusCode);
        using var countyDesignation = await countyA.PostAsJsonAsync(new Uri("/api/registry/education-bases", UriKind.Relative), new { name = "县建基地", organizationId = providerId, level = "市级", designatedOn = "2024-01-01" });
        Assert.Equal(HttpStatusCode.Forbidden, countyDesignation.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await countyA.GetAsync(new Uri($"/api/registry/training-providers/{providerId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await countyA.GetAsync(new Uri($"/api/registry/education-bases/{baseId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await countyB.GetAsync(new Uri($"/api/registry/training-providers/{providerId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await countyB.GetAsync(new Uri($"/api/registry/education-bases/{baseId}", UriKind.Relative))).StatusCode);
        var bases = await countyA.GetAsAsync<ODataFeed<EducationBaseEntity>>("/odata/EducationBases?$expand=Organization&$filter=Status eq 'Revoked'", options: HttpJson.ODataAnswers);
        Assert.Contains(bases.Value, b => b.Id == baseId && b.Organization.Id == providerId);
        var providers = await countyB.GetAsAsync<PageAnswer<TrainingProviderAnswer>>("/api/registry/training-providers?pageSize=100");
        Assert.DoesNotContain(providers.Items, p => p.Id == providerId);
    }

    private static string NewCode(string division)
    {
        lock (Codes)
        {
            return UnifiedSocialCreditCode.Generate('9', '1', division, Codes.Next).Value;
        }
    }
}
