using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The caller's overdue projects: in a state with a deadline (<see cref="ProjectOptions.Deadlines"/>) for longer than it allows.</summary>
internal sealed record ListOverdueProjects : IRequest<IReadOnlyList<OverdueProject>>;

/// <summary>An overdue project.</summary>
/// <param name="Id">The project.</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Its state.</param>
/// <param name="StatusName">Its state, in Chinese.</param>
/// <param name="Since">The day (CST) it entered the state.</param>
/// <param name="DueDate">The last working day allowed.</param>
/// <param name="WorkingDaysOverdue">Working days past the due date.</param>
/// <param name="Responsible">Who must act, in Chinese.</param>
internal sealed record OverdueProject(Guid Id, string Number, string Title, ProjectStatus Status, string StatusName, DateOnly Since, DateOnly DueDate, int WorkingDaysOverdue, string Responsible);

/// <summary>Handles <see cref="ListOverdueProjects"/>: working days counted with the platform's calendar (holidays and 调休), China Standard Time.</summary>
internal sealed class ListOverdueProjectsHandler(PlatformDbContext db, WorkingDayCalendar calendar, IOptions<ProjectOptions> options, TimeProvider clock)
    : IRequestHandler<ListOverdueProjects, IReadOnlyList<OverdueProject>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<OverdueProject>> Handle(ListOverdueProjects request, CancellationToken cancellationToken)
    {
        var deadlines = options.Value.Deadlines;
        if (deadlines.Count == 0)
        {
            return [];
        }

        var states = deadlines.Keys.ToArray();
        var today = ProgramCalendar.Today(clock);
        var candidates = await db.Projects.AsNoTracking().Where(p => states.Contains(p.Status))
            .Select(p => new { p.Id, p.Number, p.Title, p.Status, p.StatusChangedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. candidates
            .Select(p =>
            {
                var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(p.StatusChangedAt, DateTimeKind.Utc), ProgramCalendar.TimeZone));
                var due = calendar.AddWorkingDays(since, deadlines[p.Status]);
                return new OverdueProject(p.Id, p.Number, p.Title, p.Status, ProjectLabels.Status(p.Status), since, due, calendar.WorkingDaysBetween(due, today), ProjectLabels.Responsible(p.Status));
            })
            .Where(o => o.WorkingDaysOverdue > 0)
            .OrderByDescending(o => o.WorkingDaysOverdue).ThenBy(o => o.Number, StringComparer.Ordinal)];
    }
}
