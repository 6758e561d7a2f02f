using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Supervision.Domain.Funding;

/// <summary>The training a base charges a fee for (收费培训类别).</summary>
public enum FeeTrainingKind
{
    /// <summary>Capacity-building training (能力建设培训).</summary>
    CapacityBuilding = 1,

    /// <summary>Digital-engineer training (数字工程师培训).</summary>
    DigitalEngineer = 2,
}

/// <summary>Where a fee standard stands.</summary>
public enum FeeStandardStatus
{
    /// <summary>Declared, waiting for the program office (待审核).</summary>
    Submitted = 1,

    /// <summary>Approved and public (已核准).</summary>
    Approved = 2,

    /// <summary>Returned with a reason (已退回); the base corrects and declares again.</summary>
    Returned = 3,
}

/// <summary>A declaration as sent (JSON or form); amounts per trainee in fen.</summary>
public sealed class FeeStandardInput
{
    /// <summary>The base (the program office names it; a base's staff declare for their own and may leave it out).</summary>
    public Guid? BaseId { get; set; }

    /// <summary>The year.</summary>
    public int? Year { get; set; }

    /// <summary>The training kind.</summary>
    public FeeTrainingKind? Kind { get; set; }

    /// <summary>The fee per trainee.</summary>
    public long? FeeFen { get; set; }

    /// <summary>Teaching cost per trainee (师资).</summary>
    public long? TeachingFen { get; set; }

    /// <summary>Materials per trainee (资料).</summary>
    public long? MaterialsFen { get; set; }

    /// <summary>Venue per trainee (场地).</summary>
    public long? VenueFen { get; set; }

    /// <summary>Board and lodging per trainee (食宿).</summary>
    public long? AccommodationFen { get; set; }

    /// <summary>Organization per trainee (组织).</summary>
    public long? OrganizationFen { get; set; }

    /// <summary>Other costs per trainee (其他).</summary>
    public long? OtherFen { get; set; }

    /// <summary>How the costs were calculated.</summary>
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.MultilineText)]
    public string? Note { get; set; }
}

/// <summary>
/// A base's fee standard for one year and training kind (收费标准, 以支定收): the fee per trainee with the declared cost
/// per trainee by item. The fee may not exceed the cost (<see cref="FeeRules.OverCost"/>). The program office approves
/// it (then it is public) or returns it with a reason.
/// </summary>
public sealed class FeeStandard
{
    /// <summary>Longest note.</summary>
    public const int NoteLength = 1000;

    /// <summary>Longest return reason.</summary>
    public const int ReasonLength = 1000;

    /// <summary>The id.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The base (Registry's designation).</summary>
    public Guid BaseId { get; init; }

    /// <summary>The base's organization.</summary>
    public Guid OrganizationId { get; init; }

    /// <summary>The organization's region (a county's scope).</summary>
    public string? RegionCode { get; init; }

    /// <summary>The base's name when declared (the public list shows it without reading Registry's scoped tables).</summary>
    public required string BaseName { get; set; }

    /// <summary>The year.</summary>
    public int Year { get; init; }

    /// <summary>The training kind.</summary>
    public FeeTrainingKind Kind { get; init; }

    /// <summary>The fee per trainee in fen.</summary>
    public long FeeFen { get; set; }

    /// <summary>Teaching per trainee.</summary>
    public long TeachingFen { get; set; }

    /// <summary>Materials per trainee.</summary>
    public long MaterialsFen { get; set; }

    /// <summary>Venue per trainee.</summary>
    public long VenueFen { get; set; }

    /// <summary>Board and lodging per trainee.</summary>
    public long AccommodationFen { get; set; }

    /// <summary>Organization per trainee.</summary>
    public long OrganizationFen { get; set; }

    /// <summary>Other costs per trainee.</summary>
    public long OtherFen { get; set; }

    /// <summary>The declared cost per trainee (the sum of the items), stored so lists and feeds read it.</summary>
    public long CostFen { get; set; }

    /// <summary>How the costs were calculated.</summary>
    public string? Note { get; set; }

    /// <summary>The state.</summary>
    public FeeStandardStatus Status { get; set; } = FeeStandardStatus.Submitted;

