using System.Diagnostics;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Demo;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.Demo;

/// <summary>
/// Demo digital-technology-engineer pipeline: a catalog of four training institutions (the demo provider 济宁医学院
/// among them, one whose listing has expired) and two evaluation institutions, then <see cref="Trainees"/> people
/// of the registry (the demo professional first) with a training each — most passed, with a training-qualified
/// certificate; many evaluated by an evaluation institution, the passed ones with a level certificate; and subsidy
/// claims in every state on part of the training certificates (the demo professional's own left unclaimed, to walk
/// it). Everything goes through the rules of <see cref="DigitalEngineerRules"/>, in one transaction. Runs after the
/// registry (Order 60); deterministic (the seeder's faker, people in a fixed order); skipped when a catalog exists.
/// </summary>
internal sealed partial class DigitalEngineerDemoSeeder(PlatformDbContext db, TimeProvider clock, ILogger<DigitalEngineerDemoSeeder> logger) : IDemoDataSeeder
{
    /// <summary>People trained in the demo city.</summary>
    public const int Trainees = 300;

    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];
    private static readonly DateOnly ListedFrom = new(2023, 7, 1);

    // (organization name, kind, valid to, fields (null: all), levels (null: all)).
    private static readonly (string Name, InstitutionKind Kind, DateOnly ValidTo, DigitalField[]? Fields, DigitalLevel[]? Levels)[] Catalog =
    [
        ("济宁市数字技术工程师培训中心", InstitutionKind.Training, new DateOnly(2028, 6, 30), null, null),
        (DemoOrganizations.DemoProvider, InstitutionKind.Training, new DateOnly(2028, 6, 30), [DigitalField.ArtificialIntelligence, DigitalField.BigData], [DigitalLevel.Junior, DigitalLevel.Intermediate]),
        ("山东理工职业学院", InstitutionKind.Training, new DateOnly(2028, 6, 30), [DigitalField.SmartManufacturing, DigitalField.IndustrialInternet, DigitalField.InternetOfThings], null),
        ("济宁职业技术学院", InstitutionKind.Training, new DateOnly(2025, 6, 30), [DigitalField.CloudComputing, DigitalField.DigitalManagement, DigitalField.VirtualReality, DigitalField.Blockchain], [DigitalLevel.Junior, DigitalLevel.Intermediate]),
        ("济宁技师学院", InstitutionKind.Evaluation, new DateOnly(2028, 6, 30), null, null),
        ("曲阜师范大学", InstitutionKind.Evaluation, new DateOnly(2028, 6, 30), [DigitalField.ArtificialIntelligence, DigitalField.BigData, DigitalField.CloudComputing, DigitalField.VirtualReality, DigitalField.Blockchain, DigitalField.IntegratedCircuits], null),
    ];

    /// <inheritdoc />
    public string Key => "digital-engineers.demo";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 60;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.DigitalInstitutions.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var faker = context.Faker;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ProgramCalendar.Today(clock);
        var institutions = await CatalogAsync(now, cancellationToken).ConfigureAwait(false);
        if (institutions.Count == 0)
        {
            return;
        }

        var people = await PeopleAsync(faker, cancellationToken).ConfigureAwait(false);
        var trainers = institutions.Where(i => i.Kind == InstitutionKind.Training).ToList();
        var evaluators = institutions.Where(i => i.Kind == InstitutionKind.Evaluation).ToList();
        var serials = new Dictionary<(DigitalCertificateKind, int), int>();
        var county = DemoAccounts.All.First(a => a.Role == PlatformRoles.CountyAdmin);
        var counts = new int[4];
        var own = true;
        foreach (var person in people)
        {
            var trainer = own ? trainers.First(t => t.OrganizationName == "济宁市数字技术工程师培训中心") : faker.PickRandom(trainers);
            var scope = own ? new DigitalInstitutionScope { Field = DigitalField.BigData, Level = DigitalLevel.Intermediate } : faker.PickRandom(trainer.Scopes.ToList());
            var lastStart = Min(trainer.ValidTo, today).AddDays(-30);
            var span = lastStart.DayNumber - ListedFrom.DayNumber;
            if (span <= 0)
            {
                continue;
            }

            var start = ListedFrom.AddDays(faker.Random.Int(0, span));
            var end = start.AddDays(faker.Random.Int(2, 25));
            var passed = own || faker.Random.Bool(0.85f);
            var staff = new DigitalActor(null, trainer.OrganizationName + "经办人");
            var training = DigitalEngineerRules.Train(person, trainer, scope.Field, scope.Level, start, end, faker.Random.Int(2, 16) * 8, passed, staff, At(end));
            db.DigitalTrainings.Add(training);
            counts[0]++;
            if (!passed)
            {
                own = false;
                continue;
            }

            var issued = Min(end.AddDays(faker.Random.Int(1, 10)), Min(today, trainer.ValidTo));
            var certificate = DigitalEngineerRules.IssueTrainingCertificate(training, trainer, person, Number(serials, DigitalCertificateKind.TrainingQualified, training, issued), issued, staff, At(issued));
            db.DigitalCertificates.Add(certificate);
            counts[2]++;
            if (!own && faker.Random.Bool(0.6f))
            {
                AddClaim(faker, certificate, person, county, issued, today);
                counts[3]++;
            }

            var evaluator = evaluators.Where(e => e.Covers(training.Field, training.Level)).ToList();
            if (evaluator.Count > 0 && (own || faker.Random.Bool(0.7f)))
            {
                var chosen = faker.PickRandom(evaluator);
                var on = Min(end.AddDays(faker.Random.Int(7, 60)), today);
                var judge = new DigitalActor(null, chosen.OrganizationName + "考评员");
                var evaluation = DigitalEngineerRules.Evaluate(training, alreadyPassed: false, chosen, on, own ? 86 : faker.Random.Int(45, 98), judge, At(on));
                db.DigitalEvaluations.Add(evaluation);
                counts[1]++;
                if (evaluation.Passed)
                {
                    var levelIssued = Min(on.AddDays(faker.Random.Int(3, 20)), today);
                    db.DigitalCertificates.Add(DigitalEngineerRules.IssueLevelCertificate(
                        training, evaluation, chosen, person, Number(serials, DigitalCertificateKind.ProfessionalLevel, training, levelIssued), levelIssued, judge, At(levelIssued)));
                    counts[2]++;
                }
            }

            own = false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Seeded(logger, counts[0], counts[1], counts[2], counts[3], elapsedMs);
    }

    // Claims in every state: the person filed it; 任城区 claims are decided by the demo county account, others by the office.
    private void AddClaim(Bogus.Faker faker, DigitalCertificate certificate, CertificateHolder person, DemoAccount county, DateOnly issued, DateOnly today)
    {
        var filed = Min(issued.AddDays(faker.Random.Int(1, 30)), today);
        var claim = DigitalEngineerRules.Claim(certificate, claimed: false, null, new DigitalActor(null, person.NameMasked), At(filed));
        var decider = person.RegionCode == "370811" ? county.UserName : DemoAccounts.All[0].UserName;
        var roll = faker.Random.Int(0, 9);
        if (roll >= 2)
        {
            var decided = Min(filed.AddDays(faker.Random.Int(3, 20)), today);
            var approve = roll >= 3;
            claim.Decide(approve, null, decider, At(decided), approve ? "材料齐全，符合补贴条件" : "未提供社会保障卡信息，请补正后重新申领");
            if (approve && roll >= 6)
            {
                var paid = Min(decided.AddDays(faker.Random.Int(5, 30)), today);
                claim.Pay(null, decider, At(paid), "JNBT-" + certificate.Number[5..]);
            }
        }

        db.SubsidyClaims.Add(claim);
    }

    private async Task<List<DigitalInstitution>> CatalogAsync(DateTime now, CancellationToken cancellationToken)
    {
        var names = Catalog.Select(c => c.Name).ToArray();
        var organizations = await db.Organizations.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(o => names.Contains(o.Name))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var institutions = new List<DigitalInstitution>();
        foreach (var (name, kind, validTo, fields, levels) in Catalog)
        {
            var organization = organizations.FirstOrDefault(o => o.Name == name);
            if (organization is null || DigitalEngineerRules.CheckListable(organization.Type, organization.Name) is not null)
            {
                continue;
            }

            var institution = new DigitalInstitution
            {
                Id = Guid.CreateVersion7(now),
                OrganizationId = organization.Id,
                OrganizationCode = organization.Code,
                OrganizationName = organization.Name,
                RegionCode = organization.RegionCode,
                Kind = kind,
                ValidFrom = ListedFrom,
                ValidTo = validTo,
                ListedAt = now,
                ListedByName = DemoAccounts.All[0].UserName,
                UpdatedAt = now,
                UpdatedByName = DemoAccounts.All[0].UserName,
            };
            foreach (var field in fields ?? [.. DigitalEngineerCatalog.Fields.Select(f => f.Field)])
            {
                foreach (var level in levels ?? DigitalEngineerCatalog.Levels)
                {
                    institution.Scopes.Add(new DigitalInstitutionScope { InstitutionId = institution.Id, Field = field, Level = level });
                }
            }

            db.DigitalInstitutions.Add(institution);
            institutions.Add(institution);
        }

        return institutions;
    }

    // The demo professional's own record first, then active people of the registry in a fixed order, shuffled.
    private async Task<List<CertificateHolder>> PeopleAsync(Bogus.Faker faker, CancellationToken cancellationToken)
    {
        var ownUser = DemoAccounts.All.First(a => a.Role == PlatformRoles.Professional).UserName;
        var ownAccount = await db.Users.IgnoreQueryFilters()
            .Where(u => u.UserName == ownUser)
            .Select(u => (Guid?)u.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var active = await db.Professionals.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Status == ProfessionalStatus.Active)
            .OrderBy(p => p.Name).ThenBy(p => p.IdNumberMasked).ThenBy(p => p.BirthDate)
            .Select(p => new { Holder = new CertificateHolder(p.Id, p.Name, p.IdNumberMasked, p.RegionCode, p.DepartmentCode), p.UserId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var own = active.Where(p => ownAccount is not null && p.UserId == ownAccount).Take(1).Select(p => p.Holder).ToList();
        var others = faker.Random.Shuffle(active.Where(p => !own.Contains(p.Holder)).Select(p => p.Holder)).Take(Trainees - own.Count);
        return [.. own, .. others];
    }

    private static string Number(Dictionary<(DigitalCertificateKind, int), int> serials, DigitalCertificateKind kind, DigitalTraining training, DateOnly issued)
    {
        var serial = serials.GetValueOrDefault((kind, issued.Year)) + 1;
        serials[(kind, issued.Year)] = serial;
        return DigitalCertificateNumbers.Format(kind, issued.Year, training.Field, training.Level, serial);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    // 10:00 China time of a day, in UTC.
    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Seeded {Trainings} demo digital-engineer trainings, {Evaluations} evaluations, {Certificates} certificates and {Claims} subsidy claims in {ElapsedMs:F0} ms")]
    private static partial void Seeded(ILogger logger, int trainings, int evaluations, int certificates, int claims, double elapsedMs);
}
