using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Rosters;

/// <summary>
/// The demo classes and rosters (the platform runs in demo mode): several years of hours for a typical person, some
/// people short, a few flagged overlaps, records as an upload writes them, and a second run adding nothing.
/// </summary>
[Collection(RosterPlatforms.Name)]
public sealed class DemoRosterTests(RosterPlatform platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_people_have_several_years_of_roster_hours_some_fall_short_and_a_few_overlaps_are_flagged()
    {
        var demo = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking()
            .Where(r => r.Source == RecordSource.ProviderClass && r.ImportJobId == null)
            .Select(r => new { r.ProfessionalId, r.CreditYear, r.Status, r.Flag, r.FlagDetail, r.ClassId, r.SourceFile, r.Hours, r.Category })
            .ToListAsync());
        var testEmployers = platform.TestEmployers;
        var active = await platform.QueryAsync(db => db.Professionals.AsNoTracking()
            .Where(p => p.Status == ProfessionalStatus.Active && !testEmployers.Contains(p.EmployerId))
            .Select(p => p.Id).ToListAsync());
        var activeSet = active.ToHashSet();
        var perPersonYear = demo.Where(r => activeSet.Contains(r.ProfessionalId)).GroupBy(r => (r.ProfessionalId, r.CreditYear)).Select(g => g.Count()).ToList();
        output.WriteLine($"{demo.Count} demo records, {perPersonYear.Count} person-years of {activeSet.Count} active people");

        Assert.True(demo.Count > 20_000, $"expected years of rosters, got {demo.Count} records");
        var typical = perPersonYear.Count(n => n is >= 2 and <= 6);
        Assert.True(typical > perPersonYear.Count * 0.7, $"{typical} of {perPersonYear.Count} person-years have 2–6 records");
        Assert.True(perPersonYear.Count(n => n == 1) > perPersonYear.Count / 50, "about one in ten person-years has a single record");
        Assert.True(demo.GroupBy(r => r.ProfessionalId).Count(g => g.Select(r => r.CreditYear).Distinct().Count() >= 3) > activeSet.Count / 2);
        Assert.Contains(demo, r => r.Category == CreditCategory.Public);
        Assert.Contains(demo, r => r.Category == CreditCategory.Professional);

        var flagged = demo.Where(r => r.Flag is not null).ToList();
        Assert.InRange(flagged.Count, 1, DemoRosters.FlaggedOverlaps);
        Assert.All(flagged, r => Assert.Equal((CreditRecordStatus.Pending, RecordWarning.DayOverload), (r.Status, r.Flag)));
        Assert.All(flagged, r => Assert.Contains("超过每日上限", r.FlagDetail, StringComparison.Ordinal));
        Assert.All(demo.Where(r => r.Flag is null), r => Assert.Equal(CreditRecordStatus.Approved, r.Status));
        Assert.All(demo.Take(100), r => Assert.Matches(@"学员名单\.xlsx 第 \d+ 行$", r.SourceFile));

        // Only finished classes have rosters; later classes are planned.
        var statuses = await platform.QueryAsync(db => db.TrainingClasses.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.All(demo.Select(r => r.ClassId!.Value).Distinct(), id => Assert.Equal(TrainingClassStatus.Finished, statuses[id]));
        Assert.True(statuses.Values.Count(s => s == TrainingClassStatus.Planned) >= DemoRosters.UpcomingClasses, "upcoming classes are planned");

        // The demo professional sees their own hours over several years.
        var own = await platform.QueryAsync(db => db.Professionals.AsNoTracking().Where(p => p.Name == DemoRegistrySeeder.DemoProfessionalName && p.UserId != null).Select(p => p.Id).SingleAsync());
        Assert.True(demo.Where(r => r.ProfessionalId == own).Select(r => r.CreditYear).Distinct().Count() >= 3);
    }

    [Fact]
    public async Task Seeding_again_with_the_same_seed_adds_nothing()
    {
        var before = await CountsAsync();
        using (var scope = platform.Factory.Services.CreateSystemScope())
        {
            var seeder = scope.ServiceProvider.GetServices<IDemoDataSeeder>().OfType<DemoRosterSeeder>().Single();
            var seed = platform.Factory.Services.GetRequiredService<KnowledgeRenewal.Kernel.PlatformOptions>().DemoSeed;
            await seeder.SeedAsync(new DemoSeedContext(seed, seeder.Key), CancellationToken.None);
        }

        Assert.Equal(before, await CountsAsync());
    }

    private Task<(int Classes, int Records)> CountsAsync() => platform.QueryAsync(async db =>
        (await db.TrainingClasses.CountAsync(), await db.CreditRecords.CountAsync(r => r.ImportJobId == null && r.Source == RecordSource.ProviderClass)));
}
