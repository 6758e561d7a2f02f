using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.DigitalEngineers;

/// <summary>
/// Who may act in the digital-engineer pipeline (<see cref="DigitalEngineerAccess"/>), as pure functions of the caller
/// and the object: institution staff for their own organization, claims by the holder, their county or the program
/// office, decided by the county they were filed in — never by whoever filed them.
/// </summary>
public sealed class DigitalEngineerAccessTests
{
    private static readonly Guid Trainer = Guid.NewGuid();
    private static readonly Guid Holder = Guid.NewGuid();

    [Fact]
    public void Institution_staff_act_for_their_own_organization_and_the_program_office_for_any()
    {
        var institution = new DigitalInstitution
        {
            OrganizationId = Trainer, OrganizationCode = "X", OrganizationName = "济宁数字学院", RegionCode = "370811", ListedByName = "t", UpdatedByName = "t",
        };

        DigitalEngineerAccess.RequireStaffOf(Caller([PlatformRoles.ProviderStaff], new AccessScope { OrganizationIds = [Trainer] }), institution, "登记培训");
        DigitalEngineerAccess.RequireStaffOf(Caller([PlatformRoles.ProgramOfficeAdmin], new AccessScope()), institution, "登记培训");
        var other = Assert.Throws<PlatformException>(() =>
            DigitalEngineerAccess.RequireStaffOf(Caller([PlatformRoles.ProviderStaff], new AccessScope { OrganizationIds = [Guid.NewGuid()] }), institution, "登记培训"));
        var notStaff = Assert.Throws<PlatformException>(() =>
            DigitalEngineerAccess.RequireStaffOf(Caller([PlatformRoles.EmployerHr], new AccessScope { OrganizationIds = [Trainer] }), institution, "登记培训"));

        Assert.All([other, notStaff], p => Assert.Equal((DigitalEngineerProblemCodes.NotInstitutionStaff, 403), (p.Code, p.Status)));
        Assert.Equal("只有“济宁数字学院”的工作人员（或项目办）可以登记培训。", other.Detail);
    }

    [Fact]
    public void A_claim_is_filed_by_the_holder_their_county_or_the_program_office()
    {
        Assert.True(DigitalEngineerAccess.MayClaimFor(Caller([PlatformRoles.Professional], new AccessScope(), Holder), Holder, "370811"));
        Assert.True(DigitalEngineerAccess.MayClaimFor(Caller([PlatformRoles.CountyAdmin], new AccessScope { RegionCodes = ["370811"] }), Holder, "370811"));
        Assert.True(DigitalEngineerAccess.MayClaimFor(Caller([PlatformRoles.ProgramOfficeAdmin], new AccessScope()), null, "370811"));
        Assert.False(DigitalEngineerAccess.MayClaimFor(Caller([PlatformRoles.Professional], new AccessScope(), Guid.NewGuid()), Holder, "370811"));
        Assert.False(DigitalEngineerAccess.MayClaimFor(Caller([PlatformRoles.Professional], new AccessScope(), null), null, "370811"));
        Assert.False(DigitalEngineerAccess.MayClaimFor(Caller([PlatformRoles.CountyAdmin], new AccessScope { RegionCodes = ["370883"] }), Holder, "370811"));
        var refusal = Assert.Throws<PlatformException>(() => DigitalEngineerAccess.RequireClaimant(Caller([PlatformRoles.EmployerHr], new AccessScope { AllBusinessData = true }), Holder, "370811"));
        Assert.Equal((DigitalEngineerProblemCodes.NotClaimant, 403), (refusal.Code, refusal.Status));
    }

    [Fact]
    public void A_claim_is_decided_by_the_county_it_was_filed_in_or_the_program_office_never_by_its_filer()
    {
        var county = Guid.NewGuid();
        var claim = Claim(submittedBy: county);

        DigitalEngineerAccess.RequireApprover(Caller([PlatformRoles.CountyAdmin], new AccessScope { RegionCodes = ["370811"] }), claim);
        DigitalEngineerAccess.RequireApprover(Caller([PlatformRoles.ProgramOfficeAdmin], new AccessScope(), Guid.NewGuid()), claim);
        var elsewhere = Assert.Throws<PlatformException>(() => DigitalEngineerAccess.RequireApprover(Caller([PlatformRoles.CountyAdmin], new AccessScope { RegionCodes = ["370883"] }), claim));
        var filer = Assert.Throws<PlatformException>(() => DigitalEngineerAccess.RequireApprover(Caller([PlatformRoles.CountyAdmin], new AccessScope { RegionCodes = ["370811"] }, county), claim));

        Assert.Equal((DigitalEngineerProblemCodes.NotApprover, 403), (elsewhere.Code, elsewhere.Status));
        Assert.Equal((DigitalEngineerProblemCodes.SelfDecision, 403), (filer.Code, filer.Status));
    }

    [Fact]
    public void The_endpoints_roles_keep_professionals_from_recording_and_deciding()
    {
        Assert.DoesNotContain(PlatformRoles.Professional, DigitalEngineerAccess.InstitutionActors);
        Assert.DoesNotContain(PlatformRoles.Professional, DigitalEngineerAccess.Approvers);
        Assert.Equal([PlatformRoles.ProgramOfficeAdmin], DigitalEngineerAccess.CatalogWriters);
        Assert.Contains(PlatformRoles.Professional, DigitalEngineerAccess.Claimants);
    }

    private static SubsidyClaim Claim(Guid? submittedBy) => new()
    {
        CertificateId = Guid.NewGuid(), ProfessionalId = Guid.NewGuid(), RegionCode = "370811", DepartmentCode = "health", SubmittedByName = "申领人", SubmittedByUserId = submittedBy,
    };

    private static Access Caller(IReadOnlyList<string> roles, AccessScope scope, Guid? userId = null) => new(roles, scope, userId);

    private sealed record Access(IReadOnlyList<string> Roles, AccessScope Scope, Guid? UserId, Guid? OrganizationId = null, string? ClientId = null) : ICurrentAccess;
}
