using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Credits.Web;
namespace KnowledgeRenewal.Credits.Demo;

/// <summary>A demo training provider.</summary>
/// <param name="Id">The provider.</param>
/// <param name="Name">Its name.</param>
/// <param name="RegionCode">Its region.</param>
/// <param name="DepartmentCode">The sector it mainly trains, if any.</param>
public sealed record DemoProviderRef(Guid Id, string Name, string RegionCode, string? DepartmentCode);

/// <summary>A demo professional as the rosters need them.</summary>
/// <param name="Person">The person as a roster sees them.</param>
/// <param name="Status">在职, 退休 or 离职.</param>
public sealed record DemoTrainee(RosterPerson Person, ProfessionalStatus Status);

/// <summary>A catalog subject.</summary>
/// <param name="Code">Its code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Category">Public or professional.</param>
/// <param name="ModuleKey">The module whose catalog it is in (null: public).</param>
public sealed record DemoSubjectRef(string Code, string Name, CreditCategory Category, string? ModuleKey);

/// <summary>A sector with a module: its professional subjects and the module's credit classes.</summary>
/// <param name="DepartmentCode">The sector.</param>
/// <param name="ModuleKey">Its module.</param>
/// <param name="Subjects">The module's professional subjects.</param>
/// <param name="CreditClasses">The module's credit classes (may be empty).</param>
public sealed record DemoSector(string DepartmentCode, string ModuleKey, IReadOnlyList<DemoSubjectRef> Subjects, IReadOnlyList<string> CreditClasses);

/// <summary>A demo program project that runs classes: its host provider, sector and dates.</summary>
/// <param name="Id">The project.</param>
/// <param name="Number">Its number (for the class title).</param>
/// <param name="ProviderId">Its host provider.</param>
/// <param name="DepartmentCode">Its sector, if any.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day.</param>
public sealed record DemoProjectRef(Guid Id, string Number, Guid ProviderId, string? DepartmentCode, DateOnly StartDate, DateOnly EndDate);

/// <summary>One demo roster row: who attended which class, for how many hours, flagged or not.</summary>
/// <param name="Class">The class.</param>
/// <param name="Trainee">The person.</param>
/// <param name="Hours">Hours credited.</param>
/// <param name="Subject">What it is recorded under.</param>
/// <param name="Row">The row of the class's roster.</param>
/// <param name="Flag">Why it waits for review, if it does.</param>
/// <param name="FlagDetail">What the flag found.</param>
public sealed record DemoAttendance(TrainingClass Class, DemoTrainee Trainee, CreditHours Hours, RosterSubject Subject, int Row, RecordWarning? Flag, string? FlagDetail);

/// <summary>The demo classes and their rosters.</summary>
/// <param name="Classes">Every class (planned, finished, cancelled).</param>
/// <param name="Attendances">The rows of the finished classes' rosters, class by class.</param>
public sealed record DemoRosterPlan(IReadOnlyList<TrainingClass> Classes, IReadOnlyList<DemoAttendance> Attendances);

/// <summary>
/// The demo city's training classes 2023–2026 and their rosters, generated deterministically from a seeded faker:
/// each year public classes (offline and online) by every kind of provider and professional classes of the sectors
/// that have a module, by the providers of that sector; past classes are finished and have rosters, a few were
/// cancelled, later ones are planned. Most people attend 2–6 classes a year (not overlapping one another); about one
/// in ten attends fewer and falls short of the yearly requirement; people of sectors without a module only attend
/// public classes. A handful attend a weekend class of another provider on the days of one of their classes: those
/// records are pending with a day-overload flag, as a real upload would leave them.
/// </summary>
public static class DemoRosters
{
    /// <summary>Public classes a year.</summary>
    public const int PublicClassesPerYear = 18;

    /// <summary>Professional classes a year per sector with a module (weighted by how many people it has).</summary>
    public const int ProfessionalClassesPerYear = 10;

    /// <summary>Classes planned for the coming weeks (no roster yet).</summary>
    public const int UpcomingClasses = 6;

