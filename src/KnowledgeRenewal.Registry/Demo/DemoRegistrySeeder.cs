using System.Diagnostics;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.Demo;

/// <summary>
/// Demo data: the registry's professionals (<see cref="DemoRegistry"/>, about 6,000 over the demo employers) with
/// encrypted ID numbers and phones, keyed hashes and masked forms — exactly as the API stores them — and their
/// employment history; plus the demo professional's own record (the ID number and phone of
/// <see cref="DemoAccounts"/>, linked to the <c>demo.professional</c> account), so that account sees itself.
/// Runs after the organizations and the accounts. Written in batches of 1,000 in one transaction. Idempotent:
/// people whose ID number is registered already are skipped.
/// </summary>
internal sealed partial class DemoRegistrySeeder(
    PlatformDbContext db,
    IdNumberHasher idNumbers,
    IPersonalDataProtector protector,
    TimeProvider clock,
    ILogger<DemoRegistrySeeder> logger) : IDemoDataSeeder
{
    private const int BatchSize = 1000;

    /// <summary>The demo professional's name.</summary>
    public const string DemoProfessionalName = "张思远";

    /// <inheritdoc />
    public string Key => "core.registry";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 30;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var today = ProgramCalendar.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var employers = await db.Employers.IgnoreQueryFilters()
            .Select(e => new DemoEmployerRef(e.Id, e.Code, e.Name, e.RegionCode, e.DepartmentCode))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (employers.Count == 0)
        {
            return;
        }

        var registered = (await db.Professionals.IgnoreQueryFilters().Select(p => p.IdNumberHash).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        var people = new List<DemoProfessional>(DemoRegistry.Count + 1);
        if (Own(employers, today) is { } own)
        {
            people.Add(own);
        }

        people.AddRange(DemoRegistry.Generate(context.Faker, employers, today));
        var userName = DemoAccounts.All.First(a => a.Role == PlatformRoles.Professional).UserName;
        var account = await db.Users.IgnoreQueryFilters()
            .Where(u => u.UserName == userName)
            .Select(u => (Guid?)u.Id)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var written = 0;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var batch in people.Chunk(BatchSize))
            {
                foreach (var person in batch)
                {
                    var hash = idNumbers.Hash(person.IdNumber);
                    if (!registered.Add(hash))
                    {
                        continue;
                    }

                    var professional = ToEntity(person, hash, now);
                    if (person.IdNumber.Value == DemoAccounts.ProfessionalIdNumber)
                    {
                        professional.UserId = account;
                    }

                    db.Professionals.Add(professional);
                    db.Employments.AddRange(person.Employments.Select(e => new Employment
                    {
                        ProfessionalId = professional.Id,
                        EmployerId = e.EmployerId,
                        StartedOn = e.StartedOn,
                        EndedOn = e.EndedOn,
                        RecordedAt = now,
                    }));
                    written++;
                }

                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Seeded(logger, written, elapsed);
    }

    private Professional ToEntity(DemoProfessional person, string hash, DateTime now) => new()
    {
        IdNumberHash = hash,
        IdNumberCipher = protector.Protect(person.IdNumber.Value),
        IdNumberMasked = person.IdNumber.Masked,
        Name = person.Name,
        Gender = person.Gender,
        BirthDate = person.IdNumber.BirthDate,
        PhoneCipher = person.Phone is null ? null : protector.Protect(person.Phone),
        PhoneMasked = person.Phone is null ? null : MobileNumber.Mask(person.Phone),
        EmployerId = person.Employments[^1].EmployerId,
        RegionCode = person.RegionCode,
        DepartmentCode = person.DepartmentCode,
        TitleSeries = person.TitleSeries,
        TitleLevel = person.TitleLevel,
        Specialty = person.Specialty,
        Education = person.Education,
        Status = person.Status,
        CreatedAt = now,
        UpdatedAt = now,
    };

    // The demo professional account's own record, at the demo employer.
    private static DemoProfessional? Own(List<DemoEmployerRef> employers, DateOnly today)
    {
        var employer = employers.FirstOrDefault(e => e.Name == DemoOrganizations.DemoEmployer);
        if (employer is null || !ResidentIdNumber.TryParse(DemoAccounts.ProfessionalIdNumber, today, out var idNumber, out _))
        {
            return null;
        }

        return new DemoProfessional(
            idNumber,
            DemoProfessionalName,
            idNumber.IsMale ? Gender.Male : Gender.Female,
            DemoAccounts.ProfessionalPhone,
            employer.RegionCode,
            employer.DepartmentCode ?? Departments.Health,
            "卫生技术",
            TitleLevel.Intermediate,
            "临床医学",
            EducationLevel.Master,
            ProfessionalStatus.Active,
            [new DemoEmployment(employer.Id, new DateOnly(2014, 7, 1), null)]);
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Seeded {Count} demo professionals in {ElapsedMs:0} ms")]
    private static partial void Seeded(ILogger logger, int count, double elapsedMs);
}
