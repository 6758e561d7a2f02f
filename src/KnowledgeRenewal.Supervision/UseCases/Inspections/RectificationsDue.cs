using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// Reminders of rectifications due (<c>rectification.due</c>): each open rectification whose deadline is within the
/// lead time (or passed) — to the inspected organization's accounts (providers' and bases' staff) and to the program
/// office, once per finding.
/// </summary>
internal sealed class RectificationsDue(PlatformDbContext db) : IReminderSource
{
    /// <summary>The rule's key.</summary>
    public const string RuleKey = "rectification.due";

    /// <inheritdoc />
    public string Rule => RuleKey;

    /// <inheritdoc />
    public string Label => "检查整改到期";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken)
    {
        var until = today.AddDays(leadDays);
        var scope = new[] { PlatformDbContext.AccessScopeFilter };
        var due = await (from f in db.Set<InspectionFinding>().IgnoreQueryFilters(scope).AsNoTracking()
                         join i in db.Set<Inspection>().IgnoreQueryFilters(scope).AsNoTracking() on f.InspectionId equals i.Id
                         where f.Rectification == RectificationStatus.Open && f.DueOn != null && f.DueOn <= until
                         orderby f.DueOn, f.Id
                         select new { f.Id, DueOn = f.DueOn!.Value, InspectionId = i.Id, i.ObjectName, i.OrganizationId, i.Kind })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reminders = new List<DueReminder>();
        foreach (var f in due)
        {
            var late = f.DueOn < today;
            var subject = late ? $"整改已逾期：{f.ObjectName}" : $"整改即将到期：{f.ObjectName}";
            var body = $"{InspectionRules.KindName(f.Kind)}“{f.ObjectName}”在双随机抽查中发现的问题需于 {f.DueOn:yyyy-MM-dd} 前完成整改" + (late ? "，现已逾期。" : "。") + "整改完成后提交整改情况和佐证材料。";
            var occasion = $"rectification:{f.Id:N}";
            reminders.Add(new DueReminder(RuleKey, occasion, new ReminderRecipient(null, f.OrganizationId, PlatformRoles.ProviderStaff), subject, body, "/workbench", f.DueOn));
            reminders.Add(new DueReminder(RuleKey, occasion, new ReminderRecipient(null, null, PlatformRoles.ProgramOfficeAdmin), subject, body, $"/supervision/inspections/objects/{f.InspectionId}", f.DueOn));
        }

        return reminders;
    }
}
