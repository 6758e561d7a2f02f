using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>
/// The <c>complaint.due</c> reminders: every open complaint whose stage deadline is within the lead time or passed —
/// to the program office's accounts while it waits to be assigned, to the assignee's county or department admins once
/// assigned, and past that deadline to the program office as well (escalation). One occasion per complaint, stage and deadline (a reassignment starts a new one). No personal data in
/// the text: the subject line and the object only.
/// </summary>
internal sealed class ComplaintReminderSource(PlatformDbContext db) : IReminderSource
{
    /// <inheritdoc />
    public string Rule => "complaint.due";

    /// <inheritdoc />
    public string Label => "投诉办理期限";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(Math.Max(0, leadDays));
        var open = await db.Complaints.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(c => (c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Assigned) && c.DueOn != null && c.DueOn <= horizon)
            .Select(c => new { c.Id, c.Code, c.Status, c.DueOn, c.Subject, c.ObjectKind, c.ObjectName, c.AssigneeOrganizationId, c.AssigneeRegionCode })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (open.Count == 0)
        {
            return [];
        }

        var office = await db.Organizations.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(o => o.Type == OrganizationType.ProgramOffice).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var reminders = new List<DueReminder>();
        foreach (var c in open)
        {
            var due = c.DueOn!.Value;
            var late = due < today;
            var when = late ? $"已于 {ChinaTime.Format(due)} 到期" : $"将于 {ChinaTime.Format(due)} 到期";
            var about = $"{ComplaintLabels.Kind(c.ObjectKind)}“{c.ObjectName}”：{c.Subject}";
            if (c.Status == ComplaintStatus.Received)
            {
                if (office is null)
                {
                    continue;
                }

                reminders.Add(new DueReminder(Rule, $"complaint:{c.Id:D}:assign:{due:yyyyMMdd}", new ReminderRecipient(null, office, PlatformRoles.ProgramOfficeAdmin),
                    $"投诉{(late ? "逾期未分派" : "待分派")}：{c.Code}", $"投诉（{c.Code}，{about}）分派期限{when}，请分派承办单位或转办。", $"/supervision/complaints/{c.Id:D}", due));
            }
            else if (c.AssigneeOrganizationId is { } assignee)
            {
                var role = c.AssigneeRegionCode is not null ? PlatformRoles.CountyAdmin : PlatformRoles.DepartmentAdmin;
                reminders.Add(new DueReminder(Rule, $"complaint:{c.Id:D}:resolve:{due:yyyyMMdd}", new ReminderRecipient(null, assignee, role),
                    $"投诉{(late ? "逾期未办结" : "办理期限将到")}：{c.Code}", $"交由贵单位办理的投诉（{c.Code}，{about}）办结期限{when}，请调查后办结。", $"/supervision/complaints/{c.Id:D}", due));
                if (late && office is not null)
                {
                    // Escalation: an assignee past its deadline is the program office's business too.
                    reminders.Add(new DueReminder(Rule, $"complaint:{c.Id:D}:escalated:{due:yyyyMMdd}", new ReminderRecipient(null, office, PlatformRoles.ProgramOfficeAdmin),
                        $"投诉逾期未办结（已升级）：{c.Code}", $"投诉（{c.Code}，{about}）办结期限{when}，承办单位尚未办结，请督办。", $"/supervision/complaints/{c.Id:D}", due));
                }
            }
        }

        return reminders;
    }
}
