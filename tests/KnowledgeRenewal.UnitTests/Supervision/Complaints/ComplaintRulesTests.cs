using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.UseCases.Complaints;

namespace KnowledgeRenewal.UnitTests.Supervision.Complaints;

/// <summary>Complaint deadlines in working days, lateness, the states that can act, the lookup codes and the risk weights.</summary>
public sealed class ComplaintRulesTests
{
    // 2026-10-01..07 National Day holidays; Saturday 2026-10-10 a make-up working day (调休).
    private static readonly WorkingDayCalendar Calendar = new(new WorkingDayOptions
    {
        Holidays = [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))],
        AdjustedWorkingDays = [new DateOnly(2026, 10, 10)],
    });

    private static readonly ComplaintOptions Options = new() { AssignWithinWorkingDays = 5, ResolveWithinWorkingDays = 15 };

    [Fact]
    public void The_assign_deadline_counts_working_days_skipping_weekends()
    {
        // Filed on Friday 2026-12-04: Mon 7 … Fri 11 are the five working days.
        Assert.Equal(new DateOnly(2026, 12, 11), ComplaintRules.AssignBy(Calendar, Options, new DateOnly(2026, 12, 4)));
    }

    [Fact]
    public void The_deadlines_skip_holidays_and_count_make_up_working_days()
    {
        // Filed on Tuesday 2026-09-29: Wed 30, (1–7 holidays), Thu 8, Fri 9, Sat 10 (调休), Mon 12.
        Assert.Equal(new DateOnly(2026, 10, 12), ComplaintRules.AssignBy(Calendar, Options, new DateOnly(2026, 9, 29)));
        // Assigned on Friday 2026-12-04: 15 working days = three weeks.
        Assert.Equal(new DateOnly(2026, 12, 25), ComplaintRules.ResolveBy(Calendar, Options, new DateOnly(2026, 12, 4)));
    }

    [Theory]
    [InlineData("2026-12-11", 0)] // the due day itself is on time
    [InlineData("2026-12-12", 0)] // Saturday after: no working day passed
    [InlineData("2026-12-14", 1)]
    [InlineData("2026-12-18", 5)]
    public void Lateness_is_counted_in_working_days_after_the_deadline(string today, int expected)
    {
        Assert.Equal(expected, ComplaintRules.WorkingDaysOverdue(Calendar, new DateOnly(2026, 12, 11), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, "2026-12-12", true)]
    [InlineData(ComplaintStatus.Assigned, "2026-12-12", true)]
    [InlineData(ComplaintStatus.Assigned, "2026-12-11", false)]
    [InlineData(ComplaintStatus.Resolved, "2026-12-31", false)]
    [InlineData(ComplaintStatus.Referred, "2026-12-31", false)]
    public void Only_open_complaints_past_their_deadline_are_overdue(ComplaintStatus status, string today, bool expected)
    {
        Assert.Equal(expected, ComplaintRules.IsOverdue(status, new DateOnly(2026, 12, 11), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_complaint_moves_from_received_to_assigned_to_resolved_and_records_its_lateness()
    {
        var complaint = NewComplaint();
        complaint.Receive(new DateOnly(2026, 12, 11));
        var resolve = new Action(() => complaint.Resolve(ComplaintFinding.Substantiated, "核实", "属实", "a", DateTime.UtcNow, new DateOnly(2026, 12, 10), 0));
        Assert.Equal(ComplaintProblemCodes.NotAssigned, Assert.Throws<PlatformException>(resolve).Code);

        complaint.Assign(Guid.NewGuid(), "任城区人社局", "370811", null, null, "office", DateTime.UtcNow, new DateOnly(2026, 12, 31));
        Assert.Equal(ComplaintStatus.Assigned, complaint.Status);
        Assert.Equal(new DateOnly(2026, 12, 31), complaint.DueOn);
        var refer = new Action(() => complaint.Refer("市市场监督管理局", "食品安全", "已转办", "office", DateTime.UtcNow, new DateOnly(2026, 12, 10), 0));
        Assert.Equal(ComplaintProblemCodes.AlreadyAssigned, Assert.Throws<PlatformException>(refer).Code);

        complaint.Resolve(ComplaintFinding.PartlySubstantiated, "核实", "部分属实", "county", DateTime.UtcNow, new DateOnly(2027, 1, 5), 3);
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.Null(complaint.DueOn);
        Assert.Equal(3, complaint.ClosedLateBy);
        var again = Assert.Throws<PlatformException>(() => complaint.Assign(Guid.NewGuid(), "x", "370811", null, null, "office", DateTime.UtcNow, new DateOnly(2027, 2, 1)));
        Assert.Equal((ComplaintProblemCodes.Closed, 409), (again.Code, again.Status));
    }

    [Fact]
    public void Lookup_codes_are_random_and_read_back_however_they_are_typed()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => ComplaintCodes.New()).ToHashSet();
        Assert.Equal(200, codes.Count);
        var code = codes.First();
        Assert.Matches("^TS-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$", code);
        Assert.Equal(code, ComplaintCodes.Normalize(" " + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) + " "));
        Assert.Equal(code, ComplaintCodes.Normalize(code[3..].Replace("-", "", StringComparison.Ordinal)));
        Assert.Null(ComplaintCodes.Normalize("TS-0000-1111-OO"));
        Assert.Null(ComplaintCodes.Normalize("TS-ABCD"));
        Assert.Null(ComplaintCodes.Normalize(null));
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, null, 1)]
    [InlineData(ComplaintStatus.Assigned, null, 1)]
    [InlineData(ComplaintStatus.Resolved, ComplaintFinding.Substantiated, 2)]
    [InlineData(ComplaintStatus.Resolved, ComplaintFinding.PartlySubstantiated, 1)]
    [InlineData(ComplaintStatus.Resolved, ComplaintFinding.NotSubstantiated, 0)]
    [InlineData(ComplaintStatus.Referred, null, 0)]
    public void A_complaint_weighs_in_the_risk_signal_by_what_became_of_it(ComplaintStatus status, ComplaintFinding? finding, int expected)
    {
        Assert.Equal(expected, ComplaintRiskWeights.Of(status, finding));
    }

    [Fact]
    public void Phones_are_masked_mobiles_and_landlines_alike()
    {
        Assert.Equal("138****1234", FileComplaintValidator.Mask("13805371234"));
        Assert.Equal("********4567", FileComplaintValidator.Mask("0537-1234567"));
        Assert.Null(FileComplaintValidator.Phone("12345"));
        Assert.Equal("0537-1234567", FileComplaintValidator.Phone(" 0537-1234567 "));
    }

    [Fact]
    public void Only_the_office_and_the_assignee_may_resolve()
    {
        string[] county = [PlatformRoles.CountyAdmin];
        Assert.True(ComplaintAccess.MayResolve(true, [PlatformRoles.ProgramOfficeAdmin], [], [], "370811", null));
        Assert.True(ComplaintAccess.MayResolve(false, county, ["370811"], [], "370811", null));
        Assert.False(ComplaintAccess.MayResolve(false, county, ["370883"], [], "370811", null));
        Assert.False(ComplaintAccess.MayResolve(false, county, ["370811"], [], null, "health"));
        Assert.True(ComplaintAccess.MayResolve(false, [PlatformRoles.DepartmentAdmin], [], ["health"], null, "health"));
    }

    private static Complaint NewComplaint() => new()
    {
        Code = ComplaintCodes.New(),
        ObjectKind = SupervisedObjectKind.Provider,
        ObjectId = Guid.NewGuid(),
        ObjectName = "某培训机构",
        Subject = "收费不开票",
        Content = "收取资料费未开票",
        ContactName = "张三",
        ContactPhoneCipher = "x",
        ContactPhoneMasked = "138****1234",
        FiledAt = DateTime.UtcNow,
        FiledOn = new DateOnly(2026, 12, 4),
    };
}
