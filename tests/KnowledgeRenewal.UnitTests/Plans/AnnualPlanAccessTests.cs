using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Plans;

/// <summary>Who reads and sets annual plans (<see cref="AnnualPlanAccess"/>): the city program office sets them.</summary>
public sealed class AnnualPlanAccessTests
{
    [Fact]
    public void Only_the_program_office_seeing_all_business_data_sets_a_plan()
    {
        AnnualPlanAccess.RequireWriter(new Access([PlatformRoles.ProgramOfficeAdmin], new AccessScope { AllBusinessData = true }));
        var partial = Assert.Throws<PlatformException>(() => AnnualPlanAccess.RequireWriter(new Access([PlatformRoles.ProgramOfficeAdmin], new AccessScope { RegionCodes = ["370811"] })));
        var county = Assert.Throws<PlatformException>(() => AnnualPlanAccess.RequireWriter(new Access([PlatformRoles.CountyAdmin], new AccessScope { AllBusinessData = true })));

        Assert.All([partial, county], p => Assert.Equal((PlanProblemCodes.NotProgramOffice, 403, "无权设置年度计划"), (p.Code, p.Status, p.Title)));
        Assert.Equal([PlatformRoles.ProgramOfficeAdmin], AnnualPlanAccess.Writers);
        Assert.Equal([PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin], AnnualPlanAccess.Readers);
    }

    private sealed record Access(IReadOnlyList<string> Roles, AccessScope Scope, Guid? UserId = null, Guid? OrganizationId = null, string? ClientId = null) : ICurrentAccess;
}
