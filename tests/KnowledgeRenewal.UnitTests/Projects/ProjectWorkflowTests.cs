using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Projects;

/// <summary>
/// The workflow against a transition table written out here independently of the engine's: every state × action ×
/// role × level × type, allowed ones lead to the expected state, all others are refused with the expected code.
/// </summary>
public sealed class ProjectWorkflowTests
{
    private enum Party
    {
        Applicant,
        Organizer,
        Recommender,
        Office,
    }

    private static readonly Guid Applicant = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Provider = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Recommender = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Office = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly DateOnly NoticeEnd = new(2026, 3, 6);

    // The expected table (state, action) → (next state, party), as issue 6 and the seed describe it.
    private static readonly (ProjectStatus From, ProjectAction Action, ProjectStatus To, Party Party)[] Expected =
    [
        (ProjectStatus.Draft, ProjectAction.Submit, ProjectStatus.Submitted, Party.Applicant),
        (ProjectStatus.Submitted, ProjectAction.Withdraw, ProjectStatus.Draft, Party.Applicant),
        (ProjectStatus.Submitted, ProjectAction.Return, ProjectStatus.Draft, Party.Recommender),
        (ProjectStatus.Submitted, ProjectAction.Recommend, ProjectStatus.Recommended, Party.Recommender),
        (ProjectStatus.Submitted, ProjectAction.Reject, ProjectStatus.Rejected, Party.Recommender),
        (ProjectStatus.Recommended, ProjectAction.Return, ProjectStatus.Draft, Party.Office),
        (ProjectStatus.Recommended, ProjectAction.StartReview, ProjectStatus.UnderReview, Party.Office),
        (ProjectStatus.UnderReview, ProjectAction.Score, ProjectStatus.UnderReview, Party.Office),
        (ProjectStatus.UnderReview, ProjectAction.Approve, ProjectStatus.Approved, Party.Office),
        (ProjectStatus.UnderReview, ProjectAction.Reject, ProjectStatus.Rejected, Party.Office),
        (ProjectStatus.UnderReview, ProjectAction.RecommendUpward, ProjectStatus.ForwardedUpstream, Party.Office),
        (ProjectStatus.ForwardedUpstream, ProjectAction.RecordUpstreamApproval, ProjectStatus.Approved, Party.Office),
        (ProjectStatus.ForwardedUpstream, ProjectAction.RecordUpstreamRejection, ProjectStatus.Rejected, Party.Office),
        (ProjectStatus.Approved, ProjectAction.StartNotice, ProjectStatus.PublicNotice, Party.Office),
        (ProjectStatus.PublicNotice, ProjectAction.UpholdObjection, ProjectStatus.Rejected, Party.Office),
        (ProjectStatus.PublicNotice, ProjectAction.Publish, ProjectStatus.Published, Party.Office),
        (ProjectStatus.Published, ProjectAction.Start, ProjectStatus.InProgress, Party.Organizer),
        (ProjectStatus.InProgress, ProjectAction.Complete, ProjectStatus.Completed, Party.Organizer),
        (ProjectStatus.Completed, ProjectAction.Archive, ProjectStatus.Archived, Party.Office),
        (ProjectStatus.Rejected, ProjectAction.Archive, ProjectStatus.Archived, Party.Office),
    ];

