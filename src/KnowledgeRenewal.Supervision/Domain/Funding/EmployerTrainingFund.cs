namespace KnowledgeRenewal.Supervision.Domain.Funding;

/// <summary>
/// An employer's training fund of one year (职工教育经费): the payroll total (工资总额) and what was spent on training,
/// recorded by the employer's HR or the program office. The ratio is computed when read and compared with the floor
/// of the configuration (<see cref="TrainingFundRules"/>), so a changed floor applies to every year at once.
/// </summary>
public sealed class EmployerTrainingFund
{
    /// <summary>The id.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The employer (an organization).</summary>
    public Guid EmployerId { get; init; }

    /// <summary>The employer's region (a county's scope).</summary>
    public string? RegionCode { get; init; }

    /// <summary>The employer's line department (a department's scope).</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>The year.</summary>
    public int Year { get; init; }

    /// <summary>The payroll total in fen.</summary>
    public long PayrollFen { get; set; }

    /// <summary>Spent on training in fen.</summary>
    public long TrainingSpentFen { get; set; }

    /// <summary>When last recorded (UTC).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>Who recorded.</summary>
    public string? RecordedByName { get; set; }

    /// <summary>The version (If-Match).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>Settings of funding (section <see cref="Section"/>).</summary>
public sealed class FundingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Supervision:Funding";

    /// <summary>
    /// The floor of training spending over payroll below which an employer's year is flagged: 1.5 %, the lower bound
    /// of 《关于企业职工教育经费提取与使用管理的意见》（财建〔2006〕317号）: 一般企业按照职工工资总额的 1.5% 足额提取.
    /// </summary>
    public decimal TrainingFundRatioFloor { get; set; } = 0.015m;
}

/// <summary>The training fund's rules: the ratio and the floor.</summary>
public static class TrainingFundRules
{
    /// <summary>Largest payroll or spending (100 亿元) in fen; times 10⁶ it still fits a 64-bit number.</summary>
    public const long MaxFen = 1_000_000_000_000;

    /// <summary>The floor in parts per million, as the database compares it (<c>spent × 10⁶ &lt; payroll × floor</c>).</summary>
    public static long FloorPpm(decimal floor) => (long)Math.Round(floor * 1_000_000m, MidpointRounding.AwayFromZero);

    /// <summary>Training spending over payroll (0 without a payroll).</summary>
    public static decimal Ratio(long payrollFen, long spentFen) => payrollFen <= 0 ? 0m : (decimal)spentFen / payrollFen;

    /// <summary>Whether the year is below the floor — the same comparison the list's filter makes in the database.</summary>
    public static bool BelowFloor(long payrollFen, long spentFen, decimal floor) =>
        (decimal)spentFen * 1_000_000m < (decimal)payrollFen * FloorPpm(floor);
}
