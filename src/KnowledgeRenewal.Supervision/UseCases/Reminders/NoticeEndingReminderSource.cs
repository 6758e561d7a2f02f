using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>
/// Public notice periods ending (<c>notice.ending</c>): a project in public notice is reminded to the program office
/// from the rule's lead days before the notice's last day up to that day — so objections are settled and the project
/// published once the period is over. One occasion per project and period (<c>notice:{project}:{last day}</c>).
/// </summary>
internal sealed class NoticeEndingReminderSource(PlatformDbContext db) : IReminderSource
{
    /// <inheritdoc />
    public string Rule => "notice.ending";

    /// <inheritdoc />
    public string Label => "公示期届满提醒";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken)
    {
        var last = today.AddDays(leadDays);
        var projects = await db.Projects.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => p.Status == ProjectStatus.PublicNotice && p.NoticeEnd != null && p.NoticeEnd >= today && p.NoticeEnd <= last)
            .Select(p => new { p.Id, p.Number, p.Title, p.NoticeStart, End = p.NoticeEnd!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. projects
            .Where(p => ReminderDeadlines.IsNoticeEndingReminded(today, p.End, leadDays))
            .Select(p => new DueReminder(
                Rule,
                $"notice:{p.Id}:{p.End:yyyyMMdd}",
                new ReminderRecipient(null, null, PlatformRoles.ProgramOfficeAdmin),
                $"项目“{p.Title}”公示期将于 {ChinaTime.Format(p.End)} 届满",
                $"项目 {p.Number}“{p.Title}”的公示期为 {(p.NoticeStart is { } start ? ChinaTime.Format(start) : "—")} 至 {ChinaTime.Format(p.End)}。公示期满后请处理异议并发布项目。",
                $"/office/projects/{p.Id}",
                p.End))];
    }
}
