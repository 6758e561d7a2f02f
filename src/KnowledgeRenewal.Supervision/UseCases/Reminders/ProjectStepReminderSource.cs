using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>
/// Workflow steps nearing their deadline (<c>project.step_due</c>): a project in a state with a deadline
/// (<c>Projects:Deadlines</c>, working days) is reminded from the rule's lead days before its due day, and after it
/// while it stays there — to whoever must act next: the recommending county or department for a submitted project,
/// the program office for review, approval and notice, the applicant (and its provider) once published. One occasion
/// per project and entry into the state (<c>step:{project}:{state}:{since}</c>).
/// </summary>
internal sealed class ProjectStepReminderSource(PlatformDbContext db, IOptions<ProjectOptions> options, WorkingDayCalendar calendar) : IReminderSource
{
    /// <inheritdoc />
    public string Rule => "project.step_due";

    /// <inheritdoc />
    public string Label => "项目办理环节到期提醒";

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(DateOnly today, int leadDays, CancellationToken cancellationToken)
    {
        var deadlines = options.Value.Deadlines;
        if (deadlines.Count == 0)
        {
            return [];
        }

        var states = deadlines.Keys.ToArray();
        var projects = await db.Projects.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(p => states.Contains(p.Status))
            .Select(p => new { p.Id, p.Number, p.Title, p.Type, p.Status, p.StatusChangedAt, p.ApplicantOrganizationId, p.RecommenderOrganizationId, p.ProviderId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var due = new List<DueReminder>();
        foreach (var p in projects)
        {
            var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(p.StatusChangedAt, DateTimeKind.Utc), ProgramCalendar.TimeZone));
            var day = ReminderDeadlines.StepDue(since, deadlines[p.Status], calendar);
            if (!ReminderDeadlines.IsStepReminded(today, day, leadDays))
            {
                continue;
            }

            var overdue = today > day;
            var state = ProjectLabels.Status(p.Status);
            var subject = overdue ? $"项目“{p.Title}”在“{state}”环节已超期" : $"项目“{p.Title}”的“{state}”环节将于 {ChinaTime.Format(day)} 到期";
            var body = overdue
                ? $"项目 {p.Number}“{p.Title}”自 {ChinaTime.Format(since)} 起处于“{state}”环节，办理期限 {ChinaTime.Format(day)} 已过，请尽快办理。"
                : $"项目 {p.Number}“{p.Title}”自 {ChinaTime.Format(since)} 起处于“{state}”环节，请在 {ChinaTime.Format(day)} 前办理。";
            var occasion = $"step:{p.Id}:{p.Status}:{since:yyyyMMdd}";
            foreach (var (recipient, link) in Recipients(p.Status, p.Type, p.Id, p.ApplicantOrganizationId, p.RecommenderOrganizationId, p.ProviderId))
            {
                due.Add(new DueReminder(Rule, occasion, recipient, subject, body, link, day));
            }
        }

        return due;
    }

    /// <summary>Who acts next on a project in <paramref name="status"/>, and where (the parties of the steps out of it; the applicant only when nobody else acts).</summary>
    private static IEnumerable<(ReminderRecipient Recipient, string Link)> Recipients(ProjectStatus status, ProjectType type, Guid id, Guid applicant, Guid recommender, Guid? provider)
    {
        var parties = ProjectWorkflow.Steps.Where(s => s.From == status).Select(s => s.Party).Distinct().ToList();
        if (parties.Count > 1)
        {
            parties.Remove(ProjectParty.Applicant);
        }

        foreach (var party in parties)
        {
            foreach (var role in ProjectWorkflow.RolesOf(party, type))
            {
                switch (party)
                {
                    case ProjectParty.Recommender:
                        yield return (new ReminderRecipient(null, recommender, role), $"/reviews/projects/{id}");
                        break;
                    case ProjectParty.ProgramOffice:
                        yield return (new ReminderRecipient(null, null, role), $"/office/projects/{id}");
                        break;
                    case ProjectParty.Organizer when role == PlatformRoles.ProviderStaff:
                        if (provider is { } org && org != applicant)
                        {
                            yield return (new ReminderRecipient(null, org, role), $"/projects/{id}");
                        }

                        yield return (new ReminderRecipient(null, applicant, role), $"/projects/{id}");
                        break;
                    default:
                        yield return (new ReminderRecipient(null, applicant, role), $"/projects/{id}");
                        break;
                }
            }
        }
    }
}