    /// <summary>People given an overlapping weekend class (flagged).</summary>
    public const int FlaggedOverlaps = 12;

    private static readonly string[] PublicFormats = ["{0}专题培训班", "{0}专题讲座", "{0}网络专题课程", "{0}公需科目轮训班"];
    private static readonly string[] ProfessionalFormats = ["{0}培训班", "{0}高级研修班", "{0}专题研讨班", "{0}线上课程", "{0}技能提升班"];

    /// <summary>Generates the classes and rosters (a class's rows are in roster order).</summary>
    public static DemoRosterPlan Generate(
        Bogus.Faker faker, IReadOnlyList<DemoProviderRef> providers, IReadOnlyList<DemoTrainee> people, IReadOnlyList<DemoSubjectRef> publicSubjects,
        IReadOnlyList<DemoSector> sectors, int firstYear, int lastYear, DateOnly today, DateTime now, IReadOnlyList<DemoProjectRef>? projects = null)
    {
        ArgumentNullException.ThrowIfNull(faker);
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(publicSubjects);
        ArgumentNullException.ThrowIfNull(sectors);
        var classes = new List<TrainingClass>();
        var attendances = new List<DemoAttendance>();
        if (providers.Count == 0 || publicSubjects.Count == 0)
        {
            return new DemoRosterPlan(classes, attendances);
        }

        var sectorByDepartment = sectors.ToDictionary(s => s.DepartmentCode, StringComparer.Ordinal);
        var sizes = people.GroupBy(p => p.Person.DepartmentCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var largest = sectors.Select(s => sizes.GetValueOrDefault(s.DepartmentCode)).DefaultIfEmpty(1).Max();
        for (var year = firstYear; year <= lastYear; year++)
        {
            for (var i = 0; i < PublicClassesPerYear; i++)
            {
                classes.Add(PublicClass(faker, providers, publicSubjects, year, now));
            }

            foreach (var sector in sectors)
            {
                var count = Math.Max(3, (int)Math.Round(ProfessionalClassesPerYear * Math.Sqrt((double)sizes.GetValueOrDefault(sector.DepartmentCode) / Math.Max(1, largest))));
                var own = providers.Where(p => p.DepartmentCode == sector.DepartmentCode).ToList();
                for (var i = 0; i < count && sector.Subjects.Count > 0; i++)
                {
                    classes.Add(ProfessionalClass(faker, own.Count > 0 ? own : providers, sector, year, now));
                }
            }
        }

        // The classes of the program projects that have started: one each, run by the host within the project's dates.
        var projectClasses = new HashSet<Guid>();
        foreach (var project in projects ?? [])
        {
            var host = providers.FirstOrDefault(p => p.Id == project.ProviderId);
            if (host is not null)
            {
                var projectClass = ProjectClass(faker, host, project, project.DepartmentCode is { } d ? sectorByDepartment.GetValueOrDefault(d) : null, publicSubjects, now);
                classes.Add(projectClass);
                projectClasses.Add(projectClass.Id);
            }
        }

        // What providers have planned for the coming weeks.
        for (var i = 0; i < UpcomingClasses; i++)
        {
            var start = today.AddDays(faker.Random.Int(7, 90));
            classes.Add(i % 2 == 0 || sectors.Count == 0
                ? PublicClass(faker, providers, publicSubjects, start.Year, now, start)
                : ProfessionalClass(faker, providers, sectors[i % sectors.Count], start.Year, now, start));
        }

        foreach (var trainingClass in classes)
        {
            trainingClass.Status = trainingClass.EndDate < today
                ? (faker.Random.Int(0, 99) < 3 && !projectClasses.Contains(trainingClass.Id) ? TrainingClassStatus.Cancelled : TrainingClassStatus.Finished)
                : TrainingClassStatus.Planned;
        }

        var rows = new Dictionary<Guid, int>();
        var names = publicSubjects.Concat(sectors.SelectMany(s => s.Subjects)).DistinctBy(s => s.Code).ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        var byYear = classes.Where(c => c.Status == TrainingClassStatus.Finished).GroupBy(c => c.EndDate.Year).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var trainee in people)
        {
            sectorByDepartment.TryGetValue(trainee.Person.DepartmentCode, out var sector);
            for (var year = firstYear; year <= lastYear; year++)
            {
                if (!byYear.TryGetValue(year, out var finished) || !Attends(trainee, year, today))
                {
                    continue;
                }

                var open = finished.Where(c => (c.RegionCode is null || c.RegionCode == trainee.Person.RegionCode)
                    && (c.DepartmentCode is null || c.DepartmentCode == trainee.Person.DepartmentCode)).ToList();
                var shuffled = faker.Random.Shuffle(open).ToList();
                var chosen = shuffled.Where(c => c.Category == CreditCategory.Public).Take(1).ToList();
                var wanted = faker.Random.Int(0, 99) switch
                {
                    < 10 => 1,
                    < 25 => 2,
                    _ => faker.Random.Int(3, 6),
                };

                // At least one public class when there is one, then any they may attend that does not clash.
                foreach (var candidate in shuffled)
                {
                    if (chosen.Count >= wanted)
                    {
                        break;
                    }

                    if (!chosen.Any(c => c.Overlaps(candidate.StartDate, candidate.EndDate)))
                    {
                        chosen.Add(candidate);
                    }
                }

                foreach (var trainingClass in chosen.OrderBy(c => c.EndDate))
                {
                    attendances.Add(Attendance(faker, trainingClass, trainee, sector, names, rows, null, null));
                }
            }
        }

        AddOverlaps(faker, providers, classes, attendances, sectorByDepartment, names, rows, now);
        return new DemoRosterPlan(classes, [.. attendances.OrderBy(a => a.Class.EndDate).ThenBy(a => a.Class.Id).ThenBy(a => a.Row)]);
    }

