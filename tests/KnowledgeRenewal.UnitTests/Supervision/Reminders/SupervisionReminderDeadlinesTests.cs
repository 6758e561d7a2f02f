using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using KnowledgeRenewal.Supervision.UseCases.Reminders;

namespace KnowledgeRenewal.UnitTests.Supervision.Reminders;

/// <summary>When each reminder source's deadline falls and when its reminder is due, at the boundaries (China time).</summary>
public sealed class SupervisionReminderDeadlinesTests
{
    private static DateOnly D(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-02", 10, "2026-03-16")] // Monday + 10 working days: two weekends skipped
    [InlineData("2026-09-30", 5, "2026-10-13")] // National Day 10-1..10-7 off, Saturday 10-10 worked
    [InlineData("2026-12-31", 1, "2027-01-01")] // into a year without configured holidays: weekdays only
    public void A_steps_due_day_counts_working_days_from_the_day_it_entered_the_state(string since, int days, string due)
    {
        Assert.Equal(D(due), ReminderDeadlines.StepDue(D(since), days, Projects.WorkingDayCalendarTests.Calendar()));
    }

    [Theory]
    [InlineData("2026-03-08", false)] // eight days before
    [InlineData("2026-03-09", true)] // exactly the lead days before
    [InlineData("2026-03-16", true)] // the due day
    [InlineData("2026-03-20", true)] // overdue: still reminded (once per occasion, by the inbox)
    public void A_step_is_reminded_from_its_lead_days_before_the_due_day_on(string today, bool reminded)
    {
        Assert.Equal(reminded, ReminderDeadlines.IsStepReminded(D(today), D("2026-03-16"), 7));
    }

    [Theory]
    [InlineData("2026-05-10", false)] // four days before the last day, lead 3
    [InlineData("2026-05-11", true)] // three days before
    [InlineData("2026-05-14", true)] // the last day itself
    [InlineData("2026-05-15", false)] // ended: the step deadline takes over
    public void A_notice_ending_is_reminded_from_its_lead_days_to_its_last_day(string today, bool reminded)
    {
        Assert.Equal(reminded, ReminderDeadlines.IsNoticeEndingReminded(D(today), D("2026-05-14"), 3));
    }

    [Fact]
    public void A_notice_ending_with_no_lead_is_reminded_on_its_last_day_only()
    {
        Assert.False(ReminderDeadlines.IsNoticeEndingReminded(D("2026-05-13"), D("2026-05-14"), 0));
        Assert.True(ReminderDeadlines.IsNoticeEndingReminded(D("2026-05-14"), D("2026-05-14"), 0));
    }

    [Theory]
    [InlineData("2026-09-30", 2026, false)] // the last day of the third quarter
    [InlineData("2026-10-01", 2026, true)] // the first day of the last quarter
    [InlineData("2026-12-31", 2026, true)] // the cycle's last day
    [InlineData("2027-01-01", 2026, false)] // the cycle is over (it is "not met" now, no longer "short")
    [InlineData("2026-11-15", 2027, false)] // a cycle ending next year: not yet
    public void People_short_of_hours_are_reminded_in_the_last_quarter_of_their_cycles_final_year(string today, int cycleEnd, bool reminded)
    {
        Assert.Equal(reminded, ReminderDeadlines.IsHoursShortReminded(D(today), cycleEnd));
        Assert.Equal(new DateOnly(cycleEnd, 12, 31), ReminderDeadlines.CycleEnd(cycleEnd));
    }

    [Theory]
    [InlineData("zhang.san@example.cn", "z***@example.cn")]
    [InlineData("a@b.cn", "a***@b.cn")]
    [InlineData("not-an-address", "***")]
    public void E_mail_addresses_are_masked_in_outputs(string address, string masked)
    {
        Assert.Equal(masked, EmailMask.Mask(address));
    }

    [Theory]
    [InlineData("0 0 7 * * ?", true)]
    [InlineData("0 30 6 ? * MON-FRI", true)]
    [InlineData("every day at seven", false)]
    public void The_schedule_is_a_quartz_cron_expression(string cron, bool valid)
    {
        Assert.Equal(valid, new ReminderSchedulerOptions { Cron = cron }.Check().Count == 0);
    }

    [Fact]
    public void The_e_mail_carries_the_chinese_subject_text_deadline_and_link()
    {
        var message = new InboxMessage
        {
            UserId = Guid.NewGuid(),
            Rule = "filing.due",
            Occasion = "filing:x:2026:due",
            Subject = "2026 年度基地报送将于 2026-12-10 截止",
            Body = "请在 2026-12-10 前报送。",
            Link = "/filings/2026/submit",
            DueOn = D("2026-12-10"),
        };
        using var mail = ReminderMailer.Compose(new ReminderEmailOptions { Host = "127.0.0.1", From = "noreply@jn.example.cn", SiteUrl = "https://jxjy.example.cn/" }, message, "li@example.cn", "李四");
        Assert.Equal(message.Subject, mail.Subject);
        var text = mail.TextBody;
        Assert.Contains("李四，您好", text, StringComparison.Ordinal);
        Assert.Contains("请在 2026-12-10 前报送。", text, StringComparison.Ordinal);
        Assert.Contains("https://jxjy.example.cn/filings/2026/submit", text, StringComparison.Ordinal);
        Assert.StartsWith(message.Id.ToString("N"), mail.MessageId, StringComparison.Ordinal);
        _ = ChinaTime.Format(message.DueOn);
    }
}
