using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Demo;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Programs.Demo;

/// <summary>
/// Demo data: 40 projects of the four types, 2023–2026, walked through the workflow by the roles that own each step
/// (the same <see cref="ProjectWorkflow"/> the API uses, with a full history and expert scores): past years completed,
/// archived or rejected; the current year spread over every state — drafts, applications awaiting recommendation or
/// review, provincial and national ones forwarded upstream, projects in public notice now, published and running
/// ones. Demo completions assume their classes were run (the classes are linked to projects separately). Runs
/// before the rosters (order 35). Idempotent: once seeded projects (without a creator) exist, it does nothing.
/// </summary>
internal sealed partial class ProjectDemoSeeder(
    PlatformDbContext db,
    WorkingDayCalendar calendar,
    IOptions<ProjectOptions> options,
    TimeProvider clock,
    IReviewExpertPool pool,
    ILogger<ProjectDemoSeeder> logger) : IDemoDataSeeder
{
    // The pool's experts (supervision seeds the pool first, order 32); reviews name them by id.
    private IReadOnlyList<ReviewExpert> experts = [];

    private static readonly ProjectStatus[] PastOutcomes =
        [ProjectStatus.Archived, ProjectStatus.Completed, ProjectStatus.Archived, ProjectStatus.Rejected, ProjectStatus.Archived, ProjectStatus.Completed, ProjectStatus.Archived, ProjectStatus.Archived, ProjectStatus.Rejected, ProjectStatus.Archived];

    private static readonly ProjectStatus[] CurrentStates =
        [ProjectStatus.Draft, ProjectStatus.Submitted, ProjectStatus.Recommended, ProjectStatus.UnderReview, ProjectStatus.ForwardedUpstream,
         ProjectStatus.Approved, ProjectStatus.PublicNotice, ProjectStatus.Published, ProjectStatus.InProgress, ProjectStatus.PublicNotice];

    /// <summary>The demo county (demo.county-admin's).</summary>
    private const string DemoCounty = "370811";

    /// <inheritdoc />
    public string Key => "core.projects";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 35;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.CreatedByUserId == null, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        experts = await pool.ListAsync(null, cancellationToken).ConfigureAwait(false);
        if (experts.Count == 0)
        {
            throw new InvalidOperationException("The demo projects' reviews name experts of the pool: seed the expert pool first.");
        }

        var organizations = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.IsActive)
            .OrderBy(o => o.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        var office = organizations.FirstOrDefault(o => o.Type == OrganizationType.ProgramOffice);
        var providers = organizations.Where(o => o.Type == OrganizationType.TrainingProvider).ToList();
        var employers = organizations.Where(o => o.Type == OrganizationType.Employer).ToList();
        if (office is null || providers.Count == 0 || employers.Count == 0)
        {
            return;
        }

        var byCode = organizations.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var faker = context.Faker;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ProgramCalendar.Today(clock);
        var count = 0;
        var numbers = new Dictionary<(ProjectType, int), int>();
        for (var year = context.FirstYear; year <= context.LastYear; year++)
        {
            var current = year >= today.Year;
            for (var i = 0; i < 10; i++)
            {
                var type = (i % 5) switch { 0 or 1 => ProjectType.AdvancedSeminar, 2 => ProjectType.CapacityBuilding, 3 => ProjectType.DigitalEngineer, _ => ProjectType.BaseConstruction };
                var level = type switch
                {
                    ProjectType.AdvancedSeminar => ((i + year) % 4) switch { 0 => ProjectLevel.National, 1 => ProjectLevel.Provincial, _ => ProjectLevel.Municipal },
                    ProjectType.BaseConstruction => (i + year) % 2 == 0 ? ProjectLevel.Provincial : ProjectLevel.Municipal,
                    _ => ProjectLevel.Municipal,
                };
                var applicant = type == ProjectType.AdvancedSeminar && i % 2 == 1 ? faker.PickRandom(employers) : faker.PickRandom(providers);
                var sector = applicant.DepartmentCode is { } d ? byCode.GetValueOrDefault(ProgramOrganizations.LineDepartmentCode(d)) : null;
                var county = byCode.GetValueOrDefault(ProgramOrganizations.CountyBureauCode(applicant.RegionCode));
                var recommender = i % 2 == 0 ? sector ?? county : county ?? sector;
                if (recommender is null)
                {
                    continue;
                }

                var target = current ? CurrentStates[i] : PastOutcomes[i];
                if (target == ProjectStatus.ForwardedUpstream && level == ProjectLevel.Municipal)
                {
                    level = ProjectLevel.Provincial;
                }

                var project = NewProject(faker, type, level, applicant, recommender, year, current, today, numbers);
                db.Projects.Add(project);
                Walk(project, target, applicant, recommender, office, faker, now, today);
                count++;
            }
        }

        // Something waiting on the demo accounts' workbenches this year: the demo provider's draft, its application
        // awaiting the demo health department's recommendation, and an application of a provider of 任城区 awaiting the
        // demo county's (an employer of the county when no provider is there; seminars may be applied for by employers).
        var thisYear = today.Year;
        if (thisYear >= context.FirstYear && thisYear <= context.LastYear
            && providers.FirstOrDefault(p => p.Name == DemoAccounts.ProviderOrganization) is { } demoProvider)
        {
            var countyApplicant = providers.FirstOrDefault(p => p.RegionCode == DemoCounty && p.Id != demoProvider.Id)
                ?? employers.FirstOrDefault(e => e.RegionCode == DemoCounty);
            var waiting = new (Organization? Applicant, Organization? Recommender, ProjectStatus Target)[]
            {
                (demoProvider, byCode.GetValueOrDefault(ProgramOrganizations.LineDepartmentCode(Departments.Health)), ProjectStatus.Draft),
                (demoProvider, byCode.GetValueOrDefault(ProgramOrganizations.LineDepartmentCode(Departments.Health)), ProjectStatus.Submitted),
                (countyApplicant, byCode.GetValueOrDefault(ProgramOrganizations.CountyBureauCode(DemoCounty)), ProjectStatus.Submitted),
            };
            foreach (var (applicant, recommender, target) in waiting)
            {
                if (applicant is null || recommender is null)
                {
                    continue;
                }

                var project = NewProject(faker, ProjectType.AdvancedSeminar, ProjectLevel.Municipal, applicant, recommender, thisYear, current: true, today, numbers);
                db.Projects.Add(project);
                Walk(project, target, applicant, recommender, office, faker, now, today);
                count++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Seeded(logger, count);
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Seeded {Count} demo projects")]
    private static partial void Seeded(ILogger logger, int count);

    private static Project NewProject(Bogus.Faker faker, ProjectType type, ProjectLevel level, Organization applicant, Organization recommender, int year, bool current, DateOnly today, Dictionary<(ProjectType, int), int> numbers)
    {
        var start = current ? today.AddDays(faker.Random.Int(30, 120)) : new DateOnly(year, faker.Random.Int(4, 10), faker.Random.Int(1, 20));
        if (start.Year > ProgramPeriod.LastYear || (current && start.Year != year && year == today.Year))
        {
            start = new DateOnly(year, 12, 1);
        }

        var days = type switch { ProjectType.AdvancedSeminar => faker.Random.Int(3, 6), ProjectType.CapacityBuilding => faker.Random.Int(2, 30), ProjectType.DigitalEngineer => faker.Random.Int(20, 60), _ => 180 };
        var end = start.AddDays(days - 1);
        var field = Field(applicant.DepartmentCode, faker);
        var sequence = numbers[(type, end.Year)] = numbers.GetValueOrDefault((type, end.Year)) + 1;
        var project = new Project
        {
            Number = ProjectNumbers.Format(type, end.Year, sequence),
            Title = Title(type, level, field, applicant, end.Year, faker),
            Type = type,
            Level = level,
            Field = field,
            ApplicantOrganizationId = applicant.Id,
            RecommenderOrganizationId = recommender.Id,
            ProviderId = ProjectHosts.Default(applicant),
            RegionCode = applicant.RegionCode,
            DepartmentCode = applicant.DepartmentCode,
            CreditYear = end.Year,
            StartDate = start,
            EndDate = end,
            Capacity = type switch
            {
                ProjectType.AdvancedSeminar => faker.Random.Int(25, 40),
                ProjectType.CapacityBuilding => faker.Random.Int(20, 100) * 100,
                ProjectType.DigitalEngineer => faker.Random.Int(40, 150),
                _ => faker.Random.Int(10, 30) * 100,
            },
            Mode = type == ProjectType.CapacityBuilding ? DeliveryMode.Mixed : type == ProjectType.DigitalEngineer ? DeliveryMode.Mixed : DeliveryMode.Offline,
            Description = $"面向{ProjectLabels.Field(field)}领域专业技术人才，{ProjectLabels.Type(type)}（{ProjectLabels.Level(level)}）。",
            TargetTitleLevel = type == ProjectType.AdvancedSeminar ? TitleLevel.AssociateSenior : null,
            SubjectCategory = type == ProjectType.CapacityBuilding ? (faker.Random.Bool() ? CreditCategory.Public : CreditCategory.Professional) : null,
            DigitalFieldCode = type == ProjectType.DigitalEngineer ? faker.PickRandom("ai", "iot", "big-data", "cloud", "smart-manufacturing", "industrial-internet") : null,
        };
        var yuan = type switch { ProjectType.AdvancedSeminar => faker.Random.Int(15, 40) * 10_000, ProjectType.CapacityBuilding => faker.Random.Int(50, 300) * 10_000, ProjectType.DigitalEngineer => faker.Random.Int(30, 120) * 10_000, _ => faker.Random.Int(100, 500) * 10_000 };
        var fen = yuan * 100L;
        project.SetFunding(
            central: level == ProjectLevel.National ? fen : 0,
            provincial: type == ProjectType.DigitalEngineer ? fen / 2 : 0,
            municipal: type is ProjectType.CapacityBuilding or ProjectType.BaseConstruction ? fen * 3 / 10 : 0,
            selfRaised: level == ProjectLevel.National ? 0 : type == ProjectType.DigitalEngineer ? fen / 5 : fen / 2,
            employer: type is ProjectType.CapacityBuilding or ProjectType.DigitalEngineer ? fen / 5 : 0,
            individual: type == ProjectType.DigitalEngineer ? fen / 10 : 0);
        return project;
    }

    // Takes the steps from draft to the target state, each by its owner, on plausible days.
    private void Walk(Project project, ProjectStatus target, Organization applicant, Organization recommender, Organization office, Bogus.Faker faker, DateTime now, DateOnly today)
    {
        var actions = Path(project.Level, target);
        var stepDays = 6;
        var at = actions.Count == 0 ? now
            : project.StartDate.Year < today.Year || (project.StartDate <= today && target >= ProjectStatus.InProgress)
                ? Utc(project.StartDate.AddDays(-(actions.Count * stepDays) - 20))
                : now.AddDays(-(actions.Count * stepDays) - 1);
        project.CreatedAt = project.UpdatedAt = project.StatusChangedAt = at.AddDays(-3);
        var sequence = 0;
        var reviews = 0;
        foreach (var action in actions)
        {
            at = action switch
            {
                ProjectAction.Publish => Utc(project.NoticeEnd!.Value.AddDays(1)).AddHours(2),
                ProjectAction.Start => Max(at, Utc(project.StartDate)),
                ProjectAction.Complete => Max(at, Utc(project.EndDate.AddDays(10))),
                ProjectAction.Archive => at.AddDays(30),
                _ => at.AddDays(action == ProjectAction.Score ? 2 : stepDays),
            };
            if (at > now)
            {
                return;
            }

            var step = ProjectWorkflow.Find(project.Status, action)!;
            var actor = step.Party switch
            {
                ProjectParty.Applicant or ProjectParty.Organizer => new ProjectActor(null, "演示·申报单位经办人", [applicant.Type == OrganizationType.Employer ? PlatformRoles.EmployerHr : PlatformRoles.ProviderStaff], applicant.Id),
                ProjectParty.Recommender => new ProjectActor(null, "演示·推荐单位管理员", [recommender.Type == OrganizationType.CountyBureau ? PlatformRoles.CountyAdmin : PlatformRoles.DepartmentAdmin], recommender.Id),
                _ => new ProjectActor(null, "演示·项目办管理员", [PlatformRoles.ProgramOfficeAdmin], office.Id),
            };
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, ProgramCalendar.TimeZone));
            var facts = new ProjectFacts
            {
                Reviews = reviews,
                Today = day,
                HasFinishedClassWithRecords = true,
                Comment = Comment(action, faker),
                ReferenceNumber = action is ProjectAction.RecordUpstreamApproval or ProjectAction.RecordUpstreamRejection
                    ? FormattableString.Invariant($"鲁人社字〔{day.Year}〕{faker.Random.Int(10, 99)}号")
                    : null,
                Summary = action == ProjectAction.Complete ? $"项目按计划完成，共培训 {project.Capacity} 人，学员名单已上传并形成学时记录。" : null,
            };
            var decision = ProjectWorkflow.Decide(project, action, actor, facts);
            if (!decision.Allowed)
            {
                return;
            }

            ReviewExpert? expert = null;
            int? score = null;
            if (action == ProjectAction.Score)
            {
                // Never an expert of the applicant or the provider (the conflict the pool checks on the pages and the API).
                var free = experts.Where(e => e.OrganizationId is not { } o || (o != project.ApplicantOrganizationId && o != project.ProviderId)).ToList();
                expert = free[(reviews + sequence) % free.Count];
                score = faker.Random.Int(target == ProjectStatus.Rejected ? 55 : 78, target == ProjectStatus.Rejected ? 72 : 95);
                db.ProjectReviews.Add(new ProjectReview { ProjectId = project.Id, ExpertId = expert.Id, ExpertName = expert.Name, Score = score.Value, Comment = facts.Comment, RecordedByName = actor.Name, RecordedAt = at });
                reviews++;
            }

            db.ProjectTransitions.Add(ProjectWorkflow.Apply(project, decision, actor, facts, at, ++sequence, calendar, options.Value.NoticeWorkingDays, expert?.Name, score));
        }
    }

    // The actions that lead from a draft to the target state.
    private static List<ProjectAction> Path(ProjectLevel level, ProjectStatus target)
    {
        var municipal = level == ProjectLevel.Municipal;
        List<ProjectAction> path = [];
        void Add(params ProjectAction[] actions) => path.AddRange(actions);
        if (target == ProjectStatus.Draft)
        {
            return path;
        }

        Add(ProjectAction.Submit);
        if (target == ProjectStatus.Submitted)
        {
            return path;
        }

        Add(ProjectAction.Recommend);
        if (target == ProjectStatus.Recommended)
        {
            return path;
        }

        Add(ProjectAction.StartReview, ProjectAction.Score, ProjectAction.Score, ProjectAction.Score);
        if (target == ProjectStatus.UnderReview)
        {
            return path;
        }

        if (target == ProjectStatus.Rejected)
        {
            Add(ProjectAction.Reject);
            return path;
        }

        if (!municipal)
        {
            Add(ProjectAction.RecommendUpward);
            if (target == ProjectStatus.ForwardedUpstream)
            {
                return path;
            }

            Add(ProjectAction.RecordUpstreamApproval);
        }
        else
        {
            Add(ProjectAction.Approve);
        }

        foreach (var (state, action) in new[]
        {
            (ProjectStatus.Approved, ProjectAction.StartNotice), (ProjectStatus.PublicNotice, ProjectAction.Publish), (ProjectStatus.Published, ProjectAction.Start),
            (ProjectStatus.InProgress, ProjectAction.Complete), (ProjectStatus.Completed, ProjectAction.Archive),
        })
        {
            if (target == state)
            {
                return path;
            }

            Add(action);
        }

        return path;
    }

    private static string? Comment(ProjectAction action, Bogus.Faker faker) => action switch
    {
        ProjectAction.Submit => "申报材料齐全，请审核。",
        ProjectAction.Recommend => "经审核，同意推荐。",
        ProjectAction.StartReview => "组织专家评审。",
        ProjectAction.Score => faker.PickRandom("主题聚焦重点产业需求，师资力量较强。", "培训方案完整，建议进一步明确考核方式。", "与本地产业结合紧密，具有示范性。", "经费预算合理，组织保障到位。"),
        ProjectAction.Approve => "经评审，同意立项。",
        ProjectAction.Reject => "评审得分未达立项要求，不予通过。",
        ProjectAction.RecommendUpward => "经市级评审，同意向上级人社部门推荐。",
        ProjectAction.RecordUpstreamApproval => "上级人社部门已批准立项。",
        ProjectAction.StartNotice => "评审结果予以公示。",
        ProjectAction.Publish => "公示期满无异议，予以发布。",
        ProjectAction.Start => "项目开班实施。",
        ProjectAction.Complete => "项目实施完成，申请结项。",
        ProjectAction.Archive => "材料齐全，归档。",
        _ => null,
    };

    private static ProjectField Field(string? department, Bogus.Faker faker) => department switch
    {
        Departments.Health => ProjectField.Health,
        Departments.Education => ProjectField.Education,
        Departments.IndustryIt => ProjectField.NextGenerationIt,
        Departments.CultureTourism => ProjectField.PublicityAndCulture,
        Departments.CivilAffairs => ProjectField.SocialWork,
        _ => faker.PickRandom(ProjectField.HighEndEquipment, ProjectField.HighEndChemicals, ProjectField.NewEnergy, ProjectField.NewMaterials, ProjectField.Pharmaceuticals),
    };

    private static string Title(ProjectType type, ProjectLevel level, ProjectField field, Organization applicant, int year, Bogus.Faker faker) => type switch
    {
        ProjectType.AdvancedSeminar => $"{year}年{ProjectLabels.Field(field)}领域{faker.PickRandom("创新发展", "关键技术", "高质量发展", "数字化转型")}{ProjectLabels.Level(level)}高级研修班",
        ProjectType.CapacityBuilding => $"{year}年{Short(applicant.Name)}专业技术人员能力提升培训",
        ProjectType.DigitalEngineer => $"{year}年数字技术工程师培育项目（{Short(applicant.Name)}）",
        _ => $"{Short(applicant.Name)}专业技术人员继续教育基地建设（{year}年度）",
    };

    private static string Short(string name) => name.Length > 16 ? name[..16] : name;

    private static DateTime Utc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(1, 30)), DateTimeKind.Utc);

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