    // Retired people trained until the year before they retired (about); people who left, until the year before now.
    private static bool Attends(DemoTrainee trainee, int year, DateOnly today) => trainee.Status switch
    {
        ProfessionalStatus.Retired => year < today.Year - 1,
        ProfessionalStatus.Left => year < today.Year,
        _ => true,
    };

    private static DemoAttendance Attendance(Bogus.Faker faker, TrainingClass trainingClass, DemoTrainee trainee, DemoSector? sector, Dictionary<string, string> names, Dictionary<Guid, int> rows, RecordWarning? flag, string? detail)
    {
        var row = rows[trainingClass.Id] = rows.GetValueOrDefault(trainingClass.Id, 1) + 1;

        // Most attend the whole class; some missed part of it (credited in half hours).
        var hours = trainingClass.Hours;
        if (faker.Random.Int(0, 99) < 12)
        {
            var part = Math.Max(0.5m, Math.Round(trainingClass.Hours.Hours * faker.Random.Int(50, 90) / 100m * 2m, MidpointRounding.AwayFromZero) / 2m);
            hours = CreditHours.FromHours(Math.Min(part, trainingClass.Hours.Hours));
        }

        // As an upload records it: the subject's module, for a public subject the person's.
        var module = sector?.ModuleKey;
        var subjectName = trainingClass.SubjectCode is { } code ? names.GetValueOrDefault(code) : null;
        if (subjectName is { Length: > 64 })
        {
            subjectName = subjectName[..64];
        }

        var creditClass = trainingClass.CreditClass is { } key && sector is not null && sector.CreditClasses.Contains(key) ? key : null;
        return new DemoAttendance(trainingClass, trainee, hours, new RosterSubject(trainingClass.SubjectCode, subjectName, module, creditClass), row, flag, detail);
    }

