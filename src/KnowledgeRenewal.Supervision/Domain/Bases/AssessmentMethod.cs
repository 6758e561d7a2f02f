namespace KnowledgeRenewal.Supervision.Domain.Bases;

/// <summary>
/// A version of the base assessment method (考核评估办法): the weights of the indicators and the targets they are
/// measured against, and the pass mark. Weights are data: the program office adds a new version (an earlier one is
/// never changed, so every score can be re-read with the method it used); the newest version is in force.
/// </summary>
public sealed class AssessmentMethod
{
    /// <summary>Longest note.</summary>
    public const int NoteLength = 1000;

    /// <summary>Surrogate key.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Version number, 1, 2, … (unique).</summary>
    public int Version { get; init; }

    /// <summary>Weight of people trained against the yearly floor.</summary>
    public int TraineesWeight { get; init; }

    /// <summary>Weight of advanced seminars hosted against <see cref="SeminarsTarget"/>.</summary>
    public int SeminarsWeight { get; init; }

    /// <summary>Weight of public- and professional-subject courses against <see cref="CoursesTarget"/>.</summary>
    public int CoursesWeight { get; init; }

    /// <summary>Weight of the completion rate.</summary>
    public int CompletionWeight { get; init; }

    /// <summary>Weight of the satisfaction rate.</summary>
    public int SatisfactionWeight { get; init; }

    /// <summary>Weight of the inspection results.</summary>
    public int InspectionWeight { get; init; }

    /// <summary>Advanced seminars a year that count in full.</summary>
    public int SeminarsTarget { get; init; }

    /// <summary>Catalog courses developed a year that count in full.</summary>
    public int CoursesTarget { get; init; }

    /// <summary>The pass mark (0–100): a score below it is below the bar.</summary>
    public int PassMark { get; init; }

    /// <summary>What changed and why.</summary>
    public required string Note { get; init; }

    /// <summary>Who added it.</summary>
    public string CreatedByName { get; init; } = "system";

    /// <summary>When (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>The sum of the weights (never 0 for a stored method).</summary>
    public int TotalWeight => TraineesWeight + SeminarsWeight + CoursesWeight + CompletionWeight + SatisfactionWeight + InspectionWeight;
}

/// <summary>What a base did in a year, as the scorecard counts it (the input of the assessment).</summary>
/// <param name="Trainees">Distinct professionals with approved records from its classes.</param>
/// <param name="Seminars">Advanced seminar projects it hosted (approved or later).</param>
/// <param name="PublicCourses">Public-subject courses it developed in the catalog in the year.</param>
/// <param name="ProfessionalCourses">Professional-subject courses it developed in the catalog in the year.</param>
/// <param name="CompletionRate">Approved records among the records of its finished classes (0–1), null without any.</param>
/// <param name="SatisfactionRate">Evaluations averaging 4 or more among its evaluations (0–1), null without any.</param>
/// <param name="InspectionScore">The inspections' score (0–100), null when no inspection counted.</param>
public sealed record ScorecardFigures(int Trainees, int Seminars, int PublicCourses, int ProfessionalCourses, decimal? CompletionRate, decimal? SatisfactionRate, decimal? InspectionScore);

/// <summary>One indicator's share of a score.</summary>
/// <param name="Key">trainees, seminars, courses, completion, satisfaction, inspection.</param>
/// <param name="Attainment">How much of the indicator was reached (0–1).</param>
/// <param name="Weight">Its weight in the method.</param>
/// <param name="Points">Points it gives (0–100 in total).</param>
public sealed record IndicatorPoints(string Key, decimal Attainment, int Weight, decimal Points);

/// <summary>
/// The assessment method's arithmetic (ADR 0011): each indicator's attainment is capped at 1 — people trained over
/// the floor, seminars and courses over their targets, the completion and satisfaction rates as they are, the
/// inspection score over 100; a missing rate or no inspection counts 0. The score is 100 × Σ(weight × attainment) /
/// Σ weights, rounded to one decimal; below the pass mark is below the bar.
/// </summary>
public static class AssessmentRules
{
    /// <summary>The indicators' keys in the order the pages show them.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["trainees", "seminars", "courses", "completion", "satisfaction", "inspection"];

    /// <summary>An indicator's name for people.</summary>
    public static string Label(string key) => key switch
    {
        "trainees" => "培训人数",
        "seminars" => "承办高级研修项目",
        "courses" => "开发公需科目和专业科目课程",
        "completion" => "结业率",
        "satisfaction" => "满意率",
        "inspection" => "检查结果",
        _ => key,
    };

    /// <summary>Scores <paramref name="figures"/> with <paramref name="method"/> against the yearly trainee <paramref name="floor"/>.</summary>
    public static (decimal Score, bool Passed, IReadOnlyList<IndicatorPoints> Points) Score(ScorecardFigures figures, AssessmentMethod method, int floor)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(method);
        if (method.TotalWeight <= 0)
        {
            throw new ArgumentException("The method's weights add up to 0.", nameof(method));
        }

        var attainments = new (string Key, decimal Attainment, int Weight)[]
        {
            ("trainees", Ratio(figures.Trainees, floor), method.TraineesWeight),
            ("seminars", Ratio(figures.Seminars, method.SeminarsTarget), method.SeminarsWeight),
            ("courses", Ratio(figures.PublicCourses + figures.ProfessionalCourses, method.CoursesTarget), method.CoursesWeight),
            ("completion", Clamp(figures.CompletionRate ?? 0m), method.CompletionWeight),
            ("satisfaction", Clamp(figures.SatisfactionRate ?? 0m), method.SatisfactionWeight),
            ("inspection", Clamp((figures.InspectionScore ?? 0m) / 100m), method.InspectionWeight),
        };
        var total = (decimal)method.TotalWeight;
        var points = attainments.Select(a => new IndicatorPoints(a.Key, a.Attainment, a.Weight, Math.Round(100m * a.Weight * a.Attainment / total, 1))).ToList();
        var score = Math.Round(100m * attainments.Sum(a => a.Weight * a.Attainment) / total, 1);
        return (score, score >= method.PassMark, points);
    }

    /// <summary>Whether a base is proposed for exit: below the bar this year and in the year before (twice in a row).</summary>
    public static bool ProposeExit(bool passedThisYear, bool? passedYearBefore) => !passedThisYear && passedYearBefore == false;

    private static decimal Ratio(int value, int target) => target <= 0 ? 1m : Clamp((decimal)value / target);

    private static decimal Clamp(decimal value) => Math.Min(1m, Math.Max(0m, value));
}