    public static TheoryData<ProjectType, ProjectLevel> TypesAndLevels()
    {
        var data = new TheoryData<ProjectType, ProjectLevel>();
        foreach (var type in Enum.GetValues<ProjectType>())
        {
            foreach (var level in Enum.GetValues<ProjectLevel>())
            {
                data.Add(type, level);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypesAndLevels))]
    public void Every_state_action_and_role_is_allowed_or_refused_as_the_table_says(ProjectType type, ProjectLevel level)
    {
        var failures = new List<string>();
        var checkedCases = 0;
        foreach (var from in Enum.GetValues<ProjectStatus>())
        {
            foreach (var action in Enum.GetValues<ProjectAction>())
            {
                var row = Expected.Where(e => e.From == from && e.Action == action).Select(e => ((ProjectStatus To, Party Party)?)(e.To, e.Party)).SingleOrDefault();
                foreach (var role in PlatformRoles.All)
                {
                    var project = NewProject(type, level, from);
                    var actor = new ProjectActor(Guid.NewGuid(), "测试", [role], row is { } r ? OrganizationOf(r.Party, role) : Office);
                    var decision = ProjectWorkflow.Decide(project, action, actor, GoodFacts());
                    var expected = ExpectedOutcome(type, level, action, role, row);
                    var actual = decision.Allowed ? "allowed:" + decision.Step!.To : decision.Refusal!.Code;
                    checkedCases++;
                    if (actual != expected)
                    {
                        failures.Add($"{from} --{action}--> as {role}: expected {expected}, got {actual}");
                    }
                    else if (decision.Allowed)
                    {
                        var transition = ProjectWorkflow.Apply(project, decision, actor, GoodFacts(), new DateTime(2026, 3, 9, 1, 0, 0, DateTimeKind.Utc), 7, Calendar(), 5);
                        Assert.Equal(row!.Value.To, project.Status);
                        Assert.Equal((from, row.Value.To, action, role, 7), (transition.FromStatus, transition.ToStatus, transition.Action, transition.ActorRole, transition.Sequence));
                    }
                }
            }
        }

        Assert.Equal(Enum.GetValues<ProjectStatus>().Length * Enum.GetValues<ProjectAction>().Length * PlatformRoles.All.Count, checkedCases);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_engines_table_is_exactly_the_expected_one()
    {
        Assert.Equal(
            Expected.Select(e => (e.From, e.Action, e.To)).Order(),
            ProjectWorkflow.Steps.Select(s => (s.From, s.Action, s.To)).Order());
    }

    [Theory]
    [MemberData(nameof(TypesAndLevels))]
    public void The_right_role_of_another_organization_is_not_responsible_and_nobody_decides_on_their_own_application(ProjectType type, ProjectLevel level)
    {
        foreach (var row in Expected)
        {
            var role = RolesOf(row.Party, type)[0];
            var project = NewProject(type, ApplicableLevel(row.Action, level), row.From);
            var stranger = new ProjectActor(Guid.NewGuid(), "测试", [role], Guid.NewGuid());
            var decision = ProjectWorkflow.Decide(project, row.Action, stranger, GoodFacts());
            if (row.Party == Party.Office)
            {
                Assert.True(decision.Allowed, $"{row.Action}: the program office acts for any organization");
                var own = ProjectWorkflow.Decide(NewProject(type, ApplicableLevel(row.Action, level), row.From, applicant: Office), row.Action, new ProjectActor(null, "测试", [role], Office), GoodFacts());
                Assert.Equal(ProjectProblemCodes.OwnApplication, own.Refusal?.Code);
                Assert.Equal(403, own.Refusal!.Status);
            }
            else
            {
                Assert.Equal(ProjectProblemCodes.NotResponsible, decision.Refusal?.Code);
                Assert.Equal(403, decision.Refusal!.Status);
            }

            if (row.Party == Party.Recommender)
            {
                // A department that applied and named itself as recommender still cannot recommend its own application.
                var self = NewProject(type, level, row.From, applicant: Recommender);
                var own = ProjectWorkflow.Decide(self, row.Action, new ProjectActor(null, "测试", [role], Recommender), GoodFacts());
                Assert.Equal(ProjectProblemCodes.OwnApplication, own.Refusal?.Code);
            }
        }
    }

    [Fact]
    public void Publication_waits_for_the_end_of_the_notice_and_for_every_objection_to_be_resolved()
    {
        var office = new ProjectActor(null, "项目办", [PlatformRoles.ProgramOfficeAdmin], Office);
        var project = NewProject(ProjectType.AdvancedSeminar, ProjectLevel.Municipal, ProjectStatus.PublicNotice);
        Assert.Equal(ProjectProblemCodes.NoticeRunning, ProjectWorkflow.Decide(project, ProjectAction.Publish, office, GoodFacts() with { Today = NoticeEnd }).Refusal?.Code);
        Assert.Equal(ProjectProblemCodes.ObjectionPending, ProjectWorkflow.Decide(project, ProjectAction.Publish, office, GoodFacts() with { PendingObjections = 1 }).Refusal?.Code);
        Assert.Equal(409, ProjectWorkflow.Decide(project, ProjectAction.Publish, office, GoodFacts() with { PendingObjections = 2 }).Refusal?.Status);
        Assert.True(ProjectWorkflow.Decide(project, ProjectAction.Publish, office, GoodFacts() with { Today = NoticeEnd.AddDays(1) }).Allowed);

        // An upheld objection can end the notice at any time (it rejects the project).
        Assert.True(ProjectWorkflow.Decide(project, ProjectAction.UpholdObjection, office, GoodFacts() with { Today = NoticeEnd, PendingObjections = 1 }).Allowed);
        var noNotice = NewProject(ProjectType.AdvancedSeminar, ProjectLevel.Municipal, ProjectStatus.PublicNotice);
        noNotice.NoticeEnd = null;
        Assert.Equal(ProjectProblemCodes.NoticeRunning, ProjectWorkflow.Decide(noNotice, ProjectAction.Publish, office, GoodFacts()).Refusal?.Code);
    }

    [Fact]
    public void Guards_name_what_is_missing()
    {
        var office = new ProjectActor(null, "项目办", [PlatformRoles.ProgramOfficeAdmin], Office);
        var organizer = new ProjectActor(null, "机构", [PlatformRoles.ProviderStaff], Provider);
        var recommender = new ProjectActor(null, "部门", [PlatformRoles.DepartmentAdmin], Recommender);
        Assert.Equal(ProjectProblemCodes.ReviewsMissing, Refusal(ProjectStatus.UnderReview, ProjectLevel.Municipal, ProjectAction.Approve, office, GoodFacts() with { Reviews = 0 }));
        Assert.Equal(ProjectProblemCodes.ReviewsMissing, Refusal(ProjectStatus.UnderReview, ProjectLevel.National, ProjectAction.RecommendUpward, office, GoodFacts() with { Reviews = 0 }));
        Assert.Equal(ProjectProblemCodes.UpstreamLevel, Refusal(ProjectStatus.UnderReview, ProjectLevel.National, ProjectAction.Approve, office, GoodFacts()));
        Assert.Equal(ProjectProblemCodes.MunicipalLevel, Refusal(ProjectStatus.UnderReview, ProjectLevel.Municipal, ProjectAction.RecommendUpward, office, GoodFacts()));
        Assert.Equal(ProjectProblemCodes.ReferenceRequired, Refusal(ProjectStatus.ForwardedUpstream, ProjectLevel.Provincial, ProjectAction.RecordUpstreamRejection, office, GoodFacts() with { ReferenceNumber = "  " }));
        Assert.Equal(ProjectProblemCodes.CommentRequired, Refusal(ProjectStatus.Submitted, ProjectLevel.Municipal, ProjectAction.Return, recommender, GoodFacts() with { Comment = null }));
        Assert.Equal(ProjectProblemCodes.CommentRequired, Refusal(ProjectStatus.UnderReview, ProjectLevel.Municipal, ProjectAction.Reject, office, GoodFacts() with { Comment = "" }));
        Assert.Equal(ProjectProblemCodes.RosterMissing, Refusal(ProjectStatus.InProgress, ProjectLevel.Municipal, ProjectAction.Complete, organizer, GoodFacts() with { HasFinishedClassWithRecords = false }));
        Assert.Equal(ProjectProblemCodes.SummaryMissing, Refusal(ProjectStatus.InProgress, ProjectLevel.Municipal, ProjectAction.Complete, organizer, GoodFacts() with { Summary = null }));
    }

    [Fact]
    public void Entering_the_notice_sets_five_working_days_and_recording_an_upstream_outcome_keeps_its_reference()
    {
        var office = new ProjectActor(Guid.NewGuid(), "项目办", [PlatformRoles.ProgramOfficeAdmin], Office);
        var project = NewProject(ProjectType.AdvancedSeminar, ProjectLevel.Municipal, ProjectStatus.Approved);
        var facts = GoodFacts() with { Today = new DateOnly(2025, 9, 26) };
        ProjectWorkflow.Apply(project, ProjectWorkflow.Decide(project, ProjectAction.StartNotice, office, facts), office, facts, DateTime.UtcNow, 1, Calendar(), 5);

        // Fri 9-26, Sun 9-28 (调休), Mon 9-29, Tue 9-30, then the National Day holidays, Thu 10-9.
        Assert.Equal((new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 9)), (project.NoticeStart!.Value, project.NoticeEnd!.Value));

        var provincial = NewProject(ProjectType.BaseConstruction, ProjectLevel.Provincial, ProjectStatus.ForwardedUpstream);
        var outcome = GoodFacts() with { ReferenceNumber = " 鲁人社字〔2026〕12号 " };
        var step = ProjectWorkflow.Apply(provincial, ProjectWorkflow.Decide(provincial, ProjectAction.RecordUpstreamRejection, office, outcome), office, outcome, DateTime.UtcNow, 9, Calendar(), 5);
        Assert.Equal(ProjectStatus.Rejected, provincial.Status);
        Assert.Equal("鲁人社字〔2026〕12号", provincial.UpstreamReference);
        Assert.Equal("鲁人社字〔2026〕12号", step.ReferenceNumber);
    }