    /// <summary>Why it was returned.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>When last declared (UTC).</summary>
    public DateTime SubmittedAt { get; set; }

    /// <summary>Who declared.</summary>
    public string? SubmittedByName { get; set; }

    /// <summary>When decided (UTC).</summary>
    public DateTime? DecidedAt { get; set; }

    /// <summary>Who decided.</summary>
    public string? DecidedByName { get; set; }

    /// <summary>The version (If-Match).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>The fee standards' rules (以支定收).</summary>
public static class FeeRules
{
    /// <summary>Largest fee or cost item per trainee (10 万元) in fen.</summary>
    public const long MaxFen = 10_000_000;

    /// <summary>The problem code of a fee above the declared cost.</summary>
    public const string OverCostCode = "supervision.fee_over_cost";

    /// <summary>The declared cost per trainee: the sum of the items.</summary>
    public static long Cost(long teaching, long materials, long venue, long accommodation, long organization, long other) =>
        teaching + materials + venue + accommodation + organization + other;

    /// <summary>Whether <paramref name="feeFen"/> exceeds <paramref name="costFen"/> (以支定收: the fee covers the cost, no more).</summary>
    public static bool OverCost(long feeFen, long costFen) => feeFen > costFen;

    /// <summary>The kind in Chinese.</summary>
    public static string KindName(FeeTrainingKind kind) => kind switch
    {
        FeeTrainingKind.CapacityBuilding => "能力建设培训",
        FeeTrainingKind.DigitalEngineer => "数字工程师培训",
        _ => kind.ToString(),
    };

    /// <summary>The state in Chinese.</summary>
    public static string StatusName(FeeStandardStatus status) => status switch
    {
        FeeStandardStatus.Submitted => "待审核",
        FeeStandardStatus.Approved => "已核准",
        FeeStandardStatus.Returned => "已退回",
        _ => status.ToString(),
    };

    /// <summary>The problems of <paramref name="input"/>, the fee above the cost included (empty when it may be declared).</summary>
    public static IReadOnlyList<FieldError> Validate(FeeStandardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (input.Year is not (>= 2000 and <= 2100))
        {
            errors.Add(new FieldError("year", "out_of_range", "年度应在 2000 至 2100 之间。"));
        }

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(new FieldError("kind", "required", "请选择培训类别：能力建设培训或数字工程师培训。"));
        }

        void Amount(long? value, string field, string name, bool positive)
        {
            if (value is null || value < (positive ? 1 : 0) || value > MaxFen)
            {
                errors.Add(new FieldError(field, value is null ? "required" : "out_of_range", $"请填写{name}（{(positive ? "大于 0" : "0 或以上")}、不超过 10 万元）。"));
            }
        }

        Amount(input.FeeFen, "feeFen", "每人收费标准", positive: true);
        Amount(input.TeachingFen, "teachingFen", "人均师资费", positive: false);
        Amount(input.MaterialsFen, "materialsFen", "人均资料费", positive: false);
        Amount(input.VenueFen, "venueFen", "人均场地费", positive: false);
        Amount(input.AccommodationFen, "accommodationFen", "人均食宿费", positive: false);
        Amount(input.OrganizationFen, "organizationFen", "人均组织费", positive: false);
        Amount(input.OtherFen, "otherFen", "人均其他费用", positive: false);
        if (input.Note is { Length: > FeeStandard.NoteLength })
        {
            errors.Add(new FieldError("note", "too_long", $"测算说明最多 {FeeStandard.NoteLength} 个字。"));
        }

        if (errors.Count == 0)
        {
            var cost = Cost(input.TeachingFen!.Value, input.MaterialsFen!.Value, input.VenueFen!.Value, input.AccommodationFen!.Value, input.OrganizationFen!.Value, input.OtherFen!.Value);
            if (OverCost(input.FeeFen!.Value, cost))
            {
                errors.Add(new FieldError("feeFen", "fee_over_cost",
                    $"收费标准不得高于人均成本（以支定收）：每人收费 {Yuan(input.FeeFen!.Value)} 元，人均成本合计 {Yuan(cost)} 元。"));
            }
        }

        return errors;
    }

    /// <summary>Fen as yuan, <c>1234.50</c>.</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
