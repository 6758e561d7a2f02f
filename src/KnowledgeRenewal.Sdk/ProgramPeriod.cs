namespace KnowledgeRenewal.Sdk;

/// <summary>
/// The years of Jining's Professional Technical Talent Knowledge Renewal Program (专业技术人才知识更新工程（2023－2030年）,
/// 济人社发〔2023〕4号): the one definition the platform and every module use wherever "the program's years" are meant.
/// </summary>
/// <remarks>
/// The program runs in phases: 2023 starts it (启动工程实施); 2023–2025 build it up (逐步落实, large-scale training);
/// 2025–2030 run it in full (全面开展) with the mid-term evaluation (中期检查评估); 2030 closes it with the final
/// evaluation (全面总结和评估). Instants are UTC; the program's days are China Standard Time days.
/// </remarks>
public static class ProgramPeriod
{
    /// <summary>The program's first year (2023).</summary>
    public const int FirstYear = 2023;

    /// <summary>The program's last year (2030).</summary>
    public const int LastYear = 2030;

    /// <summary>The program's first day, 1 January of <see cref="FirstYear"/>.</summary>
    public static DateOnly Start { get; } = new(FirstYear, 1, 1);

    /// <summary>The program's last day, 31 December of <see cref="LastYear"/>.</summary>
    public static DateOnly End { get; } = new(LastYear, 12, 31);

    /// <summary>Whether <paramref name="year"/> is one of the program's years.</summary>
    public static bool Contains(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Whether <paramref name="day"/> falls within the program's years.</summary>
    public static bool Contains(DateOnly day) => Contains(day.Year);
}
