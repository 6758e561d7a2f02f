using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Projects;

/// <summary>
/// Who may do what to a project besides the workflow (<see cref="ProjectAccess"/>), who recommends it
/// (<see cref="ProjectRecommenders"/>) and how it is numbered (<see cref="ProjectNumbers"/>) — pure domain rules.
/// </summary>
public sealed class ProjectAccessTests
{
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid County = Guid.NewGuid();

    [Theory]
    [InlineData(PlatformRoles.ProviderStaff, ProjectType.BaseConstruction, true)]
    [InlineData(PlatformRoles.ProviderStaff, ProjectType.DigitalEngineer, true)]
    [InlineData(PlatformRoles.CountyAdmin, ProjectType.AdvancedSeminar, true)]
    [InlineData(PlatformRoles.CountyAdmin, ProjectType.DigitalEngineer, false)]
    [InlineData(PlatformRoles.ProgramOfficeAdmin, ProjectType.CapacityBuilding, true)]
    [InlineData(PlatformRoles.ProgramOfficeAdmin, ProjectType.AdvancedSeminar, false)]
    [InlineData(PlatformRoles.Professional, ProjectType.CapacityBuilding, false)]
    public void A_caller_applies_for_their_own_organization_when_their_role_may_apply_for_the_type(string role, ProjectType type, bool may)
    {
        var caller = new Caller([role], new AccessScope(), Provider);

        if (may)
        {
            Assert.Equal(Provider, ProjectAccess.ApplicantOrganization(type, caller));
        }
        else
        {
            var refusal = Assert.Throws<PlatformException>(() => ProjectAccess.ApplicantOrganization(type, caller));
            Assert.Equal((ProjectProblemCodes.NotApplicant, 403), (refusal.Code, refusal.Status));
            Assert.Contains("您的角色不能申报", refusal.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_caller_of_no_organization_applies_for_nothing()
    {
        var refusal = Assert.Throws<PlatformException>(() => ProjectAccess.ApplicantOrganization(ProjectType.CapacityBuilding, new Caller([PlatformRoles.ProviderStaff], new AccessScope(), null)));

        Assert.Equal(ProjectProblemCodes.NotApplicant, refusal.Code);
    }

    [Fact]
    public void Only_the_applicants_staff_change_an_application_and_only_while_it_is_a_draft()
    {
        var draft = new Project { Number = "XM2026-C0001", Title = "测试", Type = ProjectType.CapacityBuilding, RegionCode = "370811", ApplicantOrganizationId = Provider };
        var submitted = new Project { Number = "XM2026-C0002", Title = "测试", Type = ProjectType.CapacityBuilding, RegionCode = "370811", ApplicantOrganizationId = Provider, Status = ProjectStatus.Submitted };

        ProjectAccess.RequireApplicantOf(draft, Provider);
        ProjectAccess.RequireDraft(draft);
        Assert.Equal((ProjectProblemCodes.NotApplicant, 403), Problem(() => ProjectAccess.RequireApplicantOf(draft, County)));
        Assert.Equal((ProjectProblemCodes.NotDraft, 409), Problem(() => ProjectAccess.RequireDraft(submitted)));
    }

    [Fact]
    public void Only_the_program_office_seeing_all_business_data_sees_who_filed_an_objection()
    {
        Assert.True(ProjectAccess.SeesObjector(new Caller([PlatformRoles.ProgramOfficeAdmin], new AccessScope { AllBusinessData = true }, null)));
        Assert.False(ProjectAccess.SeesObjector(new Caller([PlatformRoles.ProgramOfficeAdmin], new AccessScope(), null)));
        Assert.False(ProjectAccess.SeesObjector(new Caller([PlatformRoles.CountyAdmin], new AccessScope { AllBusinessData = true }, null)));
        Assert.DoesNotContain(PlatformRoles.Professional, ProjectAccess.Readers);
    }

    [Fact]
    public void The_recommender_is_the_active_county_bureau_of_the_region_or_line_department_of_the_sector_never_the_applicant()
    {
        var applicant = Organization(OrganizationType.CountyBureau, "370811", null);
        var county = Organization(OrganizationType.CountyBureau, "370811", null);
        var department = Organization(OrganizationType.LineDepartment, "370800", "health");
        var elsewhere = Organization(OrganizationType.CountyBureau, "370883", null);
        var closed = Organization(OrganizationType.CountyBureau, "370811", null);
        closed.IsActive = false;

        Assert.Null(ProjectRecommenders.Check(applicant, county, "370811", "health"));
        Assert.Null(ProjectRecommenders.Check(applicant, department, "370811", "health"));
        Assert.All(
            [
                ProjectRecommenders.Check(applicant, elsewhere, "370811", "health"),
                ProjectRecommenders.Check(applicant, department, "370811", "education"),
                ProjectRecommenders.Check(applicant, department, "370811", null),
                ProjectRecommenders.Check(applicant, closed, "370811", "health"),
                ProjectRecommenders.Check(applicant, null, "370811", "health"),
                ProjectRecommenders.Check(applicant, applicant, "370811", "health"),
            ],
            e => Assert.Equal(("recommenderOrganizationId", ProjectProblemCodes.InvalidRecommender), (e!.Field, e.Code)));
        Assert.Contains("不能是申报单位本身", ProjectRecommenders.Check(applicant, applicant, "370811", null)!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProjectType.AdvancedSeminar, 2026, 0, "XM2026-S0001")]
    [InlineData(ProjectType.CapacityBuilding, 2027, 41, "XM2027-C0042")]
    [InlineData(ProjectType.DigitalEngineer, 2026, 9, "XM2026-D0010")]
    [InlineData(ProjectType.BaseConstruction, 2030, 999, "XM2030-B1000")]
    public void A_project_is_numbered_by_credit_year_type_and_sequence(ProjectType type, int year, int taken, string expected)
    {
        Assert.Equal(expected, ProjectNumbers.Next(type, year, taken));
        Assert.StartsWith(ProjectNumbers.Prefix(type, year), expected, StringComparison.Ordinal);
    }

    private static (string, int) Problem(Action act)
    {
        var problem = Assert.Throws<PlatformException>(act);
        return (problem.Code, problem.Status);
    }

    private static Organization Organization(OrganizationType type, string region, string? department) => new()
    {
        Code = Guid.NewGuid().ToString("N"),
        Name = "测试单位",
        Type = type,
        RegionCode = region,
        DepartmentCode = department,
    };

    private sealed record Caller(IReadOnlyList<string> Roles, AccessScope Scope, Guid? OrganizationId, Guid? UserId = null, string? ClientId = null) : ICurrentAccess;
}
