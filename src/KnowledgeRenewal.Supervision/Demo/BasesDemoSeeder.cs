using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.Demo;

/// <summary>
/// Demo base supervision: two versions of the assessment method; each demo base's designations (a renewal for the
/// older ones) with their status history; evaluations by participants of the bases' finished classes (people with an
/// account are left to rate themselves); and assessments of the finished program years computed from the demo data
/// with the method then in force — a base below the bar goes under rectification, twice in a row is proposed for exit.
/// Runs once (the designations are its marker).
/// </summary>
internal sealed class BasesDemoSeeder(PlatformDbContext db, ScorecardReader reader, IOptions<BaseSupervisionOptions> options, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public string Key => "supervision.bases";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 95;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.Set<BaseDesignation>().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var faker = context.Faker;
        var methods = new[]
        {
            new AssessmentMethod
            {
                Version = 1, TraineesWeight = 40, SeminarsWeight = 15, CoursesWeight = 15, CompletionWeight = 20, SatisfactionWeight = 10, InspectionWeight = 0,
                SeminarsTarget = 2, CoursesTarget = 4, PassMark = 60, Note = "首版：依据实施方案三（四），以培训人数、承办高级研修、开发课程为主要指标（演示数据）。",
                CreatedAt = new DateTime(2023, 3, 30, 2, 0, 0, DateTimeKind.Utc),
            },
            new AssessmentMethod
            {
                Version = 2, TraineesWeight = 35, SeminarsWeight = 15, CoursesWeight = 15, CompletionWeight = 15, SatisfactionWeight = 15, InspectionWeight = 5,
                SeminarsTarget = 2, CoursesTarget = 4, PassMark = 60, Note = "第二版：加入学员满意率和检查结果的权重（演示数据）。",
                CreatedAt = new DateTime(2024, 11, 20, 2, 0, 0, DateTimeKind.Utc),
            },
        };
        if (!await db.Set<AssessmentMethod>().AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            db.Set<AssessmentMethod>().AddRange(methods);
        }

        var bases = await db.EducationBases.IgnoreQueryFilters(AccessScope).OrderBy(b => b.DesignatedOn).ThenBy(b => b.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var years = options.Value.DesignationYears;
        foreach (var b in bases)
        {
            var at = b.DesignatedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            var first = DesignationRules.Period(b.DesignatedOn, years, null);
            db.Set<BaseDesignation>().Add(Designation(b, first.From, first.To, renewal: false, at));
            db.Set<BaseStatusChange>().Add(new BaseStatusChange { BaseId = b.Id, To = BaseStatus.Active, Reason = $"认定为{BaseStatusRules.Label(b.Level)}基地（演示数据）。", ChangedAt = at });
            if (first.To < new DateOnly(2026, 1, 1))
            {
                var renewal = DesignationRules.Period(first.To, years, first.To);
                db.Set<BaseDesignation>().Add(Designation(b, renewal.From, renewal.To, renewal: true, renewal.From.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)));
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Evaluations: up to 40 participants of each finished class of a base; the last base's classes rate lower.
        var lowest = bases.Count > 0 ? bases[^1].OrganizationId : Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var b in bases)
        {
            var classes = await db.TrainingClasses.IgnoreQueryFilters(AccessScope).AsNoTracking()
                .Where(c => c.ProviderId == b.OrganizationId && c.Status == TrainingClassStatus.Finished)
                .Select(c => new { c.Id, c.ProviderId, c.EndDate }).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var c in classes)
            {
                var people = await db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
                    .Where(r => r.ClassId == c.Id && r.Status == CreditRecordStatus.Approved && r.Professional!.UserId == null)
                    .Select(r => r.ProfessionalId).Distinct().OrderBy(id => id).Take(40).ToListAsync(cancellationToken).ConfigureAwait(false);
                var low = b.OrganizationId == lowest;
                foreach (var person in people)
                {
                    db.Set<ClassEvaluation>().Add(new ClassEvaluation
                    {
                        ClassId = c.Id,
                        ProviderId = c.ProviderId,
                        Year = c.EndDate.Year,
                        ProfessionalId = person,
                        Content = Rating(faker, low),
                        Teacher = Rating(faker, low),
                        Organization = Rating(faker, low),
                        Usefulness = Rating(faker, low),
                        Comment = faker.Random.Int(0, 3) == 0 ? faker.PickRandom(low ? LowComments : Comments) : null,
                        SubmittedAt = Min(c.EndDate.AddDays(faker.Random.Int(1, 10)).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc), now),
                    });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Assessments of the finished years, computed from the data with the method in force at the time.
        foreach (var b in bases)
        {
            bool? before = null;
            for (var year = Math.Max(ProgramPeriod.FirstYear, b.DesignatedOn.Year); year <= Math.Min(2025, context.LastYear); year++)
            {
                var method = year < 2024 ? methods[0] : methods[1];
                var (figures, _, _, _, inspection) = await reader.FiguresAsync(b.Id, b.OrganizationId, year, cancellationToken).ConfigureAwait(false);
                var (score, passed, _) = AssessmentRules.Score(figures, method, options.Value.TraineeFloor);
                var assessedAt = new DateTime(year + 1, 1, 15, 2, 0, 0, DateTimeKind.Utc);
                var exit = AssessmentRules.ProposeExit(passed, before);
                db.Set<BaseAssessment>().Add(new BaseAssessment
                {
                    BaseId = b.Id, Year = year, MethodVersion = method.Version, Trainees = figures.Trainees, Seminars = figures.Seminars,
                    PublicCourses = figures.PublicCourses, ProfessionalCourses = figures.ProfessionalCourses, CompletionRate = figures.CompletionRate,
                    SatisfactionRate = figures.SatisfactionRate, InspectionScore = figures.InspectionScore, Inspections = inspection?.Inspections ?? 0,
                    Score = score, Passed = passed, ProposedExit = exit, Note = "年度考核（演示数据）。", AssessedAt = assessedAt, AssessedByName = "demo.program-office",
                });
                if (passed != (b.Status == BaseStatus.Active) && (passed || b.Status == BaseStatus.Active))
                {
                    var to = passed ? BaseStatus.Active : BaseStatus.UnderReview;
                    db.Set<BaseStatusChange>().Add(new BaseStatusChange
                    {
                        BaseId = b.Id, From = b.Status, To = to, ChangedAt = assessedAt.AddHours(1), ChangedByName = "demo.program-office",
                        Reason = passed ? $"{year} 年度考核 {score} 分，合格，整改完成（演示数据）。" : $"{year} 年度考核 {score} 分，低于合格线 {method.PassMark} 分，限期整改（演示数据）。",
                    });
                    b.Status = to;
                }

                before = passed;
            }
        }

        // Exchanges and cooperation between bases: a few a year among neighbours in the list.
        var kinds = Enum.GetValues<BaseExchangeKind>();
        for (var i = 0; i + 1 < bases.Count && i < 6; i++)
        {
            var partners = i % 3 == 2 && i + 2 < bases.Count ? new[] { bases[i], bases[i + 1], bases[i + 2] } : [bases[i], bases[i + 1]];
            var heldOn = new DateOnly(Math.Min(2025, context.LastYear) - (i % 2), 3 + i, 10 + i);
            var exchange = new BaseExchange
            {
                HeldOn = heldOn,
                Kind = kinds[i % kinds.Length],
                Topic = ExchangeTopics[i % ExchangeTopics.Length],
                Participants = 20 + (i * 15),
                Note = i % 2 == 0 ? "双方交流培训组织经验，约定共享课程资源。（演示数据）" : null,
                RecordedAt = heldOn.AddDays(3).ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                RecordedByName = "demo.program-office",
            };
            exchange.Parties.AddRange(partners.Select(p => new BaseExchangeParty { ExchangeId = exchange.Id, BaseId = p.Id }));
            db.Set<BaseExchange>().Add(exchange);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static readonly string[] ExchangeTopics = ["继续教育课程资源共享", "高级研修项目组织经验交流", "数字技术工程师培训联合实施", "基地建设经验交流", "师资库共建共享"];

    private static readonly string[] Comments = ["课程安排紧凑，案例贴近工作。", "老师讲解清楚，希望多安排实操。", "组织有序，服务周到。", "内容实用，建议增加线上回放。"];

    private static readonly string[] LowComments = ["课程内容偏旧，与实际工作联系不多。", "时间安排较乱，临时调课。", "希望改进授课方式。"];

    private static BaseDesignation Designation(EducationBase b, DateOnly from, DateOnly to, bool renewal, DateTime at) => new()
    {
        BaseId = b.Id,
        Level = b.Level,
        Source = b.Level == BaseLevel.Municipal ? DesignationSource.CitySelection : DesignationSource.UpstreamOutcome,
        Renewal = renewal,
        ValidFrom = from,
        ValidTo = to,
        ReferenceNumber = b.Level == BaseLevel.Municipal ? null : $"鲁人社字〔{from.Year}〕{from.DayOfYear} 号",
        RecordedByName = "demo.program-office",
        RecordedAt = at,
    };

    private static int Rating(Bogus.Faker faker, bool low) => low ? faker.Random.Int(1, 4) : faker.Random.Int(3, 5);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
