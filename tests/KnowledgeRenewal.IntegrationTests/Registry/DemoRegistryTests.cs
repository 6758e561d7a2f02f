using System.Net;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// The demo city's registry: about 6,000 professionals over every demo employer, region and sector, with the
/// documented mix of title levels, moves and leavers; the demo professional account sees exactly its own record.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class DemoRegistryTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_demo_professional_sees_exactly_their_own_record()
    {
        var account = DemoAccounts.All.Single(a => a.Role == PlatformRoles.Professional);
        using var client = await platform.Accounts.SignedInClientAsync(platform.DemoAccount(account.UserName));

        var page = await client.GetAsAsync<PageAnswer<ProfessionalAnswer>>("/api/registry/professionals");
        var own = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(DemoRegistrySeeder.DemoProfessionalName, own.Name);
        Assert.Equal(DemoAccounts.ProfessionalIdNumber[..4] + "**********" + DemoAccounts.ProfessionalIdNumber[14..], own.IdNumberMasked);
        Assert.Equal(DemoOrganizations.DemoEmployer, own.EmployerName);
        Assert.True(own.HasAccount);
        Assert.Equal(1, await client.GetAsAsync<int>("/odata/Professionals/$count"));
    }

    [Fact]
    public async Task The_demo_registry_covers_every_employer_region_and_sector_with_the_documented_mix()
    {
        var rows = await Query(db => db.Professionals.AsNoTracking()
            .Select(p => new { p.RegionCode, p.DepartmentCode, p.EmployerId, p.TitleLevel, p.TitleSeries, p.Status, p.BirthDate, p.Gender, p.IdNumberMasked, p.PhoneMasked, Employments = p.Employments.Count })
            .ToListAsync());
        var employers = await Query(db => db.Employers.AsNoTracking().Select(e => new { e.Id, e.RegionCode }).ToListAsync());

        Assert.InRange(rows.Count, DemoRegistry.Count, DemoRegistry.Count + 1);
        Assert.Equal(employers.Select(e => e.Id).ToHashSet(), rows.Select(r => r.EmployerId).ToHashSet());
        Assert.Equal(employers.Select(e => e.RegionCode).ToHashSet(), rows.Select(r => r.RegionCode).ToHashSet());
        Assert.Superset(new HashSet<string?> { Departments.Health, Departments.Education, Departments.Transport, Departments.IndustryIt, Departments.Finance, Departments.AgricultureRural, Departments.Commerce }, rows.Select(r => (string?)r.DepartmentCode).ToHashSet());
        Assert.Superset(new HashSet<string?> { "卫生技术", "中小学教师", "工程技术", "经济", "会计", "农业技术" }, rows.Select(r => r.TitleSeries).ToHashSet());

        Assert.InRange(Share(rows, r => r.TitleLevel == TitleLevel.Junior), 0.36, 0.44);
        Assert.InRange(Share(rows, r => r.TitleLevel == TitleLevel.Intermediate), 0.31, 0.39);
        Assert.InRange(Share(rows, r => r.TitleLevel == TitleLevel.AssociateSenior), 0.15, 0.21);
        Assert.InRange(Share(rows, r => r.TitleLevel == TitleLevel.Senior), 0.05, 0.09);
        Assert.InRange(Share(rows, r => r.Employments == 2), 0.05, 0.10);
        Assert.InRange(Share(rows, r => r.Status != ProfessionalStatus.Active), 0.02, 0.05);
        Assert.InRange(Share(rows, r => r.PhoneMasked == null), 0.04, 0.12);
        Assert.All(rows, r => Assert.InRange(r.BirthDate.Year, 1960, 2000));
        Assert.All(rows, r => Assert.StartsWith("3708", r.IdNumberMasked, StringComparison.Ordinal));
        Assert.InRange(Share(rows, r => r.Gender == Gender.Female), 0.45, 0.55);
    }

    [Fact]
    public void The_same_seed_and_employers_give_the_same_people()
    {
        var employers = Enumerable.Range(0, 40)
            .Select(i => new DemoEmployerRef(Guid.NewGuid(), $"CODE{i:D2}", $"单位{i}", i % 2 == 0 ? "370811" : "370883", i % 3 == 0 ? Departments.Health : Departments.Education))
            .ToArray();
        var today = new DateOnly(2026, 1, 1);
        var first = DemoRegistry.Generate(new DemoSeedContext(20230324, "core.registry").Faker, employers, today, 500);
        var second = DemoRegistry.Generate(new DemoSeedContext(20230324, "core.registry").Faker, employers.Reverse().ToArray(), today, 500);

        Assert.Equal(500, first.Count);
        Assert.Equal(first.Select(p => (p.IdNumber.Value, p.Name, p.Phone, p.TitleLevel, p.Employments.Count)), second.Select(p => (p.IdNumber.Value, p.Name, p.Phone, p.TitleLevel, p.Employments.Count)));
        Assert.Equal(first.Count, first.Select(p => p.IdNumber.Value).Distinct().Count());
        Assert.All(first, p =>
        {
            Assert.True(ResidentIdNumber.TryParse(p.IdNumber.Value, today, out var parsed, out _));
            Assert.Equal(p.Gender == Gender.Male, parsed.IsMale);
            Assert.True(p.Phone is null || MobileNumber.Normalize(p.Phone) == p.Phone);
            Assert.DoesNotMatch(@"\d", p.Name);
        });
    }

    private static double Share<T>(List<T> items, Func<T, bool> predicate) => items.Count(predicate) / (double)items.Count;

    private async Task<T> Query<T>(Func<KnowledgeRenewal.Kernel.Persistence.PlatformDbContext, Task<T>> query)
    {
        using var scope = platform.Factory.Services.CreateSystemScope();
        return await query((KnowledgeRenewal.Kernel.Persistence.PlatformDbContext)scope.ServiceProvider.GetService(typeof(KnowledgeRenewal.Kernel.Persistence.PlatformDbContext))!);
    }
}
