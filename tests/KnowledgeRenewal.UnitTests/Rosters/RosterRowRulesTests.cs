using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.UnitTests.Rosters;

/// <summary>The rules of roster rows: fields, registry and audience, reconciliation with earlier rosters, flags, records.</summary>
public sealed class RosterRowRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 30);
    private static readonly DateTime Now = new(2026, 6, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly IdNumberHasher Hasher = new(new byte[32]);
    private static readonly string Id1 = IdNumber("37081119850615123");
    private static readonly string Id2 = IdNumber("37088319900220234");
    private static readonly LedgerActor Uploader = new(Guid.NewGuid(), "provider.staff");

    private static readonly TrainingClass Class = new()
    {
        ProviderId = Guid.NewGuid(),
        Title = "急诊急救技能提升班",
        StartDate = new DateOnly(2026, 5, 11),
        EndDate = new DateOnly(2026, 5, 13),
        Hours = CreditHours.FromHours(24),
        Category = CreditCategory.Professional,
        SubjectCode = "WS-JZJJ",
        DepartmentCode = "health",
        RegionCode = "370811",
        Status = TrainingClassStatus.Finished,
    };

    private static readonly RosterPerson Person = new(Guid.NewGuid(), "王伟", "3708**********1233", "370811", "health", Guid.NewGuid());
    private static readonly RosterSubject Emergency = new("WS-JZJJ", "急诊急救与心肺复苏技能", "health", null);

    [Fact]
    public void A_clean_row_takes_the_classs_category_and_subject_and_is_hashed_not_kept()
    {
        var (rules, header) = Rules();
        var errors = new ImportErrorCollector(100);

        var candidate = rules.Check(Row(header, 2, Id1, " 王伟 ", "12.5"), errors);

        Assert.Equal(0, errors.Count);
        Assert.NotNull(candidate);
        Assert.Equal((CreditHours.FromHours(12.5m), 12.5m, CreditCategory.Professional, "WS-JZJJ"), (candidate.Hours, candidate.Amount, candidate.Category, candidate.SubjectCode));
        Assert.Equal(Hasher.Hash(Parse(Id1)), candidate.Hash);
        Assert.Equal("王伟", candidate.Name);
    }

    [Theory]
    [InlineData("", "12", "idNumber", "required")]
    [InlineData("bad-check", "12", "idNumber", "id_number.checksum")]
    [InlineData("37081119850615123", "12", "idNumber", "id_number.length")]
    [InlineData(null, "0", "hours", RosterProblemCodes.HoursInvalid)]
    [InlineData(null, "-2", "hours", RosterProblemCodes.HoursInvalid)]
    [InlineData(null, "8.125", "hours", RosterProblemCodes.HoursInvalid)]
    [InlineData(null, "十二", "hours", RosterProblemCodes.HoursInvalid)]
    [InlineData(null, "", "hours", "required")]
    [InlineData(null, "24.01", "hours", RosterProblemCodes.HoursAboveClass)]
    public void Bad_fields_name_row_column_and_code(string? idNumber, string hours, string field, string code)
    {
        var (rules, header) = Rules();
        var errors = new ImportErrorCollector(100);

        var id = idNumber == "bad-check" ? Id1[..17] + (Id1[17] == '0' ? '1' : '0') : idNumber ?? Id1;

        Assert.Null(rules.Check(Row(header, 7, id, "王伟", hours), errors));

        var error = Assert.Single(errors.Snapshot());
        Assert.Equal((7, field, code), (error.Row, error.Field, error.Code));
        Assert.Equal(field == "hours" ? "学时" : "身份证号", error.Column);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    [Fact]
    public void The_full_class_length_is_accepted()
    {
        var (rules, header) = Rules();
        var errors = new ImportErrorCollector(100);

        Assert.NotNull(rules.Check(Row(header, 2, Id1, "王伟", "24"), errors));
        Assert.Equal(0, errors.Count);
    }

    [Fact]
    public void A_row_of_another_category_names_its_own_subject_or_none()
    {
        var (rules, header) = Rules();
        var errors = new ImportErrorCollector(100);

        var publicRow = rules.Check(Row(header, 2, Id1, "王伟", "6", "公需"), errors)!;
        var ownSubject = rules.Check(Row(header, 3, Id2, "李娜", "6", "公需科目", "gx-zzll"), errors)!;
        Assert.Null(rules.Check(Row(header, 4, Id1, "王伟", "6", "选修"), errors));

        Assert.Equal((CreditCategory.Public, (string?)null), (publicRow.Category, publicRow.SubjectCode));
        Assert.Equal((CreditCategory.Public, "GX-ZZLL"), (ownSubject.Category, ownSubject.SubjectCode));
        var error = Assert.Single(errors.Snapshot());
        Assert.Equal((4, "科目类别", RosterProblemCodes.CategoryInvalid), (error.Row, error.Column, error.Code));
    }

    [Fact]
    public void An_unregistered_person_is_reported_on_the_id_column_and_nothing_else_is_checked()
    {
        var (rules, header, candidate) = Checked();
        var errors = new ImportErrorCollector(100);

        Assert.Null(rules.Resolve(candidate, null, null, null, [], [], errors));

        var error = Assert.Single(errors.Snapshot());
        Assert.Equal((2, "身份证号", RosterProblemCodes.PersonNotRegistered), (error.Row, error.Column, error.Code));
        _ = header;
    }

    [Fact]
    public void A_registered_number_with_another_name_answers_like_an_unregistered_one_and_nothing_else_is_checked()
    {
        // Before: a name mismatch on the name column, and the holder's region and sector in the audience errors — a
        // roster of candidate numbers told which one was registered, and where its holder belongs.
        var (rules, _, candidate) = Checked();
        var unregistered = new ImportErrorCollector(100);
        var otherName = new ImportErrorCollector(100);
        var elsewhere = Person with { Name = "王卫", RegionCode = "370883", DepartmentCode = "education" };

        Assert.Null(rules.Resolve(candidate, null, null, null, [], [], unregistered));
        Assert.Null(rules.Resolve(candidate, elsewhere, null, "科目“WS-JZJJ”不属于本人所在行业的专业科目目录。", [], [], otherName));

        Assert.Equal(unregistered.Snapshot(), otherName.Snapshot());
        var error = Assert.Single(otherName.Snapshot());
        Assert.Equal(("身份证号", RosterProblemCodes.PersonNotRegistered), (error.Column, error.Code));
        Assert.DoesNotContain("王卫", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audience_and_subject_are_each_reported_for_the_right_person_without_naming_where_they_belong()
    {
        var (rules, _, candidate) = Checked();
        var errors = new ImportErrorCollector(100);
        var elsewhere = Person with { RegionCode = "370883", DepartmentCode = "education" };

        Assert.Null(rules.Resolve(candidate, elsewhere, null, "科目“WS-JZJJ”不属于本人所在行业的专业科目目录。", [], [], errors));

        Assert.Equal(
            [("身份证号", RosterProblemCodes.OutOfAudience), ("身份证号", RosterProblemCodes.OutOfAudience), ("科目代码", LedgerProblemCodes.UnknownSubject)],
            errors.Snapshot().Select(e => (e.Column, e.Code)));
        Assert.All(errors.Snapshot(), e => Assert.DoesNotContain("370883", e.Message, StringComparison.Ordinal));
        Assert.All(errors.Snapshot(), e => Assert.DoesNotContain("education", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_for_the_whole_city_takes_every_region()
    {
        var cityClass = new TrainingClass { Title = Class.Title, StartDate = Class.StartDate, EndDate = Class.EndDate, Hours = Class.Hours, Category = Class.Category, RegionCode = "370800" };
        var (rules, header) = Rules(cityClass);
        var errors = new ImportErrorCollector(100);
        var candidate = rules.Check(Row(header, 2, Id1, "王伟", "8", "专业", "WS-JZJJ"), errors)!;

        Assert.NotNull(rules.Resolve(candidate, Person with { RegionCode = "370883" }, Emergency, null, [], [], errors));
        Assert.Equal(0, errors.Count);
    }

    [Theory]
    [InlineData("王 伟", "王伟")]
    [InlineData("阿依古丽•买买提", "阿依古丽·买买提")]
    [InlineData("阿依古丽.买买提", "阿依古丽·买买提")]
    public void Names_compare_without_spaces_and_with_any_middle_dot(string written, string registered) =>
        Assert.True(RosterRowRules.SameName(written, registered));

    [Fact]
    public void A_new_person_is_created_approved_on_entry_with_provenance()
    {
        var (rules, _, candidate) = Checked();
        var errors = new ImportErrorCollector(100);
        var change = rules.Resolve(candidate, Person, Emergency, null, [], [], errors)!;
        var job = Guid.NewGuid();

        var record = RosterRowRules.ToRecord(change, Class, new RosterUpload(job, "名单.xlsx"), Uploader, Now);

        Assert.Equal(RosterAction.Create, change.Action);
        Assert.Equal(CreditRecordStatus.Approved, record.Status);
        Assert.Equal((Uploader.UserId, Uploader.Name, (DateTime?)Now), (record.ReviewedByUserId, record.ReviewedByName, record.ReviewedAt));
        Assert.Equal((RecordSource.ProviderClass, Class.ProviderId, Class.Id, job, "名单.xlsx 第 2 行"), (record.Source, record.ProviderId, record.ClassId, record.ImportJobId, record.SourceFile));
        Assert.Equal((Class.EndDate, 2026, Class.Activity, "health"), (record.Date, record.CreditYear, record.Activity, record.ModuleKey));
        Assert.Equal((Person.Id, Person.RegionCode, Person.DepartmentCode, Person.EmployerId), (record.ProfessionalId, record.RegionCode, record.DepartmentCode, record.EmployerId));
        Assert.Equal((CreditHours.FromHours(8), 8m, CreditUnit.Hour), (record.Hours, record.EnteredAmount, record.EnteredUnit));
        Assert.Null(record.CorrectsRecordId);
    }

    [Fact]
    public void A_project_class_records_project_roster_hours()
    {
        var project = new TrainingClass { Title = Class.Title, ProviderId = Class.ProviderId, ProjectId = Guid.NewGuid(), StartDate = Class.StartDate, EndDate = Class.EndDate, Hours = Class.Hours, Category = Class.Category };
        var (rules, header) = Rules(project);
        var errors = new ImportErrorCollector(100);
        var change = rules.Resolve(rules.Check(Row(header, 2, Id1, "王伟", "8"), errors)!, Person, Emergency, null, [], [], errors)!;

        Assert.Equal(RecordSource.ProjectRoster, RosterRowRules.ToRecord(change, project, new RosterUpload(Guid.NewGuid(), "a.csv"), Uploader, Now).Source);
    }

    [Fact]
    public void The_same_row_again_is_unchanged_whatever_became_of_the_record()
    {
        foreach (var status in new[] { CreditRecordStatus.Approved, CreditRecordStatus.Pending, CreditRecordStatus.Rejected, CreditRecordStatus.Revoked })
        {
            var earlier = Earlier(status, 8);
            var (action, previous) = RosterRowRules.Reconcile(CreditHours.FromHours(8), CreditCategory.Professional, "ws-jzjj", [earlier]);

            Assert.Equal((RosterAction.Unchanged, earlier), (action, previous));
        }
    }

    [Fact]
    public void Different_hours_category_or_subject_correct_the_latest_roster_record()
    {
        var old = Earlier(CreditRecordStatus.Revoked, 6) with { RecordedAt = Now.AddDays(-10) };
        var latest = Earlier(CreditRecordStatus.Approved, 8);

        Assert.Equal((RosterAction.Correct, latest), RosterRowRules.Reconcile(CreditHours.FromHours(6), CreditCategory.Professional, "WS-JZJJ", [latest, old]));
        Assert.Equal((RosterAction.Correct, latest), RosterRowRules.Reconcile(CreditHours.FromHours(8), CreditCategory.Public, "WS-JZJJ", [old, latest]));
        Assert.Equal((RosterAction.Correct, latest), RosterRowRules.Reconcile(CreditHours.FromHours(8), CreditCategory.Professional, "WS-YGFK", [old, latest]));
    }

    [Fact]
    public void Records_of_other_paths_are_not_the_rosters_own_but_flag_it()
    {
        var declared = Earlier(CreditRecordStatus.Approved, 8) with { Source = RecordSource.ManualAdjustment };
        var (rules, _, candidate) = Checked();
        var errors = new ImportErrorCollector(100);

        var change = rules.Resolve(candidate, Person, Emergency, null, [declared], [], errors)!;
        var record = RosterRowRules.ToRecord(change, Class, new RosterUpload(Guid.NewGuid(), "名单.csv"), Uploader, Now);

        Assert.Equal((RosterAction.Create, RecordWarning.DuplicateClass), (change.Action, change.Flag));
        Assert.Contains("人工调整", change.FlagDetail, StringComparison.Ordinal);
        Assert.Equal((CreditRecordStatus.Pending, RecordWarning.DuplicateClass), (record.Status, record.Flag));
        Assert.Null(record.ReviewedByUserId);

        // A rejected or revoked record of another path is no duplicate.
        var gone = rules.Resolve(candidate, Person, Emergency, null, [declared with { Status = CreditRecordStatus.Rejected }], [], errors)!;
        Assert.Null(gone.Flag);
    }

    [Fact]
    public void An_overloaded_day_flags_the_new_record_and_an_unchanged_row_is_never_flagged()
    {
        var other = new OverlappingClass(Guid.NewGuid(), "院感防控培训", "济宁市医学会", new DateOnly(2026, 5, 13), new DateOnly(2026, 5, 13), CreditHours.FromHours(6));
        var (rules, _, candidate) = Checked();
        var errors = new ImportErrorCollector(100);

        var change = rules.Resolve(candidate, Person, Emergency, null, [], [other], errors)!;
        var same = rules.Resolve(candidate, Person, Emergency, null, [Earlier(CreditRecordStatus.Approved, 8)], [other], errors)!;

        Assert.Equal(RecordWarning.DayOverload, change.Flag);
        Assert.Contains("2026-05-13", change.FlagDetail, StringComparison.Ordinal);
        Assert.Contains("济宁市医学会《院感防控培训》", change.FlagDetail, StringComparison.Ordinal);
        Assert.Equal((RosterAction.Unchanged, (RecordWarning?)null), (same.Action, same.Flag));
    }

    [Fact]
    public void A_correction_of_an_approved_record_points_back_to_it_and_says_what_changed()
    {
        var earlier = Earlier(CreditRecordStatus.Approved, 6);
        var (rules, _, candidate) = Checked();
        var errors = new ImportErrorCollector(100);

        var change = rules.Resolve(candidate, Person, Emergency, null, [earlier], [], errors)!;
        var record = RosterRowRules.ToRecord(change, Class, new RosterUpload(Guid.NewGuid(), "更正.xlsx"), Uploader, Now);
        var reason = RosterRowRules.CorrectionReason(earlier, change, "更正.xlsx");

        Assert.Equal(RosterAction.Correct, change.Action);
        Assert.Equal(earlier.Id, record.CorrectsRecordId);
        Assert.Equal(CreditRecordStatus.Approved, record.Status);
        Assert.Contains("学时 6 → 8", reason, StringComparison.Ordinal);
        Assert.Contains("更正.xlsx 第 2 行", reason, StringComparison.Ordinal);

        // A pending record replaced is rejected, not corrected (only revoked records are corrected).
        var pending = rules.Resolve(candidate, Person, Emergency, null, [Earlier(CreditRecordStatus.Pending, 6)], [], errors)!;
        Assert.Null(RosterRowRules.ToRecord(pending, Class, new RosterUpload(Guid.NewGuid(), "x.csv"), Uploader, Now).CorrectsRecordId);
    }

    [Fact]
    public void A_long_file_name_is_shortened_to_fit_the_source_column()
    {
        var text = RosterRowRules.SourceFile(new string('名', 400) + ".xlsx", 12345);

        Assert.Equal(300, text.Length);
        Assert.EndsWith(".xlsx 第 12345 行", text, StringComparison.Ordinal);
    }

    private static ClassRecord Earlier(CreditRecordStatus status, decimal hours) =>
        new(Guid.NewGuid(), Person.Id, RecordSource.ProviderClass, status, CreditHours.FromHours(hours), CreditCategory.Professional, "WS-JZJJ", Now.AddDays(-1), Guid.NewGuid());

    private static (RosterRowRules Rules, ImportHeader Header, RosterCandidate Candidate) Checked()
    {
        var (rules, header) = Rules();
        var errors = new ImportErrorCollector(100);
        var candidate = rules.Check(Row(header, 2, Id1, "王伟", "8"), errors)!;
        Assert.Equal(0, errors.Count);
        return (rules, header, candidate);
    }

    private static (RosterRowRules Rules, ImportHeader Header) Rules(TrainingClass? trainingClass = null)
    {
        var header = HeaderDetector.Detect(ImportSchema.Roster, [["身份证号", "姓名", "学时", "科目类别", "科目代码"]]);
        return (new RosterRowRules(header, trainingClass ?? Class, Today, Hasher), header);
    }

    private static ImportRow Row(ImportHeader header, int number, string idNumber, string name, string hours, string category = "", string subject = "")
    {
        _ = header;
        return new ImportRow(number, [idNumber, name, hours, category, subject]);
    }

    private static string IdNumber(string first17) => first17 + ResidentIdNumber.CheckCharacterOf(first17).ToString(CultureInfo.InvariantCulture);

    private static ResidentIdNumber Parse(string text) =>
        ResidentIdNumber.TryParse(text, Today, out var number, out _) ? number : throw new ArgumentException(text);
}
