using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.DigitalEngineers;

/// <summary>
/// The rules of the digital-technology-engineer pipeline: the catalog (kind, validity, fields), distinct training and
/// evaluation organizations, certificate issuing, subsidy eligibility with one claim per certificate, the claim's
/// states and the title linkage of each certificate.
/// </summary>
public sealed class DigitalEngineerRulesTests
{
    private static readonly DigitalActor Actor = new(Guid.NewGuid(), "tester");
    private static readonly DateTime At = new(2025, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly CertificateHolder Person = new(Guid.NewGuid(), "张思远", "3708**********123X", "370811", "health");

    [Fact]
    public void The_catalog_has_ten_fields_of_three_levels_with_the_seeds_names()
    {
        Assert.Equal(10, DigitalEngineerCatalog.Fields.Count);
        Assert.Equal(
            ["人工智能", "物联网", "大数据", "云计算", "数字化管理", "智能制造", "工业互联网", "虚拟现实", "区块链", "集成电路"],
            DigitalEngineerCatalog.Fields.Select(f => f.Name));
        Assert.Equal(["初级", "中级", "高级"], DigitalEngineerCatalog.Levels.Select(DigitalEngineerCatalog.LevelName));
        Assert.True(DigitalEngineerCatalog.TryParseField("区块链", out var chinese) && chinese == DigitalField.Blockchain);
        Assert.True(DigitalEngineerCatalog.TryParseField("bigdata", out var english) && english == DigitalField.BigData);
        Assert.True(DigitalEngineerCatalog.TryParseField("10", out var code) && code == DigitalField.IntegratedCircuits);
        Assert.False(DigitalEngineerCatalog.TryParseField("量子计算", out _));
        Assert.True(DigitalEngineerCatalog.TryParseLevel("高级", out var senior) && senior == DigitalLevel.Senior);
        Assert.False(DigitalEngineerCatalog.TryParseLevel("特级", out _));
    }

    [Theory]
    [InlineData(OrganizationType.TrainingProvider, true)]
    [InlineData(OrganizationType.EducationBase, true)]
    [InlineData(OrganizationType.Employer, false)]
    [InlineData(OrganizationType.CountyBureau, false)]
    [InlineData(OrganizationType.ProgramOffice, false)]
    public void Only_providers_and_bases_can_be_catalogued(OrganizationType type, bool listable)
    {
        var problem = DigitalEngineerRules.CheckListable(type, "某单位");
        Assert.Equal(listable, problem is null);
        Assert.True(listable || problem!.Code == DigitalEngineerProblemCodes.OrganizationNotEligible);
    }

    [Fact]
    public void An_institution_acts_only_as_its_kind_within_its_validity_and_fields()
    {
        var trainer = Institution(InstitutionKind.Training, (DigitalField.BigData, DigitalLevel.Junior));
        Assert.Null(DigitalEngineerRules.CheckActs(trainer, InstitutionKind.Training, DigitalField.BigData, DigitalLevel.Junior, "培训", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)));

        Assert.Equal(DigitalEngineerProblemCodes.InstitutionNotListed, Code(DigitalEngineerRules.CheckActs(null, InstitutionKind.Training, DigitalField.BigData, DigitalLevel.Junior, "培训", new DateOnly(2024, 5, 1))));
        Assert.Equal(DigitalEngineerProblemCodes.WrongInstitutionKind, Code(DigitalEngineerRules.CheckActs(trainer, InstitutionKind.Evaluation, DigitalField.BigData, DigitalLevel.Junior, "评价", new DateOnly(2024, 5, 1))));
        Assert.Equal(DigitalEngineerProblemCodes.OutsideValidity, Code(DigitalEngineerRules.CheckActs(trainer, InstitutionKind.Training, DigitalField.BigData, DigitalLevel.Junior, "培训", new DateOnly(2023, 12, 31))));
        Assert.Equal(DigitalEngineerProblemCodes.OutsideValidity, Code(DigitalEngineerRules.CheckActs(trainer, InstitutionKind.Training, DigitalField.BigData, DigitalLevel.Junior, "培训", new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1))));
        Assert.Equal(DigitalEngineerProblemCodes.FieldNotListed, Code(DigitalEngineerRules.CheckActs(trainer, InstitutionKind.Training, DigitalField.BigData, DigitalLevel.Senior, "培训", new DateOnly(2024, 5, 1))));
        Assert.Equal(DigitalEngineerProblemCodes.FieldNotListed, Code(DigitalEngineerRules.CheckActs(trainer, InstitutionKind.Training, DigitalField.Blockchain, DigitalLevel.Junior, "培训", new DateOnly(2024, 5, 1))));
        var problem = DigitalEngineerRules.CheckActs(trainer, InstitutionKind.Training, DigitalField.BigData, DigitalLevel.Junior, "培训", new DateOnly(2026, 3, 1))!;
        Assert.Equal(422, problem.Status);
        Assert.Contains("2024-01-01 至 2025-12-31", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_outside_the_catalog_is_refused_and_inside_it_is_recorded_with_the_persons_region()
    {
        var trainer = Institution(InstitutionKind.Training, (DigitalField.BigData, DigitalLevel.Junior));
        var refused = Assert.Throws<PlatformException>(() => DigitalEngineerRules.Train(Person, trainer, DigitalField.ArtificialIntelligence, DigitalLevel.Junior, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3), 24, true, Actor, At));
        Assert.Equal(DigitalEngineerProblemCodes.FieldNotListed, refused.Code);

        var training = DigitalEngineerRules.Train(Person, trainer, DigitalField.BigData, DigitalLevel.Junior, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3), 24, true, Actor, At);
        Assert.Equal((trainer.Id, trainer.OrganizationId, "370811", "health", "tester"), (training.InstitutionId, training.InstitutionOrganizationId, training.RegionCode, training.DepartmentCode, training.RecordedByName));
    }

    [Fact]
    public void The_evaluation_institution_is_never_the_organization_that_trained_the_person()
    {
        var trainer = Institution(InstitutionKind.Training, (DigitalField.BigData, DigitalLevel.Junior));
        var training = Trained(trainer, passed: true);

        // An evaluation entry of the very organization that trained (the catalog refuses this; the rule holds regardless).
        var sameOrganization = Institution(InstitutionKind.Evaluation, trainer.OrganizationId, (DigitalField.BigData, DigitalLevel.Junior));
        Assert.Equal(DigitalEngineerProblemCodes.SameOrganization, DigitalEngineerRules.CheckDistinct(training.InstitutionOrganizationId, sameOrganization)!.Code);
        var refused = Assert.Throws<PlatformException>(() => DigitalEngineerRules.Evaluate(training, false, sameOrganization, new DateOnly(2024, 6, 1), 80, Actor, At));
        Assert.Equal(DigitalEngineerProblemCodes.SameOrganization, refused.Code);

        // The trainer itself is a training institution: wrong kind.
        Assert.Equal(DigitalEngineerProblemCodes.WrongInstitutionKind, Assert.Throws<PlatformException>(() => DigitalEngineerRules.Evaluate(training, false, trainer, new DateOnly(2024, 6, 1), 80, Actor, At)).Code);

        var evaluator = Institution(InstitutionKind.Evaluation, (DigitalField.BigData, DigitalLevel.Junior));
        var evaluation = DigitalEngineerRules.Evaluate(training, false, evaluator, new DateOnly(2024, 6, 1), 60, Actor, At);
        Assert.True(evaluation.Passed);
        Assert.Equal((training.InstitutionOrganizationId, evaluator.OrganizationId), (evaluation.TrainingOrganizationId, evaluation.InstitutionOrganizationId));
        Assert.False(DigitalEngineerRules.Evaluate(training, false, evaluator, new DateOnly(2024, 6, 1), 59, Actor, At).Passed);
    }

    [Fact]
    public void Only_a_passed_training_is_evaluated_once_passed_and_not_before_it_ended()
    {
        var trainer = Institution(InstitutionKind.Training, (DigitalField.BigData, DigitalLevel.Junior));
        var evaluator = Institution(InstitutionKind.Evaluation, (DigitalField.BigData, DigitalLevel.Junior));
        Assert.Equal(DigitalEngineerProblemCodes.TrainingNotPassed, Assert.Throws<PlatformException>(() => DigitalEngineerRules.Evaluate(Trained(trainer, passed: false), false, evaluator, new DateOnly(2024, 6, 1), 90, Actor, At)).Code);
        Assert.Equal(DigitalEngineerProblemCodes.AlreadyEvaluated, Assert.Throws<PlatformException>(() => DigitalEngineerRules.Evaluate(Trained(trainer, passed: true), true, evaluator, new DateOnly(2024, 6, 1), 90, Actor, At)).Code);
        Assert.Equal(DigitalEngineerProblemCodes.OutsideValidity, Assert.Throws<PlatformException>(() => DigitalEngineerRules.Evaluate(Trained(trainer, passed: true), false, evaluator, new DateOnly(2024, 5, 2), 90, Actor, At)).Code);
    }

    [Fact]
    public void Certificates_come_from_passed_steps_of_their_own_institution_with_the_title_linkage_of_their_level()
    {
        var trainer = Institution(InstitutionKind.Training, (DigitalField.BigData, DigitalLevel.Senior));
        var evaluator = Institution(InstitutionKind.Evaluation, (DigitalField.BigData, DigitalLevel.Senior));
        var failed = Trained(trainer, passed: false, DigitalLevel.Senior);
        Assert.Equal(DigitalEngineerProblemCodes.TrainingNotPassed, Assert.Throws<PlatformException>(() => DigitalEngineerRules.IssueTrainingCertificate(failed, trainer, Person, "N1", new DateOnly(2024, 6, 1), Actor, At)).Code);

        var training = Trained(trainer, passed: true, DigitalLevel.Senior);
        Assert.Equal(DigitalEngineerProblemCodes.WrongInstitutionKind, Assert.Throws<PlatformException>(() => DigitalEngineerRules.IssueTrainingCertificate(training, evaluator, Person, "N1", new DateOnly(2024, 6, 1), Actor, At)).Code);
        Assert.Equal(DigitalEngineerProblemCodes.OutsideValidity, Assert.Throws<PlatformException>(() => DigitalEngineerRules.IssueTrainingCertificate(training, trainer, Person, "N1", new DateOnly(2026, 1, 5), Actor, At)).Code);
        var trainingCertificate = DigitalEngineerRules.IssueTrainingCertificate(training, trainer, Person, "N1", new DateOnly(2024, 6, 1), Actor, At);
        Assert.Equal((DigitalCertificateKind.TrainingQualified, TitleLinkage.None, "张*远", 2024), (trainingCertificate.Kind, trainingCertificate.TitleLinkage, trainingCertificate.HolderNameMasked, trainingCertificate.Year));

        var failedEvaluation = DigitalEngineerRules.Evaluate(training, false, evaluator, new DateOnly(2024, 6, 1), 40, Actor, At);
        Assert.Equal(DigitalEngineerProblemCodes.EvaluationNotPassed, Assert.Throws<PlatformException>(() => DigitalEngineerRules.IssueLevelCertificate(training, failedEvaluation, evaluator, Person, "N2", new DateOnly(2024, 6, 2), Actor, At)).Code);
        var evaluation = DigitalEngineerRules.Evaluate(training, false, evaluator, new DateOnly(2024, 6, 1), 75, Actor, At);
        var level = DigitalEngineerRules.IssueLevelCertificate(training, evaluation, evaluator, Person, "N2", new DateOnly(2024, 6, 2), Actor, At);
        Assert.Equal((DigitalCertificateKind.ProfessionalLevel, TitleLinkage.SeniorTitleReference, evaluation.Id, evaluator.OrganizationId), (level.Kind, level.TitleLinkage, level.EvaluationId, level.IssuerOrganizationId));
    }

    [Theory]
    [InlineData(DigitalCertificateKind.ProfessionalLevel, DigitalLevel.Senior, TitleLinkage.SeniorTitleReference, "高级职称申报参考")]
    [InlineData(DigitalCertificateKind.ProfessionalLevel, DigitalLevel.Intermediate, TitleLinkage.TitleRecognition, "可作为职称认定依据")]
    [InlineData(DigitalCertificateKind.ProfessionalLevel, DigitalLevel.Junior, TitleLinkage.TitleRecognition, "可作为职称认定依据")]
    [InlineData(DigitalCertificateKind.TrainingQualified, DigitalLevel.Senior, TitleLinkage.None, null)]
    public void Title_linkage_follows_kind_and_level(DigitalCertificateKind kind, DigitalLevel level, TitleLinkage expected, string? text)
    {
        Assert.Equal(expected, DigitalEngineerCatalog.Linkage(kind, level));
        Assert.Equal(text, DigitalEngineerCatalog.LinkageName(expected));
    }

    [Fact]
    public void Only_a_training_certificate_is_eligible_for_one_subsidy_claim_at_the_standard_of_its_level()
    {
        var trainer = Institution(InstitutionKind.Training, (DigitalField.BigData, DigitalLevel.Intermediate));
        var evaluator = Institution(InstitutionKind.Evaluation, (DigitalField.BigData, DigitalLevel.Intermediate));
        var training = Trained(trainer, passed: true, DigitalLevel.Intermediate);
        var certificate = DigitalEngineerRules.IssueTrainingCertificate(training, trainer, Person, "N1", new DateOnly(2024, 6, 1), Actor, At);
        var level = DigitalEngineerRules.IssueLevelCertificate(training, DigitalEngineerRules.Evaluate(training, false, evaluator, new DateOnly(2024, 6, 1), 90, Actor, At), evaluator, Person, "N2", new DateOnly(2024, 6, 2), Actor, At);

        Assert.Equal(DigitalEngineerProblemCodes.NotEligible, Assert.Throws<PlatformException>(() => DigitalEngineerRules.Claim(level, false, null, Actor, At)).Code);
        Assert.Equal(DigitalEngineerProblemCodes.ClaimExists, Assert.Throws<PlatformException>(() => DigitalEngineerRules.Claim(certificate, true, null, Actor, At)).Code);
        var claim = DigitalEngineerRules.Claim(certificate, false, "首次申领", Actor, At);
        Assert.Equal((SubsidyClaimStatus.Submitted, 1500m, certificate.Id, "370811"), (claim.Status, claim.Amount, claim.CertificateId, claim.RegionCode));
    }

    [Fact]
    public void A_claim_goes_submitted_then_approved_then_paid_or_rejected_and_nothing_else()
    {
        var claim = NewClaim();
        Assert.Equal(DigitalEngineerProblemCodes.ClaimWrongStep, Assert.Throws<PlatformException>(() => claim.Pay(null, "x", At, "V1")).Code);
        claim.Decide(true, Actor.UserId, "approver", At, "符合条件");
        Assert.Equal((SubsidyClaimStatus.Approved, "approver", "符合条件"), (claim.Status, claim.DecidedByName, claim.DecisionComment));
        Assert.Equal(409, Assert.Throws<PlatformException>(() => claim.Decide(false, null, "x", At, "再审")).Status);
        claim.Pay(null, "payer", At.AddDays(3), "V1");
        Assert.Equal((SubsidyClaimStatus.Paid, "payer", "V1"), (claim.Status, claim.PaidByName, claim.PaymentReference));
        Assert.Equal(DigitalEngineerProblemCodes.ClaimWrongStep, Assert.Throws<PlatformException>(() => claim.Pay(null, "x", At, "V2")).Code);

        var rejected = NewClaim();
        rejected.Decide(false, null, "approver", At, "材料不全");
        Assert.Equal(SubsidyClaimStatus.Rejected, rejected.Status);
        Assert.Equal(DigitalEngineerProblemCodes.ClaimWrongStep, Assert.Throws<PlatformException>(() => rejected.Pay(null, "x", At, "V3")).Code);
    }

    [Fact]
    public void Certificate_numbers_carry_kind_year_field_level_and_a_serial()
    {
        var number = DigitalCertificateNumbers.Format(DigitalCertificateKind.TrainingQualified, 2025, DigitalField.Blockchain, DigitalLevel.Senior, 42);
        Assert.Equal("SZPX-2025-093-000042", number);
        Assert.Equal(42, DigitalCertificateNumbers.SerialOf(number));
        Assert.StartsWith(DigitalCertificateNumbers.YearPrefix(DigitalCertificateKind.ProfessionalLevel, 2025), DigitalCertificateNumbers.Format(DigitalCertificateKind.ProfessionalLevel, 2025, DigitalField.ArtificialIntelligence, DigitalLevel.Junior, 1), StringComparison.Ordinal);
    }

    private static SubsidyClaim NewClaim()
    {
        var trainer = Institution(InstitutionKind.Training, (DigitalField.BigData, DigitalLevel.Junior));
        var certificate = DigitalEngineerRules.IssueTrainingCertificate(Trained(trainer, passed: true), trainer, Person, "N", new DateOnly(2024, 6, 1), Actor, At);
        return DigitalEngineerRules.Claim(certificate, false, null, Actor, At);
    }

    private static DigitalTraining Trained(DigitalInstitution trainer, bool passed, DigitalLevel level = DigitalLevel.Junior) =>
        DigitalEngineerRules.Train(Person, trainer, DigitalField.BigData, level, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 3), 24, passed, Actor, At);

    private static DigitalInstitution Institution(InstitutionKind kind, params (DigitalField Field, DigitalLevel Level)[] scopes) => Institution(kind, Guid.NewGuid(), scopes);

    private static DigitalInstitution Institution(InstitutionKind kind, Guid organizationId, params (DigitalField Field, DigitalLevel Level)[] scopes)
    {
        var institution = new DigitalInstitution
        {
            OrganizationId = organizationId,
            OrganizationCode = "X",
            OrganizationName = kind == InstitutionKind.Training ? "测试培训机构" : "测试评价机构",
            RegionCode = "370800",
            Kind = kind,
            ValidFrom = new DateOnly(2024, 1, 1),
            ValidTo = new DateOnly(2025, 12, 31),
            ListedByName = "office",
            UpdatedByName = "office",
        };
        foreach (var (field, level) in scopes)
        {
            institution.Scopes.Add(new DigitalInstitutionScope { InstitutionId = institution.Id, Field = field, Level = level });
        }

        return institution;
    }

    private static string? Code(PlatformException? problem) => problem?.Code;
}
