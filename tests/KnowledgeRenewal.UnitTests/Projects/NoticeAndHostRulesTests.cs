using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Projects;

/// <summary>The notice period's one rule (objections within it, publication after it) and who may host a project.</summary>
public sealed class NoticeAndHostRulesTests
{
    private static readonly DateOnly Start = new(2026, 12, 7);
    private static readonly DateOnly End = new(2026, 12, 11);

    [Theory]
    [InlineData(-1, NoticePhase.NotStarted)]
    [InlineData(0, NoticePhase.Open)]
    [InlineData(2, NoticePhase.Open)]
    [InlineData(4, NoticePhase.Open)]
    [InlineData(5, NoticePhase.Ended)]
    public void The_period_is_open_from_its_first_day_to_its_last_both_included(int day, NoticePhase expected)
    {
        var today = Start.AddDays(day);
        Assert.Equal(expected, PublicNoticePeriod.Phase(Start, End, today));
        var refusal = PublicNoticePeriod.RefuseObjection(Start, End, today);
        (string, int)? expectedRefusal = expected == NoticePhase.Open ? null : (ProjectProblemCodes.NotInNotice, 409);
        Assert.Equal(expectedRefusal, refusal is null ? null : (refusal.Code, refusal.Status));
    }

    [Fact]
    public void Without_a_period_nothing_is_open_and_the_refusals_say_why()
    {
        Assert.Equal(NoticePhase.NotStarted, PublicNoticePeriod.Phase(null, null, Start));
        Assert.Contains("尚未开始", PublicNoticePeriod.RefuseObjection(Start, End, Start.AddDays(-3))!.Detail, StringComparison.Ordinal);
        Assert.Contains("已结束", PublicNoticePeriod.RefuseObjection(Start, End, End.AddDays(1))!.Detail, StringComparison.Ordinal);
        Assert.Equal(("待公示", "公示中", "公示期满"), (ProjectLabels.Notice(NoticePhase.NotStarted), ProjectLabels.Notice(NoticePhase.Open), ProjectLabels.Notice(NoticePhase.Ended)));
    }

    [Fact]
    public void A_provider_hosts_only_its_own_project()
    {
        var provider = Organization(OrganizationType.TrainingProvider, "370811", "health");
        var other = Organization(OrganizationType.TrainingProvider, "370811", "health");
        var scope = new AccessScope { OrganizationIds = [provider.Id] };
        Assert.Equal(provider.Id, ProjectHosts.Default(provider));
        Assert.Null(ProjectHosts.Check(provider, provider.Id, provider, scope));
        Assert.Equal(("providerId", ProjectProblemCodes.InvalidHost), Field(ProjectHosts.Check(provider, other.Id, other, scope)));
    }

    [Fact]
    public void Others_name_an_active_provider_within_their_scope_and_an_unknown_one_answers_alike()
    {
        var county = Organization(OrganizationType.CountyBureau, "370811", null);
        var department = Organization(OrganizationType.LineDepartment, "370800", "health");
        var employer = Organization(OrganizationType.Employer, "370811", "health");
        var local = Organization(OrganizationType.TrainingProvider, "370811", "health");
        var elsewhere = Organization(OrganizationType.EducationBase, "370883", "education");
        var closed = Organization(OrganizationType.TrainingProvider, "370811", "health");
        closed.IsActive = false;
        var countyScope = new AccessScope { RegionCodes = ["370811"] };
        var departmentScope = new AccessScope { DepartmentCodes = ["health"] };
        var employerScope = new AccessScope { OrganizationIds = [employer.Id] };
        var office = new AccessScope { AllBusinessData = true };

        Assert.Null(ProjectHosts.Default(county));
        Assert.Null(ProjectHosts.Check(county, local.Id, local, countyScope));
        Assert.Null(ProjectHosts.Check(department, local.Id, local, departmentScope));
        Assert.Null(ProjectHosts.Check(county, elsewhere.Id, elsewhere, office));
        var refusals = new[]
        {
            ProjectHosts.Check(county, elsewhere.Id, elsewhere, countyScope),
            ProjectHosts.Check(department, elsewhere.Id, elsewhere, departmentScope),
            ProjectHosts.Check(employer, local.Id, local, employerScope),
            ProjectHosts.Check(county, closed.Id, closed, countyScope),
            ProjectHosts.Check(county, employer.Id, employer, countyScope),
            ProjectHosts.Check(county, Guid.NewGuid(), null, countyScope),
        };
        Assert.All(refusals, r => Assert.Equal(("providerId", ProjectProblemCodes.InvalidHost), Field(r)));
        Assert.Single(refusals.Select(r => r!.Message).Distinct());
    }

    private static (string, string)? Field(FieldError? error) => error is null ? null : (error.Field, error.Code);

    private static Organization Organization(OrganizationType type, string region, string? department) => new()
    {
        Code = Guid.NewGuid().ToString("N"),
        Name = "测试单位",
        Type = type,
        RegionCode = region,
        DepartmentCode = department,
    };
}
