namespace KnowledgeRenewal.Programs.Domain;

/// <summary>Where a project's public notice (公示) stands on a day.</summary>
public enum NoticePhase
{
    /// <summary>待公示 — the notice is posted, its first day has not come (or no period is set).</summary>
    NotStarted = 1,

    /// <summary>公示中 — from the first day to the last, both included: objections are taken.</summary>
    Open = 2,

    /// <summary>公示期满 — the last day has passed: no more objections; the project may be published.</summary>
    Ended = 3,
}

/// <summary>
/// The public notice period (公示期) of a project: <see cref="Project.NoticeStart"/> to <see cref="Project.NoticeEnd"/>,
/// both included, in China Standard Time (both are working days, set from <c>Projects:NoticeWorkingDays</c> and the
/// working-day calendar when the notice starts). Objections are taken only while it is <see cref="NoticePhase.Open"/>,
/// and publication is possible only once it has <see cref="NoticePhase.Ended"/> — the one rule the API, the
/// <c>/notices</c> page and the workflow follow.
/// </summary>
public static class PublicNoticePeriod
{
    /// <summary>The phase of the period from <paramref name="start"/> to <paramref name="end"/> on <paramref name="today"/> (China Standard Time).</summary>
    public static NoticePhase Phase(DateOnly? start, DateOnly? end, DateOnly today) =>
        start is not { } first || end is not { } last || today < first ? NoticePhase.NotStarted
        : today <= last ? NoticePhase.Open
        : NoticePhase.Ended;

    /// <summary>The phase of <paramref name="project"/>'s notice on <paramref name="today"/>.</summary>
    public static NoticePhase Phase(Project project, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Phase(project.NoticeStart, project.NoticeEnd, today);
    }

    /// <summary>
    /// Why an objection to a project in notice from <paramref name="start"/> to <paramref name="end"/> is not taken on
    /// <paramref name="today"/> (409 <see cref="ProjectProblemCodes.NotInNotice"/>, before the first day as after the
    /// last), or null while the period is open. <paramref name="subject"/> names what is in notice (该项目, 该基地退出).
    /// </summary>
    public static ProjectRefusal? RefuseObjection(DateOnly? start, DateOnly? end, DateOnly today, string subject = "该项目") => Phase(start, end, today) switch
    {
        NoticePhase.Open => null,
        NoticePhase.NotStarted => new(ProjectProblemCodes.NotInNotice, 409, "不在公示期内",
            start is { } first && end is { } last
                ? $"{subject}公示期为 {first:yyyy-MM-dd} 至 {last:yyyy-MM-dd}（北京时间），公示期尚未开始，请于 {first:yyyy-MM-dd} 起提出异议。"
                : $"{subject}尚未开始公示，公示期内方可提出异议。"),
        _ => new(ProjectProblemCodes.NotInNotice, 409, "不在公示期内",
            $"{subject}公示期为 {start:yyyy-MM-dd} 至 {end:yyyy-MM-dd}（北京时间），公示期已结束，不再受理异议。"),
    };

    /// <summary>
    /// Why the outcome of a notice (<paramref name="outcome"/>: 发布, 退出) cannot be given yet on <paramref name="today"/>:
    /// 409 <see cref="ProjectProblemCodes.NoticeRunning"/> until the period has ended, 409
    /// <see cref="ProjectProblemCodes.ObjectionPending"/> while objections wait; null when it can.
    /// </summary>
    public static ProjectRefusal? RefuseConclusion(DateOnly? start, DateOnly? end, DateOnly today, int pendingObjections, string subject = "该项目", string outcome = "发布")
    {
        if (Phase(start, end, today) != NoticePhase.Ended)
        {
            return new(ProjectProblemCodes.NoticeRunning, 409, "公示期未结束",
                end is { } last
                    ? $"{subject}公示期至 {last:yyyy-MM-dd}（含），公示期满后方可{outcome}。"
                    : $"{subject}尚未完成公示，公示期满后方可{outcome}。");
        }

        return pendingObjections > 0
            ? new(ProjectProblemCodes.ObjectionPending, 409, "有未处理的异议",
                $"{subject}有 {pendingObjections} 件异议尚未处理，处理完毕后方可{outcome}。")
            : null;
    }
}
