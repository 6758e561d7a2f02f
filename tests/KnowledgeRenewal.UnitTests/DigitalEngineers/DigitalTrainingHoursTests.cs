using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.DigitalEngineers;

/// <summary>
/// The mapping rule of digital-engineer training hours (ADR 0017): a passed training's attended hours become one
/// approved professional-subject record of its last day under its field's subject, a changed result corrects it, a
/// failed one withdraws it, the same facts change nothing, and overlapping training of other organizations flags it.
/// </summary>
public sealed class DigitalTrainingHoursTests
{
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DigitalTrainingPerson Person = new("370811", "industry-it", Guid.NewGuid());
    private static readonly DigitalTrainingSubject BigData = new("GX-DSJ", "工业大数据与云计算技术应用", "industry-it");

    private static DigitalTrainingFacts Facts(bool passed = true, int hours = 40, string? reason = null) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "济宁市数字技术工程师培训中心", DigitalField.BigData, DigitalLevel.Intermediate,
        new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 15), hours, passed, Guid.NewGuid(), "trainer.staff", reason);

    private static DigitalTrainingRecord Record(CreditRecordStatus status, int hours = 40) =>
        new(Guid.NewGuid(), status, CreditHours.FromHours(hours), 2026, Guid.NewGuid());

    [Fact]
    public void A_passed_training_becomes_one_approved_professional_record_of_its_last_day()
    {
        var facts = Facts();
        var record = DigitalTrainingHours.ToRecord(facts, Person, BigData, facts.InstitutionOrganizationId, null, null, Now);

        Assert.Equal(CreditRecordStatus.Approved, record.Status);
        Assert.Equal(RecordSource.DigitalTraining, record.Source);
        Assert.Equal(CreditCategory.Professional, record.Category);
        Assert.Equal(("GX-DSJ", "industry-it"), (record.SubjectCode, record.ModuleKey));
        Assert.Equal(CreditHours.FromHours(40), record.Hours);
        Assert.Equal((new DateOnly(2026, 5, 15), 2026), (record.Date, record.CreditYear));
        Assert.Equal(facts.TrainingId, record.DigitalTrainingId);
        Assert.Equal(facts.InstitutionOrganizationId, record.ProviderId);
        Assert.Equal("数字技术工程师培训·大数据（中级）·济宁市数字技术工程师培训中心", record.Title);
        Assert.Equal(("trainer.staff", "trainer.staff"), (record.RecordedByName, record.ReviewedByName));
        Assert.Null(record.CorrectsRecordId);
        Assert.Equal("数字技术工程师培训", LedgerLabels.Source(record.Source));
    }

    [Theory]
    [InlineData(DigitalField.ArtificialIntelligence, "GX-RGZN")]
    [InlineData(DigitalField.BigData, "GX-DSJ")]
    [InlineData(DigitalField.CloudComputing, "GX-DSJ")]
    [InlineData(DigitalField.IntegratedCircuits, "GX-JCDL")]
    [InlineData(DigitalField.SmartManufacturing, "GX-ZNZZ")]
    [InlineData(DigitalField.IndustrialInternet, "GX-GYHLW")]
    [InlineData(DigitalField.InternetOfThings, "GX-5GGY")]
    [InlineData(DigitalField.DigitalManagement, "GX-SZZX")]
    [InlineData(DigitalField.VirtualReality, "GX-SZZX")]
    [InlineData(DigitalField.Blockchain, "GX-SZZX")]
    public void Every_field_maps_to_a_subject_of_the_industry_and_it_catalog(DigitalField field, string code) =>
        Assert.Equal(code, DigitalTrainingHours.SubjectCode(field));

    [Fact]
    public void The_facts_decide_create_correct_withdraw_or_nothing()
    {
        Assert.Equal(DigitalTrainingAction.Create, DigitalTrainingHours.Decide(true, 40, false, null));
        Assert.Equal(DigitalTrainingAction.Unchanged, DigitalTrainingHours.Decide(false, 40, false, null));

        // The same facts again (re-published, re-recorded): nothing; other hours: a linked correction.
        Assert.Equal(DigitalTrainingAction.Unchanged, DigitalTrainingHours.Decide(true, 40, false, Record(CreditRecordStatus.Approved)));
        Assert.Equal(DigitalTrainingAction.Unchanged, DigitalTrainingHours.Decide(true, 40, true, Record(CreditRecordStatus.Pending)));
        Assert.Equal(DigitalTrainingAction.Correct, DigitalTrainingHours.Decide(true, 32, true, Record(CreditRecordStatus.Approved)));
        Assert.Equal(DigitalTrainingAction.Correct, DigitalTrainingHours.Decide(true, 32, false, Record(CreditRecordStatus.Pending)));

        // 不合格 withdraws a live record, leaves a revoked one alone.
        Assert.Equal(DigitalTrainingAction.Withdraw, DigitalTrainingHours.Decide(false, 40, true, Record(CreditRecordStatus.Approved)));
        Assert.Equal(DigitalTrainingAction.Unchanged, DigitalTrainingHours.Decide(false, 40, true, Record(CreditRecordStatus.Revoked)));

        // After a revocation: the institution's changed result records anew; the same facts again leave a reviewer's decision standing.
        Assert.Equal(DigitalTrainingAction.Create, DigitalTrainingHours.Decide(true, 40, true, Record(CreditRecordStatus.Revoked)));
        Assert.Equal(DigitalTrainingAction.Unchanged, DigitalTrainingHours.Decide(true, 40, false, Record(CreditRecordStatus.Rejected)));
    }

    [Fact]
    public void A_correction_points_back_and_says_what_changed()
    {
        var previous = Record(CreditRecordStatus.Approved);
        var facts = Facts(hours: 32, reason: "考勤复核后少计 8 学时");
        var correction = DigitalTrainingHours.ToRecord(facts, Person, BigData, null, previous.Id, null, Now);

        Assert.Equal(previous.Id, correction.CorrectsRecordId);
        Assert.Equal(CreditHours.FromHours(32), correction.Hours);
        Assert.Null(correction.ProviderId);
        var reason = DigitalTrainingHours.ChangeReason(facts, previous);
        Assert.Contains("40 → 32", reason, StringComparison.Ordinal);
        Assert.Contains("考勤复核后少计 8 学时", reason, StringComparison.Ordinal);
        Assert.Contains("不合格", DigitalTrainingHours.ChangeReason(Facts(passed: false, reason: "补考未通过"), previous), StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_training_of_another_organization_that_overloads_a_day_leaves_the_record_pending()
    {
        // 40 hours over five days is 8 a day; a class of 6 a day on 13 May makes 14 (> 10).
        var facts = Facts();
        Assert.Equal(CreditHours.FromHours(8), DigitalTrainingHours.HoursPerDay(facts.StartDate, facts.EndDate, facts.Hours));
        var other = new OverlappingClass(Guid.NewGuid(), "安全生产专题班", "济宁医学院", new DateOnly(2026, 5, 13), new DateOnly(2026, 5, 13), CreditHours.FromHours(6));
        var overload = DigitalTrainingHours.Overload(facts, [other]);
        Assert.NotNull(overload);
        Assert.Equal(new DateOnly(2026, 5, 13), overload.Day);
        Assert.Null(DigitalTrainingHours.Overload(facts, [other with { HoursPerDay = CreditHours.FromHours(2) }]));

        var record = DigitalTrainingHours.ToRecord(facts, Person, BigData, null, null, overload, Now);
        Assert.Equal((CreditRecordStatus.Pending, RecordWarning.DayOverload), (record.Status, record.Flag));
        Assert.Contains("安全生产专题班", record.FlagDetail, StringComparison.Ordinal);
    }
}