    // A weekend class of another provider on the days of one of a person's offline classes: 2 days of 8 hours each
    // next to a class of 8 hours a day — the platform flags it (day overload) and leaves it for review.
    private static void AddOverlaps(
        Bogus.Faker faker, IReadOnlyList<DemoProviderRef> providers, List<TrainingClass> classes, List<DemoAttendance> attendances,
        Dictionary<string, DemoSector> sectors, Dictionary<string, string> names, Dictionary<Guid, int> rows, DateTime now)
    {
        var hosts = attendances
            .Where(a => a.Class is { Mode: DeliveryMode.Offline, Category: CreditCategory.Professional } c && c.HoursPerDay.Hours >= 6m && c.Days >= 2 && c.EndDate.Year == 2025)
            .ToList();
        var used = new HashSet<Guid>();
        foreach (var host in faker.Random.Shuffle(hosts))
        {
            if (used.Count >= FlaggedOverlaps)
            {
                break;
            }

            if (!used.Add(host.Trainee.Person.Id) || !sectors.TryGetValue(host.Trainee.Person.DepartmentCode, out var sector))
            {
                continue;
            }

            var other = providers.Where(p => p.Id != host.Class.ProviderId).ToList();
            var provider = Pick(faker, other);
            var subject = Pick(faker, sector.Subjects);
            var weekend = new TrainingClass
            {
                Id = DemoId(faker),
                ProviderId = provider.Id,
                Title = Title(string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}（周末班）", subject.Name)),
                StartDate = host.Class.StartDate,
                EndDate = host.Class.StartDate.AddDays(1),
                Hours = CreditHours.FromHours(16m),
                Category = CreditCategory.Professional,
                SubjectCode = subject.Code,
                Activity = ActivityType.ClassroomTraining,
                Mode = DeliveryMode.Offline,
                DepartmentCode = sector.DepartmentCode,
                Status = TrainingClassStatus.Finished,
                CreatedAt = now,
            };
            classes.Add(weekend);
            var hostView = new OverlappingClass(host.Class.Id, host.Class.Title, providers.First(p => p.Id == host.Class.ProviderId).Name, host.Class.StartDate, host.Class.EndDate, host.Class.HoursPerDay);
            var overload = RosterOverlap.For(weekend, [hostView]);
            var detail = overload?.Describe();
            if (detail is { Length: > CreditRecord.ReasonLength })
            {
                detail = detail[..(CreditRecord.ReasonLength - 1)] + "…";
            }

            attendances.Add(Attendance(faker, weekend, host.Trainee, sector, names, rows, overload is null ? null : RecordWarning.DayOverload, detail));
        }
    }

    private static TrainingClass PublicClass(Bogus.Faker faker, IReadOnlyList<DemoProviderRef> providers, IReadOnlyList<DemoSubjectRef> subjects, int year, DateTime now, DateOnly? from = null)
    {
        var provider = Pick(faker, providers);
        var subject = Pick(faker, subjects);
        var online = faker.Random.Int(0, 99) < 40;
        var (days, hours) = online ? (faker.Random.Int(14, 30), faker.Random.Int(6, 24)) : Offline(faker);
        var start = from ?? StartIn(faker, year, days);

        // The county continuing-education centres train their own county's people.
        var county = provider.Name.Contains("继续教育培训中心", StringComparison.Ordinal) && provider.RegionCode != JiningReferenceData.CityCode ? provider.RegionCode : null;
        return new TrainingClass
        {
            Id = DemoId(faker),
            ProviderId = provider.Id,
            Title = Title(string.Format(System.Globalization.CultureInfo.InvariantCulture, faker.PickRandom(PublicFormats), subject.Name) + (online ? "" : $"（{year}年第{faker.Random.Int(1, 4)}期）")),
            StartDate = start,
            EndDate = start.AddDays(days - 1),
            Hours = CreditHours.FromHours(hours),
            Category = CreditCategory.Public,
            SubjectCode = subject.Code,
            Activity = online ? ActivityType.OnlineLearning : ActivityType.ClassroomTraining,
            Mode = online ? DeliveryMode.Online : DeliveryMode.Offline,
            RegionCode = county,
            CreatedAt = now,
        };
    }

