using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Demo;

/// <summary>
/// Demo data for the demo provider's workbench (<see cref="DemoAccounts.ProviderOrganization"/>): three public-subject
/// classes around today — one past its last day and not yet finished (待办理结业), one finished without a roster
/// (待上传学员名单), one planned — so demo.provider-staff finds work waiting. Runs after the rosters (order 45), so the
/// rosters never fill them. Deterministic (titles, days relative to today, the first public subject by code) and
/// idempotent: once the provider has a class of these titles, it does nothing.
/// </summary>
public sealed class WorkbenchClassesDemoSeeder(PlatformDbContext db, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly string[] Titles = ["公需科目专题培训班（待结业）", "公需科目专题培训班（待上传名单）", "公需科目专题培训班（计划中）"];

    /// <inheritdoc />
    public string Key => "core.workbench-classes";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 45;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var provider = await db.TrainingProviders.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Name == DemoAccounts.ProviderOrganization)
            .Select(p => new { p.Id, p.RegionCode })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var subject = await db.Subjects.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status == SubjectStatus.Active && s.Category == CreditCategory.Public && s.ModuleKey == null)
            .OrderBy(s => s.Code)
            .Select(s => new { s.Code, s.Name })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (provider is null || subject is null)
        {
            return;
        }

        var titles = Titles.Select(t => t.Replace("公需科目", subject.Name, StringComparison.Ordinal)).ToList();
        if (await db.TrainingClasses.IgnoreQueryFilters().AnyAsync(c => c.ProviderId == provider.Id && titles.Contains(c.Title), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var today = ProgramCalendar.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        TrainingClass Class(int title, int fromDays, TrainingClassStatus status) => new()
        {
            ProviderId = provider.Id,
            Title = titles[title],
            StartDate = today.AddDays(fromDays),
            EndDate = today.AddDays(fromDays + 1),
            Hours = CreditHours.FromHours(12m),
            Category = CreditCategory.Public,
            SubjectCode = subject.Code,
            Activity = ActivityType.ClassroomTraining,
            Mode = DeliveryMode.Offline,
            Status = status,
            CreatedAt = now,
        };

        db.TrainingClasses.AddRange(Class(0, -9, TrainingClassStatus.Planned), Class(1, -20, TrainingClassStatus.Finished), Class(2, 20, TrainingClassStatus.Planned));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
