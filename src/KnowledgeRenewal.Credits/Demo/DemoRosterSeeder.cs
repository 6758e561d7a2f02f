using KnowledgeRenewal.Registry.Domain;
using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Demo;

/// <summary>
/// Demo data: the demo providers' classes 2023–2026 and the rosters of the finished ones (<see cref="DemoRosters"/>),
/// recorded as a roster upload records them — approved on entry by the provider, a day-overload flag leaving a few
/// pending — so the demo professionals have several years of hours and compliance to look at. Runs after the
/// registry (order 40). Classes through EF; records with prepared statements (<see cref="RosterBulkWriter"/>) in
/// the same transaction with their audit records and the ledger change. Idempotent: once seeded classes (classes
/// without a creator) exist, it does nothing.
/// </summary>
public sealed partial class DemoRosterSeeder(
    PlatformDbContext db,
    ModuleRegistry modules,
    LedgerChanges ledgerChanges,
    IBulkAuditWriter auditWriter,
    TimeProvider clock,
    ILogger<DemoRosterSeeder> logger) : IDemoDataSeeder
{
    /// <inheritdoc />
    public string Key => "core.rosters";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 40;

    private static readonly ProjectStatus[] ProjectsWithClasses = [ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Archived];

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ProgramCalendar.Today(clock);
        var providers = await db.TrainingProviders.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(p => p.Code)
            .Select(p => new DemoProviderRef(p.Id, p.Name, p.RegionCode, p.DepartmentCode))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var people = (await db.Professionals.IgnoreQueryFilters().AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.BirthDate, p.PhoneMasked, p.RegionCode, p.DepartmentCode, p.EmployerId, p.Status })
            .ToListAsync(cancellationToken).ConfigureAwait(false))

            // In an order the demo seed fixes (not the ids, not the installation's hash key).
            .OrderBy(p => p.IdNumberMasked, StringComparer.Ordinal).ThenBy(p => p.BirthDate).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.PhoneMasked, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => new DemoTrainee(new RosterPerson(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.DepartmentCode, p.EmployerId), p.Status))
            .ToList();
        // Classes created through the API always name their creator; seeded ones do not. Once there are seeded
        // classes, the demo has its rosters (a later run sees more people and providers and would plan differently).
        if (providers.Count == 0 || people.Count == 0 || await db.TrainingClasses.IgnoreQueryFilters().AnyAsync(c => c.CreatedByUserId == null, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var subjects = await db.Subjects.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status == SubjectStatus.Active)
            .OrderBy(s => s.Id)
            .Select(s => new DemoSubjectRef(s.Code, s.Name, s.Category, s.ModuleKey))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var sectors = people.Select(p => p.Person.DepartmentCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(department => modules.FindEnabledForDepartment(department) is { } module
                ? new DemoSector(
                    department,
                    module.Key,
                    [.. subjects.Where(s => s.ModuleKey == module.Key && s.Category == CreditCategory.Professional)],
                    [.. module.Module.CreditClasses.Select(c => c.Key)])
                : null)
            .OfType<DemoSector>()
            .ToList();
        // The demo projects that have started (seeded before, Order 35) run one class each.
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.ProviderId != null && ProjectsWithClasses.Contains(p.Status))
            .OrderBy(p => p.Number)
            .Select(p => new DemoProjectRef(p.Id, p.Number, p.ProviderId!.Value, p.DepartmentCode, p.StartDate, p.EndDate))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var plan = DemoRosters.Generate(
            context.Faker, providers, people, [.. subjects.Where(s => s.Category == CreditCategory.Public && s.ModuleKey is null)], sectors, context.FirstYear, context.LastYear, today, now, projects);

        var planned = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var classes = plan.Classes;
        var names = providers.ToDictionary(p => p.Id, p => p.Name);
        var written = 0;

        // SQLite: a 64 MB page cache while the records go in (their eight indexes take keys in random order), then the
        // default again on the pooled connection.
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", cancellationToken).ConfigureAwait(false);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            db.TrainingClasses.AddRange(classes);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();

            var changed = new HashSet<PersonYear>();
            var audit = new List<AuditEntry>();
            using (var writer = new RosterBulkWriter(db))
            {
                foreach (var roster in plan.Attendances.GroupBy(a => a.Class))
                {
                    var trainingClass = roster.Key;
                    var actor = new LedgerActor(null, names[trainingClass.ProviderId]);
                    var file = string.Create(CultureInfo.InvariantCulture, $"{trainingClass.Title}学员名单.xlsx");
                    var keys = new List<Guid>();
                    foreach (var attendance in roster)
                    {
                        var record = Record(attendance, file, actor, now);
                        writer.Add(record, correction: false);
                        keys.Add(record.Id);
                        changed.Add(new PersonYear(record.ProfessionalId, record.CreditYear));
                        written++;
                    }

                    audit.Add(new AuditEntry(
                        new AuditActor(null, "system", null, trainingClass.ProviderId, null, null, null),
                        new AuditEvent(
                            AuditActions.DataCreated,
                            AuditOutcome.Success,
                            nameof(CreditRecord),
                            AuditKeys.Join(keys),
                            string.Create(CultureInfo.InvariantCulture, $"count={keys.Count}; class={trainingClass.Id:D}; demo={Key}"))));
                }

                writer.Flush();
            }

            await auditWriter.AppendAsync(db, audit, cancellationToken).ConfigureAwait(false);
            await ledgerChanges.PublishAsync(db, changed, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", cancellationToken).ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Seeded(logger, classes.Count, written, elapsed, planned);
    }

    // The record a roster upload would write for the row (approved on entry unless flagged).
    private static CreditRecord Record(DemoAttendance attendance, string file, LedgerActor actor, DateTime now)
    {
        var trainingClass = attendance.Class;
        var person = attendance.Trainee.Person;
        var change = new RosterChange(
            attendance.Row,
            person,
            new RosterCandidate(attendance.Row, "", person.Name, attendance.Hours.Hours, attendance.Hours, trainingClass.Category, trainingClass.SubjectCode),
            attendance.Subject,
            RosterAction.Create,
            null,
            attendance.Flag,
            attendance.FlagDetail);
        var record = RosterRowRules.ToRecord(change, trainingClass, new RosterUpload(null, file), actor, now);
        return record;
    }

    [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "Seeded {Classes} demo classes and {Records} roster records in {Elapsed:F0} ms (reading and planning {Planned:F0} ms)")]
    private static partial void Seeded(ILogger logger, int classes, int records, double elapsed, double planned);
}