    private static TrainingClass ProfessionalClass(Bogus.Faker faker, IReadOnlyList<DemoProviderRef> providers, DemoSector sector, int year, DateTime now, DateOnly? from = null)
    {
        var provider = Pick(faker, providers);
        var subject = Pick(faker, sector.Subjects);
        var roll = faker.Random.Int(0, 99);
        var (mode, activity) = roll switch
        {
            < 60 => (DeliveryMode.Offline, ActivityType.ClassroomTraining),
            < 75 => (DeliveryMode.Offline, ActivityType.AdvancedSeminar),
            < 92 => (DeliveryMode.Online, ActivityType.OnlineLearning),
            _ => (DeliveryMode.Mixed, ActivityType.ClassroomTraining),
        };
        var (days, hours) = mode == DeliveryMode.Online ? (faker.Random.Int(10, 30), faker.Random.Int(8, 30)) : Offline(faker);
        var start = from ?? StartIn(faker, year, days);
        var format = activity == ActivityType.AdvancedSeminar ? "{0}高级研修班" : mode == DeliveryMode.Online ? "{0}线上课程" : faker.PickRandom(ProfessionalFormats);
        return new TrainingClass
        {
            Id = DemoId(faker),
            ProviderId = provider.Id,
            Title = Title(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, subject.Name)),
            StartDate = start,
            EndDate = start.AddDays(days - 1),
            Hours = CreditHours.FromHours(hours),
            Category = CreditCategory.Professional,
            SubjectCode = subject.Code,
            Activity = activity,
            CreditClass = sector.CreditClasses.Count > 0 && faker.Random.Int(0, 99) < 60 ? sector.CreditClasses[0] : null,
            Mode = mode,
            DepartmentCode = sector.DepartmentCode,
            CreatedAt = now,
        };
    }

    // A project's class: professional in its sector's catalog where the sector has a module, public otherwise; its
    // dates those of the project (at most five days, eight hours a day).
    private static TrainingClass ProjectClass(Bogus.Faker faker, DemoProviderRef host, DemoProjectRef project, DemoSector? sector, IReadOnlyList<DemoSubjectRef> publicSubjects, DateTime now)
    {
        var trainingClass = sector is { Subjects.Count: > 0 }
            ? ProfessionalClass(faker, [host], sector, project.StartDate.Year, now, project.StartDate)
            : PublicClass(faker, [host], publicSubjects, project.StartDate.Year, now, project.StartDate);
        var days = Math.Min(5, project.EndDate.DayNumber - project.StartDate.DayNumber + 1);
        trainingClass.ProjectId = project.Id;
        trainingClass.Title = Title($"{trainingClass.Title}（{project.Number}）");
        trainingClass.EndDate = project.StartDate.AddDays(days - 1);
        trainingClass.Hours = CreditHours.FromHours(days * 8m);
        trainingClass.Mode = DeliveryMode.Offline;
        trainingClass.Activity = trainingClass.Category == CreditCategory.Professional ? ActivityType.AdvancedSeminar : ActivityType.ClassroomTraining;
        return trainingClass;
    }

    // Offline classes: 1–5 days of 6 or 8 hours.
    private static (int Days, decimal Hours) Offline(Bogus.Faker faker)
    {
        var days = faker.Random.WeightedRandom([1, 2, 3, 4, 5], [0.3f, 0.3f, 0.25f, 0.1f, 0.05f]);
        return (days, days * faker.PickRandom(6m, 8m));
    }

    // A start in the training season (late February to early December) of the year, ending within the year.
    private static DateOnly StartIn(Bogus.Faker faker, int year, int days)
    {
        var first = new DateOnly(year, 2, 20);
        var last = new DateOnly(year, 12, 10).AddDays(-days);
        return first.AddDays(faker.Random.Int(0, Math.Max(0, last.DayNumber - first.DayNumber)));
    }

    private static T Pick<T>(Bogus.Faker faker, IReadOnlyList<T> items) => items[faker.Random.Int(0, items.Count - 1)];

    private static string Title(string title) => title.Length > TrainingClass.TitleLength ? title[..TrainingClass.TitleLength] : title;

    // Ids from the seeded faker: the same seed yields the same classes.
    private static Guid DemoId(Bogus.Faker faker) => new(faker.Random.Bytes(16));
}
