using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>
/// Professionals short of their hours (<c>hours.short</c>): in the last quarter (October to December) of the final
/// year of a credit-hour cycle, everyone whose compliance is still "in progress" (something missing) and who has an
/// account is reminded, once per cycle (<c>hours:{professional}:{start}-{end}</c>), with what is missing. The quarter
/// is the rule; the lead days do not apply to it.
/// </summary>
internal sealed class HoursShortReminderSource(PlatformDbContext db) : IReminderSource
{
    /// <inheritdoc />
    public string Rule => "hours.short";

    /// <inheritdoc />
    public string Label => "年底学时不足提醒";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken)
    {
        if (!ReminderDeadlines.IsHoursShortReminded(today, today.Year))
        {
            return [];
        }

        var year = today.Year;
        var rows = await db.Compliance.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(c => c.CycleEnd == year && c.Status == ComplianceStatus.InProgress)
            .Join(db.Professionals.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(p => p.UserId != null),
                c => c.ProfessionalId, p => p.Id, (c, p) => new { p.Id, UserId = p.UserId!.Value, c.CycleStart, c.CycleEnd, c.Counted, c.Required, c.Missing })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var end = ReminderDeadlines.CycleEnd(year);
        return [.. rows.Select(r => new DueReminder(
            Rule,
            $"hours:{r.Id}:{r.CycleStart}-{r.CycleEnd}",
            new ReminderRecipient(r.UserId),
            $"{r.CycleEnd} 年底前学时尚未达标",
            $"您 {(r.CycleStart == r.CycleEnd ? $"{r.CycleEnd} 年度" : $"{r.CycleStart}—{r.CycleEnd} 年周期")}的继续教育学时已计 {r.Counted} 学时，要求 {r.Required} 学时{(string.IsNullOrWhiteSpace(r.Missing) ? "" : $"（{r.Missing}）")}。请在 {ChinaTime.Format(end)} 前完成学习。",
            "/my/hours",
            end))];
    }
}