    [Fact]
    public void Funding_lines_are_exact_fen_and_never_negative()
    {
        var project = NewProject(ProjectType.CapacityBuilding, ProjectLevel.Municipal, ProjectStatus.Draft);
        project.SetFunding(1, 2, 3, 4, 5, 90_000_000_000);
        Assert.Equal(90_000_000_015, project.BudgetTotalFen);
        Assert.Throws<ArgumentOutOfRangeException>(() => project.SetFunding(0, 0, -1, 0, 0, 0));
    }

    private static string? Refusal(ProjectStatus from, ProjectLevel level, ProjectAction action, ProjectActor actor, ProjectFacts facts) =>
        ProjectWorkflow.Decide(NewProject(ProjectType.AdvancedSeminar, level, from), action, actor, facts).Refusal?.Code;

    // What should happen: the table's state for the party's roles (when the level guard agrees), else the refusal.
    private static string ExpectedOutcome(ProjectType type, ProjectLevel level, ProjectAction action, string role, (ProjectStatus To, Party Party)? row)
    {
        if (row is not { } r)
        {
            return ProjectProblemCodes.TransitionNotAllowed;
        }

        if (!RolesOf(r.Party, type).Contains(role))
        {
            return ProjectProblemCodes.RoleNotAllowed;
        }

        return action switch
        {
            ProjectAction.Approve when level != ProjectLevel.Municipal => ProjectProblemCodes.UpstreamLevel,
            ProjectAction.RecommendUpward when level == ProjectLevel.Municipal => ProjectProblemCodes.MunicipalLevel,
            _ => "allowed:" + r.To,
        };
    }

