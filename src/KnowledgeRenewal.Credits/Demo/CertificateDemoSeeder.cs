using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Programs.Domain;
using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Demo;

/// <summary>
/// Demo certificates: about <see cref="People"/> demo professionals (the demo professional's own account first) get
/// the certificates of their past credit years (2023 to last year). A person-year without approved records gets a
/// few records first, as migrated from the city's former registration system (source 外部平台导入). Then about one
/// person in eight has one of those migrated records corrected — revoked and replaced, through the ledger's change
/// publication — so the platform itself issues a new version and the old one shows as superseded. Runs after every
/// other seeder (Order 80), so people who already have records from rosters or declarations are certified as they are.
/// </summary>
public sealed partial class CertificateDemoSeeder(
    PlatformDbContext db,
    CertificateIssuer issuer,
    LedgerChanges changes,
    LedgerCatalog catalog,
    TimeProvider clock,
    ILogger<CertificateDemoSeeder> logger) : IDemoDataSeeder
{
    /// <summary>How many people get certificates.</summary>
    public const int People = 300;

    /// <summary>The first credit year certified: the program's first year.</summary>
    public const int FirstYear = ProgramPeriod.FirstYear;

    /// <summary>Marks the migrated demo records (and only those are ever corrected).</summary>
    public const string MigrationReference = "原济宁市继续教育学时登记系统迁移";

    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public string Key => "certificates.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 80;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var today = ProgramCalendar.Today(clock);
        var years = Enumerable.Range(FirstYear, Math.Max(0, today.Year - FirstYear)).ToArray();
        if (years.Length == 0)
        {
            return;
        }

        var candidates = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Status == ProfessionalStatus.Active)
            .OrderBy(p => p.Name).ThenBy(p => p.IdNumberMasked).ThenBy(p => p.BirthDate)
            .Select(p => new Person(p.Id, p.RegionCode, p.DepartmentCode, p.EmployerId, p.UserId != null))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return;
        }

        var faker = context.Faker;
        var people = candidates.Where(p => p.HasAccount)
            .Concat(faker.Random.Shuffle(candidates.Where(p => !p.HasAccount)).Take(People))
            .Take(People)
            .ToList();
        var ids = people.Select(p => p.Id).ToArray();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // 1. Records migrated from the former registration system (online public subjects, earlier classes) for person-years
        //    that have none yet, beside whatever the rosters recorded.
        var certified = (await db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(r => ids.Contains(r.ProfessionalId) && r.ExternalReference != null && r.ExternalReference.StartsWith(MigrationReference) && r.CreditYear >= FirstYear && r.CreditYear < today.Year)
                .Select(r => new { r.ProfessionalId, r.CreditYear })
                .Distinct()
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(r => new PersonYear(r.ProfessionalId, r.CreditYear))
            .ToHashSet();
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.Status == SubjectStatus.Active).ToListAsync(cancellationToken).ConfigureAwait(false);
        var migrated = new List<PersonYear>();
        foreach (var person in people)
        {
            foreach (var year in years.Where(y => !certified.Contains(new PersonYear(person.Id, y))))
            {
                db.CreditRecords.AddRange(Migrated(person, year, subjects, faker, now));
                migrated.Add(new PersonYear(person.Id, year));
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await changes.PublishAsync(db, migrated, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        // 2. Certificates of every person-year.
        var personYears = people.SelectMany(p => years.Select(y => new PersonYear(p.Id, y))).ToArray();
        var batch = await CertificateIssuer.LoadAsync(db, personYears, cancellationToken).ConfigureAwait(false);
        var issued = personYears.Count(py => issuer.Issue(db, batch, py, LedgerActor.System.Name, requireRecords: true).Created);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        // 3. Corrections of migrated records: the ledger change re-issues the certificate (old version superseded).
        var corrected = people.Where(p => p.HasAccount || faker.Random.Int(0, 7) == 0).Select(p => p.Id).ToHashSet();
        var wrong = (await db.CreditRecords.IgnoreQueryFilters(AccessScope)
                .Where(r => corrected.Contains(r.ProfessionalId) && r.Status == CreditRecordStatus.Approved && r.ExternalReference != null && r.ExternalReference.StartsWith(MigrationReference))
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(r => r.ProfessionalId)
            .Select(g => g.OrderByDescending(r => r.CreditYear).ThenBy(r => r.Date).ThenBy(r => r.Title, StringComparer.Ordinal).First())
            .ToList();
        foreach (var record in wrong)
        {
            var replacement = Correction(record, faker, now);
            record.Revoke(LedgerActor.System, now, "迁移时学时数登记有误，按原始培训证明更正。", replacement.Id);
            db.CreditRecords.Add(replacement);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await changes.PublishAsync(db, wrong.Select(r => new PersonYear(r.ProfessionalId, r.CreditYear)), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Seeded(logger, issued, wrong.Count, elapsedMs);
    }

    // Two to four records of a year: public subjects online, professional subjects in class.
    private IEnumerable<CreditRecord> Migrated(Person person, int year, List<Subject> subjects, Bogus.Faker faker, DateTime now)
    {
        var module = catalog.ModuleFor(person.DepartmentCode);
        var publicSubjects = subjects.Where(s => s.Category == CreditCategory.Public).ToArray();
        var professionalSubjects = subjects.Where(s => s.Category == CreditCategory.Professional && (module is null || s.ModuleKey == module)).ToArray();
        var count = 0;
        foreach (var category in new[] { CreditCategory.Public, CreditCategory.Professional })
        {
            var pool = category == CreditCategory.Public ? publicSubjects : professionalSubjects;
            if (pool.Length == 0)
            {
                continue;
            }

            for (var i = faker.Random.Int(1, 2); i > 0; i--)
            {
                var subject = faker.PickRandom(pool);
                var hours = category == CreditCategory.Public ? faker.Random.Int(6, 15) : faker.Random.Int(12, 32);
                var date = new DateOnly(year, 1, 1).AddDays(faker.Random.Int(30, 330));
                count++;
                yield return new CreditRecord
                {
                    ProfessionalId = person.Id,
                    Date = date,
                    CreditYear = year,
                    Category = category,
                    SubjectCode = subject.Code,
                    SubjectName = subject.Name,
                    ModuleKey = subject.ModuleKey,
                    Activity = category == CreditCategory.Public ? ActivityType.OnlineLearning : ActivityType.ClassroomTraining,
                    Hours = CreditHours.FromHours(hours),
                    EnteredAmount = hours,
                    EnteredUnit = CreditUnit.Hour,
                    Title = $"{year} 年度{subject.Name}{(category == CreditCategory.Public ? "网络培训" : "专题培训")}",
                    Source = RecordSource.ExternalImport,
                    ExternalReference = string.Create(CultureInfo.InvariantCulture, $"{MigrationReference} {year}-{count:D2}"),
                    RecordedByName = LedgerActor.System.Name,
                    RecordedAt = now,
                    RegionCode = person.RegionCode,
                    DepartmentCode = person.DepartmentCode,
                    EmployerId = person.EmployerId,
                }.ApprovedOnEntry(LedgerActor.System, now);
            }
        }
    }

    private static CreditRecord Correction(CreditRecord wrong, Bogus.Faker faker, DateTime now)
    {
        var hours = Math.Max(1m, wrong.Hours.Hours - faker.Random.Int(2, 4));
        return new CreditRecord
        {
            ProfessionalId = wrong.ProfessionalId,
            Date = wrong.Date,
            CreditYear = wrong.CreditYear,
            Category = wrong.Category,
            SubjectCode = wrong.SubjectCode,
            SubjectName = wrong.SubjectName,
            ModuleKey = wrong.ModuleKey,
            Activity = wrong.Activity,
            Hours = CreditHours.FromHours(hours),
            EnteredAmount = hours,
            EnteredUnit = CreditUnit.Hour,
            Title = wrong.Title,
            Source = RecordSource.ManualAdjustment,
            ExternalReference = wrong.ExternalReference,
            CorrectsRecordId = wrong.Id,
            RecordedByName = LedgerActor.System.Name,
            RecordedAt = now,
            RegionCode = wrong.RegionCode,
            DepartmentCode = wrong.DepartmentCode,
            EmployerId = wrong.EmployerId,
        }.ApprovedOnEntry(LedgerActor.System, now);
    }

    [LoggerMessage(EventId = 2180, Level = LogLevel.Information, Message = "Seeded {Issued} demo certificates and {Corrected} corrections (new versions) in {ElapsedMs:0} ms")]
    private static partial void Seeded(ILogger logger, int issued, int corrected, double elapsedMs);

    private sealed record Person(Guid Id, string RegionCode, string DepartmentCode, Guid EmployerId, bool HasAccount);
}
