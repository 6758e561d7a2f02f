using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>
/// The December filing's reminders (<c>filing.due</c>): within the lead days before the due date, every active base
/// that has not filed (or whose filing was returned) — to its staff; after the due date, once more, that the filing is
/// overdue. Two occasions per base and year: <c>filing:{base}:{year}:due</c> and <c>…:overdue</c>.
/// </summary>
internal sealed class FilingReminderSource(PlatformDbContext db, IOptions<FilingOptions> options) : IReminderSource
{
    /// <inheritdoc />
    public string Rule => "filing.due";

    /// <inheritdoc />
    public string Label => "基地年度报送截止提醒";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken)
    {
        var year = today.Year;
        var due = FilingCalendar.Due(options.Value, year);
        if (!Domain.Reminders.ReminderRules.IsDue(today, due, leadDays))
        {
            return [];
        }

        var overdue = today > due;
        var done = db.BaseFilings.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .Where(f => f.Year == year && f.Status != BaseFilingStatus.Returned)
            .Select(f => f.BaseId);
        var bases = await db.EducationBases.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(b => FilingRules.FilingStatuses.Contains(b.Status) && !done.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.OrganizationId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var day = Kernel.Time.ChinaTime.Format(due);
        return [.. bases.Select(b => new DueReminder(
            Rule,
            $"filing:{b.Id}:{year}:{(overdue ? "overdue" : "due")}",
            new ReminderRecipient(null, b.OrganizationId, PlatformRoles.ProviderStaff),
            overdue ? $"{year} 年度基地报送已逾期" : $"{year} 年度基地报送将于 {day} 截止",
            overdue
                ? $"{b.Name}的 {year} 年度报送（本年度计划执行情况和下一年度培训计划）截止日 {day} 已过，尚未报送或退回后尚未重新报送，请尽快报送。"
                : $"请在 {day} 前报送{b.Name}的 {year} 年度计划执行情况和下一年度培训计划。",
            $"/filings/{year}/submit",
            due))];
    }
}
