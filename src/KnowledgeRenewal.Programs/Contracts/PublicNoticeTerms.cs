using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Programs.Contracts;

/// <summary>
/// The public notice (公示) as the platform runs it — for projects and for anything else another area puts to notice
/// (a base's exit): the period is <c>Projects:NoticeWorkingDays</c> working days from the day it starts, objections are
/// taken only while it is open (<see cref="PublicNoticePeriod"/>), the outcome comes only after it ended with no
/// objection pending, and the public's objections share one rate limit (<see cref="ObjectionRateLimitPolicy"/>).
/// Programs owns the rule; other areas call it here instead of copying it.
/// </summary>
public sealed class PublicNoticeTerms(WorkingDayCalendar calendar, IOptions<ProjectOptions> options)
{
    /// <summary>The rate-limiter policy of public objections (per client address per minute, <c>Projects:ObjectionsPerMinute</c>).</summary>
    public const string ObjectionRateLimitPolicy = ProjectObjectionLimits.Policy;

    /// <summary>The notice period of a notice that starts on <paramref name="today"/> (both days included, working days).</summary>
    public (DateOnly Start, DateOnly End) PeriodFrom(DateOnly today) => calendar.Period(today, options.Value.NoticeWorkingDays);

    /// <summary>Where a notice from <paramref name="start"/> to <paramref name="end"/> stands on <paramref name="today"/>.</summary>
    public static NoticePhase Phase(DateOnly? start, DateOnly? end, DateOnly today) => PublicNoticePeriod.Phase(start, end, today);

    /// <summary>Why an objection is not taken on <paramref name="today"/> (409 <c>project.not_in_notice</c>), or null while the period is open.</summary>
    public static ProjectRefusal? RefuseObjection(DateOnly? start, DateOnly? end, DateOnly today, string subject) =>
        PublicNoticePeriod.RefuseObjection(start, end, today, subject);

    /// <summary>Why the notice cannot be concluded yet (period running, objections pending), or null.</summary>
    public static ProjectRefusal? RefuseConclusion(DateOnly? start, DateOnly? end, DateOnly today, int pendingObjections, string subject, string outcome) =>
        PublicNoticePeriod.RefuseConclusion(start, end, today, pendingObjections, subject, outcome);
}