    private static IReadOnlyList<string> RolesOf(Party party, ProjectType type)
    {
        string[] applicants = type switch
        {
            ProjectType.AdvancedSeminar => [PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin],
            ProjectType.CapacityBuilding => [PlatformRoles.ProviderStaff, PlatformRoles.EmployerHr, PlatformRoles.DepartmentAdmin, PlatformRoles.CountyAdmin, PlatformRoles.ProgramOfficeAdmin],
            _ => [PlatformRoles.ProviderStaff],
        };
        return party switch
        {
            Party.Applicant => applicants,
            Party.Organizer => [.. applicants.Union([PlatformRoles.ProviderStaff])],
            Party.Recommender => [PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin],
            _ => [PlatformRoles.ProgramOfficeAdmin],
        };
    }

    // The organization that makes a holder of the role the step's party (the provider for provider staff organizing).
    private static Guid OrganizationOf(Party party, string role) => party switch
    {
        Party.Applicant => Applicant,
        Party.Organizer => role == PlatformRoles.ProviderStaff ? Provider : Applicant,
        Party.Recommender => Recommender,
        _ => Office,
    };

    private static ProjectLevel ApplicableLevel(ProjectAction action, ProjectLevel level) => action switch
    {
        ProjectAction.Approve => ProjectLevel.Municipal,
        ProjectAction.RecommendUpward => level == ProjectLevel.Municipal ? ProjectLevel.Provincial : level,
        _ => level,
    };

    private static Project NewProject(ProjectType type, ProjectLevel level, ProjectStatus status, Guid? applicant = null) => new()
    {
        Number = "XM2026-T0001",
        Title = "测试项目",
        Type = type,
        Level = level,
        Status = status,
        ApplicantOrganizationId = applicant ?? Applicant,
        RecommenderOrganizationId = Recommender,
        ProviderId = Provider,
        RegionCode = "370811",
        NoticeStart = NoticeEnd.AddDays(-4),
        NoticeEnd = NoticeEnd,
    };

    private static ProjectFacts GoodFacts() => new()
    {
        Reviews = 2,
        PendingObjections = 0,
        HasFinishedClassWithRecords = true,
        Today = NoticeEnd.AddDays(3),
        Comment = "意见",
        ReferenceNumber = "鲁人社字〔2026〕1号",
        Summary = "总结",
    };

    private static WorkingDayCalendar Calendar() => WorkingDayCalendarTests.Calendar();
}
