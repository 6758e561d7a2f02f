using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Registry;

/// <summary>
/// The one rule of a professional's ownership: region and sector are the employer's; a stated value that differs is
/// refused (never silently replaced); only a sectorless employer lets a known, in-scope sector be stated.
/// </summary>
public sealed class ProfessionalOwnershipTests
{
    private static readonly HashSet<string> Known = ["health", "education"];
    private static readonly Guid EmployerId = Guid.NewGuid();

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    [InlineData("370800", "health")]
    [InlineData(" 370800 ", "health ")]
    public void Nothing_or_the_employers_own_values_give_the_employers_region_and_sector(string? region, string? department)
    {
        var (owners, errors) = ProfessionalOwnership.Derive("370800", "health", region, department, null, Known.Contains);
        Assert.Empty(errors);
        Assert.Equal(new ProfessionalOwners("370800", "health"), owners);
    }

    [Fact]
    public void The_probe_a_region_and_sector_other_than_the_employers_is_refused_field_by_field()
    {
        // Employer HR of a 370800/health employer sent "regionCode":"370811","departmentCode":"education" (finding 2).
        var (owners, errors) = ProfessionalOwnership.Derive("370800", "health", "370811", "education", null, Known.Contains, row: 7);

        Assert.Null(owners);
        Assert.Equal(
            [("regionCode", ProfessionalOwnership.RegionNotEmployers, 7), ("departmentCode", ProfessionalOwnership.DepartmentNotEmployers, 7)],
            errors.Select(e => (e.Field, e.Code, e.Row ?? 0)));
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        Assert.Contains("370800", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sectorless_employer_takes_a_stated_known_sector_or_keeps_the_current_one()
    {
        Assert.Equal(new ProfessionalOwners("370811", "education"), ProfessionalOwnership.Derive("370811", null, null, "education", null, Known.Contains).Owners);
        Assert.Equal(new ProfessionalOwners("370811", "health"), ProfessionalOwnership.Derive("370811", null, null, null, "health", Known.Contains).Owners);
        Assert.Equal(new ProfessionalOwners("370811", "education"), ProfessionalOwnership.Derive("370811", null, null, "education", "health", Known.Contains).Owners);

        // An employer with a sector decides even over the current one (a move).
        Assert.Equal(new ProfessionalOwners("370811", "health"), ProfessionalOwnership.Derive("370811", "health", null, null, "education", Known.Contains).Owners);

        var unknown = ProfessionalOwnership.Derive("370811", null, null, "nowhere", null, Known.Contains);
        Assert.Equal(("departmentCode", "department.not_found"), (Assert.Single(unknown.Errors).Field, unknown.Errors[0].Code));
        var missing = ProfessionalOwnership.Derive("370811", null, null, null, null, Known.Contains);
        Assert.Equal(("departmentCode", "required"), (Assert.Single(missing.Errors).Field, missing.Errors[0].Code));
    }

    [Fact]
    public void An_update_at_the_same_employer_keeps_what_it_does_not_state_and_changes_only_to_the_employers_values()
    {
        // A hospital accountant kept in the finance sector (the demo city has such records).
        var current = new ProfessionalOwners("370811", "finance");
        Assert.Equal(current, ProfessionalOwnership.Keep(current, "370811", "health", null, null, Known.Contains).Owners);
        Assert.Equal(current, ProfessionalOwnership.Keep(current, "370811", "health", "370811", "finance", Known.Contains).Owners);
        Assert.Equal(new ProfessionalOwners("370811", "health"), ProfessionalOwnership.Keep(current, "370811", "health", null, "health", Known.Contains).Owners);

        var (owners, errors) = ProfessionalOwnership.Keep(current, "370811", "health", "370883", "education", Known.Contains, row: 3);
        Assert.Null(owners);
        Assert.Equal([ProfessionalOwnership.RegionNotEmployers, ProfessionalOwnership.DepartmentNotEmployers], errors.Select(e => e.Code));

        // A sectorless employer: a known stated sector replaces the current one, an unknown one is refused.
        Assert.Equal(new ProfessionalOwners("370811", "education"), ProfessionalOwnership.Keep(current, "370811", null, null, "education", Known.Contains).Owners);
        Assert.Equal("department.not_found", Assert.Single(ProfessionalOwnership.Keep(current, "370811", null, null, "nowhere", Known.Contains).Errors).Code);
    }

    [Fact]
    public void Registering_needs_the_owners_within_the_callers_own_scope_never_through_self_or_a_feed()
    {
        var owners = new ProfessionalOwners("370811", "education");
        Assert.True(ProfessionalOwnership.MayRegister(new AccessScope { AllBusinessData = true }, owners, EmployerId));
        Assert.True(ProfessionalOwnership.MayRegister(new AccessScope { RegionCodes = ["370811"] }, owners, EmployerId));
        Assert.True(ProfessionalOwnership.MayRegister(new AccessScope { DepartmentCodes = ["education"] }, owners, EmployerId));
        Assert.True(ProfessionalOwnership.MayRegister(new AccessScope { OrganizationIds = [EmployerId] }, owners, EmployerId));

        // A department administrator only its own sector; another county, a feed or oneself never.
        Assert.False(ProfessionalOwnership.MayRegister(new AccessScope { DepartmentCodes = ["health"] }, owners, EmployerId));
        Assert.False(ProfessionalOwnership.MayRegister(new AccessScope { RegionCodes = ["370883"] }, owners, EmployerId));
        Assert.False(ProfessionalOwnership.MayRegister(new AccessScope { Feeds = [FeedScopes.Registry] }, owners, EmployerId));
        Assert.False(ProfessionalOwnership.MayRegister(new AccessScope { UserId = Guid.NewGuid() }, owners, EmployerId));
        Assert.False(ProfessionalOwnership.MayRegister(new AccessScope { OrganizationIds = [Guid.NewGuid()] }, owners, EmployerId));
    }

    [Fact]
    public void The_refusal_of_a_registration_says_nothing_beyond_not_here()
    {
        Assert.Equal("registry.out_of_scope", ProfessionalOwnership.CannotRegister);
        Assert.DoesNotContain("已登记", ProfessionalOwnership.CannotRegisterMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("已在平台", ProfessionalOwnership.CannotRegisterMessage, StringComparison.Ordinal);
        Assert.Contains("市项目办", ProfessionalOwnership.CannotRegisterMessage, StringComparison.Ordinal);
    }
}
