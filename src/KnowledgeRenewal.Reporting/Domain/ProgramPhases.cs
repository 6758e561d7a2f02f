using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Reporting.Domain;

/// <summary>The stages of the program (seed 四(五)), in order.</summary>
public enum ProgramStage
{
    /// <summary>Before 2023: not yet started.</summary>
    NotStarted = 0,

    /// <summary>2023: 启动工程实施工作.</summary>
    Launch = 1,

    /// <summary>2023–2025: 逐步落实工程各项工作，大规模开展培养培训.</summary>
    RollOut = 2,

    /// <summary>2025–2030: 全面开展工程各项工作，进行中期检查评估.</summary>
    FullImplementation = 3,

    /// <summary>2030: 对工程实施情况进行全面总结和评估.</summary>
    FinalEvaluation = 4,

    /// <summary>After 2030: the program has ended.</summary>
    Ended = 5,
}

/// <summary>One stage of the program with its years.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Name">Its Chinese name.</param>
/// <param name="FromYear">First year.</param>
/// <param name="ToYear">Last year.</param>
/// <param name="Summary">What the implementation plan asks of it (seed 四(五)).</param>
public sealed record ProgramStageInfo(ProgramStage Stage, string Name, int FromYear, int ToYear, string Summary);

/// <summary>Where the program stands on a day.</summary>
/// <param name="Day">The day (China time).</param>
/// <param name="Stage">The current stage: the latest-starting stage whose years contain the day's year (the shorter of two starting together).</param>
/// <param name="Name">Its Chinese name.</param>
/// <param name="Summary">What the stage asks.</param>
/// <param name="ProgramYear">The year of the program, 1 for 2023 … 8 for 2030; 0 before, 9 after.</param>
/// <param name="ElapsedPercent">The share of 2023-01-01 … 2030-12-31 gone by, in percent (one decimal).</param>
/// <param name="Stages">Every stage with its years (also those overlapping the current one).</param>
/// <param name="ActiveStages">The stages whose years contain the day's year (2023: launch and roll-out; 2025: roll-out and full implementation; 2030: full implementation and final evaluation).</param>
/// <param name="MidTermEvaluationYear">The year of the mid-term evaluation (2025).</param>
/// <param name="FinalEvaluationYear">The year of the final evaluation (2030).</param>
/// <param name="Milestone">The evaluation due this year, or the next one, in words.</param>
public sealed record ProgramPhase(
    DateOnly Day,
    ProgramStage Stage,
    string Name,
    string Summary,
    int ProgramYear,
    decimal ElapsedPercent,
    IReadOnlyList<ProgramStageInfo> Stages,
    IReadOnlyList<ProgramStage> ActiveStages,
    int MidTermEvaluationYear,
    int FinalEvaluationYear,
    string Milestone);

/// <summary>
/// The program's phase from the date (seed 四(五)): 2023 start; 2023–2025 roll-out; 2025–2030 full implementation with
/// the mid-term evaluation (2025); 2030 final evaluation. Stages overlap at their edges; the current stage of a year is
/// the latest-starting stage that contains it (of two starting together, the shorter) (2023 → launch, 2024 → roll-out, 2025–2029 → full implementation, 2030 →
/// final evaluation), the others are listed as active.
/// </summary>
public static class ProgramPhases
{
    /// <summary>The program's first year.</summary>
    public const int FirstYear = ProgramPeriod.FirstYear;

    /// <summary>The program's last year.</summary>
    public const int LastYear = ProgramPeriod.LastYear;

    /// <summary>The year of the mid-term evaluation.</summary>
    public const int MidTermEvaluationYear = 2025;

    /// <summary>The years of the mid-term evaluation report (2023–2025).</summary>
    public static (int FromYear, int ToYear) MidTermPeriod => (FirstYear, MidTermEvaluationYear);

    /// <summary>The program's stages (seed 四(五)).</summary>
    public static IReadOnlyList<ProgramStageInfo> Stages { get; } =
    [
        new(ProgramStage.Launch, "启动实施", FirstYear, FirstYear, "启动工程实施工作。"),
        new(ProgramStage.RollOut, "逐步落实", FirstYear, MidTermEvaluationYear, "逐步落实工程各项工作，大规模开展专业技术人员培养培训活动，推动制度改革和机制创新。"),
        new(ProgramStage.FullImplementation, "全面实施", MidTermEvaluationYear, LastYear, "全面开展工程各项工作，进行中期检查评估，巩固成果，加强薄弱环节，适时调整重点方向。"),
        new(ProgramStage.FinalEvaluation, "总结评估", LastYear, LastYear, "对工程实施情况进行全面总结和评估。"),
    ];

    /// <summary>Where the program stands on <paramref name="day"/> (China time).</summary>
    public static ProgramPhase On(DateOnly day)
    {
        var year = day.Year;
        var active = Stages.Where(s => s.FromYear <= year && year <= s.ToYear).ToList();
        var current = active.OrderBy(s => s.FromYear).ThenByDescending(s => s.ToYear).LastOrDefault();
        var (stage, name, summary) = current is not null
            ? (current.Stage, current.Name, current.Summary)
            : year < FirstYear
                ? (ProgramStage.NotStarted, "尚未启动", $"工程自 {FirstYear} 年启动。")
                : (ProgramStage.Ended, "已结束", $"工程实施期为 {FirstYear}—{LastYear} 年，已完成全面总结评估。");
        var programYear = year < FirstYear ? 0 : year > LastYear ? LastYear - FirstYear + 2 : year - FirstYear + 1;
        return new ProgramPhase(day, stage, name, summary, programYear, ElapsedPercent(day), Stages, [.. active.Select(s => s.Stage)],
            MidTermEvaluationYear, LastYear, Milestone(year));
    }

    /// <summary>The share of the program's eight years gone by on <paramref name="day"/>, in percent (one decimal; 0 before, 100 after).</summary>
    public static decimal ElapsedPercent(DateOnly day)
    {
        var first = new DateOnly(FirstYear, 1, 1);
        var last = new DateOnly(LastYear, 12, 31);
        if (day < first)
        {
            return 0m;
        }

        if (day >= last)
        {
            return 100m;
        }

        return Math.Round((day.DayNumber - first.DayNumber + 1) * 100m / (last.DayNumber - first.DayNumber + 1), 1, MidpointRounding.ToZero);
    }

    private static string Milestone(int year) => year switch
    {
        < MidTermEvaluationYear => $"{MidTermEvaluationYear} 年进行中期检查评估（还有 {MidTermEvaluationYear - year} 年）",
        MidTermEvaluationYear => $"今年（{MidTermEvaluationYear} 年）进行中期检查评估",
        < LastYear => $"{LastYear} 年进行全面总结评估（还有 {LastYear - year} 年）；{MidTermEvaluationYear} 年已进行中期检查评估",
        LastYear => $"今年（{LastYear} 年）进行全面总结评估",
        _ => $"{LastYear} 年已进行全面总结评估",
    };
}
