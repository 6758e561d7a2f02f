using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;

namespace KnowledgeRenewal.UnitTests.Registry;

/// <summary>The registry's pure rules: entity tags, unmasking purposes, moves, generated ID numbers, changeable fields.</summary>
public class RegistryRulesTests
{
    private static readonly Guid Stamp = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public void An_entity_tag_is_the_quoted_stamp_and_matches_only_itself()
    {
        var tag = EntityTag.Format(Stamp);
        Assert.Equal("\"0f8fad5bd9cb469fa16570867728950e\"", tag);
        Assert.Equal(EntityTagMatch.Current, EntityTag.Check(tag, Stamp, out var sent));
        Assert.Equal(Stamp, sent);
        Assert.Equal(EntityTagMatch.Current, EntityTag.Check("0f8fad5b-d9cb-469f-a165-70867728950e", Stamp, out _));
        Assert.Equal(EntityTagMatch.Current, EntityTag.Check($"\"{Guid.NewGuid():N}\", {tag}", Stamp, out _));
        Assert.Equal(EntityTagMatch.Stale, EntityTag.Check($"\"{Guid.NewGuid():N}\"", Stamp, out _));
        Assert.Equal(EntityTagMatch.Stale, EntityTag.Check("\"not-a-stamp\"", Stamp, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("W/\"0f8fad5bd9cb469fa16570867728950e\"")]
    public void Missing_wildcard_and_weak_tags_name_no_version(string? ifMatch) =>
        Assert.Equal(EntityTagMatch.Missing, EntityTag.Check(ifMatch, Stamp, out _));

    [Theory]
    [InlineData(null, "purpose.required")]
    [InlineData("", "purpose.required")]
    [InlineData("看看", "purpose.required")]
    [InlineData("   查 ", "purpose.required")]
    [InlineData("职称评审\u0007复核", "purpose.invalid")]
    public void An_unmasking_needs_a_purpose_of_four_characters(string? purpose, string code)
    {
        var error = UnmaskPurpose.Check(purpose);
        Assert.NotNull(error);
        Assert.Equal("purpose", error.Field);
        Assert.Equal(code, error.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    [Fact]
    public void A_purpose_is_audited_with_ID_and_phone_numbers_masked()
    {
        Assert.Null(UnmaskPurpose.Check("职称评审资格复核"));
        Assert.Null(UnmaskPurpose.Check(new string('用', UnmaskPurpose.MaxLength)));
        Assert.NotNull(UnmaskPurpose.Check(new string('用', UnmaskPurpose.MaxLength + 1)));

        var audited = UnmaskPurpose.ForAudit("核对 37081119880517123x 与 138-0013-8000，2024年复核");
        Assert.DoesNotContain("370811", audited, StringComparison.Ordinal);
        Assert.DoesNotContain("8000", audited, StringComparison.Ordinal);
        Assert.Contains("2024年复核", audited, StringComparison.Ordinal);
        Assert.StartsWith("核对 ****", audited, StringComparison.Ordinal);
        Assert.Equal(UnmaskPurpose.MaxLength, UnmaskPurpose.ForAudit(new string('用', 500)).Length);
    }

    [Fact]
    public void A_move_ends_the_current_employment_the_day_before()
    {
        var (end, errors) = EmploymentHistory.Move(Guid.NewGuid(), new DateOnly(2015, 3, 1), Guid.NewGuid(), new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 1));
        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2024, 8, 31), end);

        var (none, noErrors) = EmploymentHistory.Move(Guid.NewGuid(), null, Guid.NewGuid(), new DateOnly(2024, 9, 1), new DateOnly(2024, 9, 2));
        Assert.Empty(noErrors);
        Assert.Null(none);
    }

    [Fact]
    public void A_move_to_the_same_employer_before_the_current_start_or_in_the_future_is_refused()
    {
        var employer = Guid.NewGuid();
        var today = new DateOnly(2024, 9, 1);
        Assert.Equal("move.same_employer", Assert.Single(EmploymentHistory.Move(employer, new DateOnly(2015, 3, 1), employer, today, today).Errors).Code);
        Assert.Equal("move.started_on_too_early", Assert.Single(EmploymentHistory.Move(employer, new DateOnly(2015, 3, 1), Guid.NewGuid(), new DateOnly(2015, 3, 1), today).Errors).Code);
        Assert.Equal("move.started_on_future", Assert.Single(EmploymentHistory.Move(employer, new DateOnly(2015, 3, 1), Guid.NewGuid(), today.AddDays(1), today).Errors).Code);
        Assert.All(EmploymentHistory.Move(employer, today, employer, today.AddDays(1), today).Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
    }

    [Fact]
    public void Leaving_is_allowed_from_the_current_start_until_today_and_only_once()
    {
        var today = new DateOnly(2026, 12, 6);
        var started = new DateOnly(2015, 3, 1);
        Assert.Empty(EmploymentHistory.Leave(ProfessionalStatus.Active, started, today, today));
        Assert.Empty(EmploymentHistory.Leave(ProfessionalStatus.Active, started, started, today));
        Assert.Empty(EmploymentHistory.Leave(ProfessionalStatus.Active, null, new DateOnly(2001, 1, 1), today));

        var future = Assert.Single(EmploymentHistory.Leave(ProfessionalStatus.Active, started, today.AddDays(1), today));
        Assert.Equal(("leftOn", "leave.left_on_future"), (future.Field, future.Code));
        var early = Assert.Single(EmploymentHistory.Leave(ProfessionalStatus.Active, started, started.AddDays(-1), today));
        Assert.Equal(("leftOn", "leave.left_on_too_early"), (early.Field, early.Code));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", early.Message);

        foreach (var gone in new[] { ProfessionalStatus.Left, ProfessionalStatus.Retired })
        {
            var refused = Assert.Throws<KnowledgeRenewal.Sdk.PlatformException>(() => EmploymentHistory.Leave(gone, started, today, today));
            Assert.Equal((EmploymentHistory.AlreadyLeft, 409), (refused.Code, refused.Status));
        }

        Assert.True(EmploymentHistory.IsLeaving(ProfessionalStatus.Left));
        Assert.True(EmploymentHistory.IsLeaving(ProfessionalStatus.Retired));
        Assert.False(EmploymentHistory.IsLeaving(ProfessionalStatus.Active));
        Assert.False(EmploymentHistory.IsLeaving(null));
    }

    [Fact]
    public void Generated_ID_numbers_are_valid_and_carry_division_birth_date_and_gender()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 15000));
            var gender = i % 2 == 0 ? Gender.Male : Gender.Female;
            var number = ResidentIdNumberGenerator.Generate("370883", birth, gender, random.Next);
            Assert.True(ResidentIdNumber.TryParse(number.Value, new DateOnly(2030, 1, 1), out var parsed, out var error), error);
            Assert.Equal("370883", parsed.DivisionCode);
            Assert.Equal(birth, parsed.BirthDate);
            Assert.Equal(gender == Gender.Male, parsed.IsMale);
        }

        Assert.Throws<ArgumentException>(() => ResidentIdNumberGenerator.Generate("3708", new DateOnly(1990, 1, 1), Gender.Male, random.Next));
    }

    [Fact]
    public void Changeable_fields_of_a_professional_follow_the_registration_rules()
    {
        var (valid, errors) = ProfessionalRules.ValidateDetails(new ProfessionalDetailsInput
        {
            Name = " 王芳 ",
            Phone = "+86 139-1234-5678",
            TitleLevel = "副高",
            Education = "硕士",
            Status = "退休",
            TitleSeries = "卫生技术",
        });
        Assert.Empty(errors);
        Assert.Equal("王芳", valid!.Name);
        Assert.Equal("13912345678", valid.Phone);
        Assert.Equal(TitleLevel.AssociateSenior, valid.TitleLevel);
        Assert.Equal(EducationLevel.Master, valid.Education);
        Assert.Equal(ProfessionalStatus.Retired, valid.Status);

        var (invalid, problems) = ProfessionalRules.ValidateDetails(new ProfessionalDetailsInput { Name = "王2", Phone = "12345", TitleLevel = "特级", Status = "休假", Specialty = new string('专', 65) }, row: 7);
        Assert.Null(invalid);
        Assert.Equal(["name", "phone", "titleLevel", "education", "status", "specialty"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(7, p.Row));

        // Registration reports the same fields in the same way.
        var registration = ProfessionalRules.Validate(new ProfessionalInput { Name = "王2", Phone = "12345", TitleLevel = "特级", Status = "休假" }, new DateOnly(2024, 1, 1)).Errors;
        foreach (var problem in problems.Where(p => p.Field != "specialty"))
        {
            Assert.Contains(registration, r => r.Field == problem.Field && r.Code == problem.Code && r.Message == problem.Message);
        }
    }

    [Fact]
    public void Changeable_fields_of_an_employer_follow_the_registration_rules()
    {
        var (valid, errors) = EmployerRules.ValidateDetails(new EmployerDetailsInput { Name = "济宁某某医院", Ownership = "民营", DepartmentCode = " health " });
        Assert.Empty(errors);
        Assert.Equal(Ownership.NonPublic, valid!.Ownership);
        Assert.Equal("health", valid.DepartmentCode);

        var (_, problems) = EmployerRules.ValidateDetails(new EmployerDetailsInput { Ownership = "集体" });
        Assert.Equal(["name", "ownership"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Providers_need_a_valid_code_only_when_registered_and_bases_a_date_not_in_the_future()
    {
        var code = UnifiedSocialCreditCode.Generate('1', '2', "370811", new Random(3).Next).Value;
        var (provider, errors) = TrainingProviderRules.Validate(new TrainingProviderInput { CreditCode = code, Name = "济宁学院", Kind = "高等院校", RegionCode = "370881" }, registering: true);
        Assert.Empty(errors);
        Assert.Equal(ProviderKind.University, provider!.Kind);
        Assert.Equal(code, provider.CreditCode!.Value.Value);

        Assert.Equal(["creditCode", "kind"], TrainingProviderRules.Validate(new TrainingProviderInput { CreditCode = code[..17] + "I", Name = "某机构", Kind = "夜校", RegionCode = "370811" }, registering: true).Errors.Select(e => e.Field));
        Assert.Empty(TrainingProviderRules.Validate(new TrainingProviderInput { CreditCode = "ignored", Name = "某机构", Kind = "科研院所", RegionCode = "370811" }, registering: false).Errors);

        var today = new DateOnly(2024, 6, 1);
        var (designation, none) = EducationBaseRules.Validate(new EducationBaseInput { Name = "基地", OrganizationId = Guid.NewGuid(), Level = "省级", DesignatedOn = today, Status = "整改考核中" }, today, designating: true);
        Assert.Empty(none);
        Assert.Equal(BaseLevel.Provincial, designation!.Level);
        Assert.Equal(BaseStatus.UnderReview, designation.Status);
        var refused = EducationBaseRules.Validate(new EducationBaseInput { Name = "", Level = "区级", DesignatedOn = today.AddDays(1), Status = "暂停" }, today, designating: true).Errors;
        Assert.Equal(["name", "organizationId", "level", "designatedOn", "status"], refused.Select(e => e.Field));
    }
}
