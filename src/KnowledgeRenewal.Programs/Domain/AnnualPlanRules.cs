using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>A plan as submitted: notes and targets, kinds and keys as text so every row gets a Chinese message.</summary>
public sealed record AnnualPlanInput
{
    /// <summary>说明 (optional).</summary>
    [DataType(DataType.MultilineText)]
    public string? Notes { get; init; }

    /// <summary>The targets; exactly one of kind <c>Total</c>.</summary>
    public IReadOnlyList<PlanTargetInput>? Targets { get; init; }

    /// <summary>
    /// The city's plan only: whether the counties' and departments' plans must stay within the city's targets (refused
    /// when they exceed them) rather than being warned. Absent: false.
    /// </summary>
    public bool? EnforceShares { get; init; }
}

/// <summary>One submitted target.</summary>
public sealed record PlanTargetInput
{
    /// <summary><c>Total</c>, <c>ProjectType</c>, <c>Region</c>, <c>Department</c> (or 总目标, 项目类型, 区域, 行业).</summary>
    public string? Kind { get; init; }

    /// <summary>Empty for the total; the project type, region code or department code.</summary>
    public string? Key { get; init; }

    /// <summary>Projects aimed at (optional).</summary>
    public int? Projects { get; init; }

    /// <summary>Trainees aimed at.</summary>
    public int? Trainees { get; init; }
}

/// <summary>A target whose fields are valid in themselves (region and department codes still need looking up).</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Key">Its key (empty for the total).</param>
/// <param name="Projects">Projects aimed at, if any.</param>
/// <param name="Trainees">Trainees aimed at.</param>
/// <param name="Row">Its index in the submitted list (for messages).</param>
public sealed record ValidPlanTarget(PlanTargetKind Kind, string Key, int? Projects, int Trainees, int Row);

/// <summary>Stable codes of the problems of annual plans.</summary>
public static class PlanProblemCodes
{
    /// <summary>No plan has been set for the year (404).</summary>
    public const string PlanNotFound = "plan.not_found";

    /// <summary>Only the city program office sets plans (403).</summary>
    public const string NotProgramOffice = "plan.not_program_office";

    /// <summary>The year is outside the program (<see cref="ProgramPeriod"/>).</summary>
    public const string YearOutsideProgram = "plan.year_outside_program";

    /// <summary>The shares of one dimension add up to more than the total.</summary>
    public const string SharesExceedTotal = "plan.shares_exceed_total";

    /// <summary>A target names a region or department that does not exist.</summary>
    public const string UnknownKey = "plan.unknown_key";

    /// <summary>A county's or department's plan would exceed the city's targets, and the city's plan enforces its shares (409).</summary>
    public const string ShareExceedsCity = "plan.share_exceeds_city";

    /// <summary>A county's or department's plan before the city has a plan for the year (409).</summary>
    public const string CityPlanMissing = "plan.city_plan_missing";

    /// <summary>A county's or department's plan asked for by someone outside that county or department (403).</summary>
    public const string NotPlanOwner = "plan.not_plan_owner";

    /// <summary>A target of a kind a county's or department's plan does not have (only the total and project types).</summary>
    public const string KindNotNested = "plan.kind_not_nested";
}

/// <summary>The rules of annual plans: the seed's default targets and the checks of a submitted plan (its year within <see cref="ProgramPeriod"/>).</summary>
public static class AnnualPlanRules
{
    /// <summary>Most trainees one target can aim at.</summary>
    public const int MaxTrainees = 1_000_000;

    /// <summary>Most projects one target can aim at.</summary>
    public const int MaxProjects = 10_000;

    /// <summary>Longest notes kept.</summary>
    public const int NotesLength = 500;

    /// <summary>Chinese names of the target kinds.</summary>
    public static IReadOnlyDictionary<PlanTargetKind, string> KindNames { get; } = new Dictionary<PlanTargetKind, string>
    {
        [PlanTargetKind.Total] = "总目标",
        [PlanTargetKind.ProjectType] = "项目类型",
        [PlanTargetKind.Region] = "区域",
        [PlanTargetKind.Department] = "行业",
    };

    /// <summary>
    /// The seed's targets (实施方案 二、三): about 100,000 trained a year in total; about 20 advanced seminars with about
    /// 600 high-level people; about 90,000 in capacity-improvement training. The seed sets no yearly number for the
    /// digital-engineer and base-construction projects, so they have no default target.
    /// </summary>
    public static IReadOnlyList<ValidPlanTarget> Defaults { get; } =
    [
        new(PlanTargetKind.Total, "", null, 100_000, 0),
        new(PlanTargetKind.ProjectType, nameof(ProjectType.AdvancedSeminar), 20, 600, 1),
        new(PlanTargetKind.ProjectType, nameof(ProjectType.CapacityBuilding), null, 90_000, 2),
    ];

    /// <summary>The year's problem, or null when it is a program year.</summary>
    public static FieldError? CheckYear(int year) => !ProgramPeriod.Contains(year)
        ? new FieldError("year", PlanProblemCodes.YearOutsideProgram, $"年度 {year} 不在知识更新工程实施期（{ProgramPeriod.FirstYear}—{ProgramPeriod.LastYear} 年）内。")
        : null;

    /// <summary>
    /// Checks a submitted plan: one total; every kind and key known in form; no target twice; numbers within bounds;
    /// the shares of each dimension (project types, regions, departments) adding up to no more than the total.
    /// </summary>
    public static (IReadOnlyList<ValidPlanTarget> Targets, string? Notes, IReadOnlyList<FieldError> Errors) Validate(AnnualPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is { Length: > NotesLength })
        {
            errors.Add(new FieldError("notes", "too_long", $"说明最多 {NotesLength} 个字。"));
        }

        var targets = new List<ValidPlanTarget>();
        var rows = input.Targets ?? [];
        for (var row = 0; row < rows.Count; row++)
        {
            if (Check(rows[row], row, errors) is { } valid)
            {
                if (targets.Any(t => t.Kind == valid.Kind && t.Key == valid.Key))
                {
                    errors.Add(new FieldError($"targets[{row}].key", "duplicate", $"第 {row + 1} 项目标重复：{KindNames[valid.Kind]}“{Label(valid)}”已经填写过。", row + 1));
                }
                else
                {
                    targets.Add(valid);
                }
            }
        }

        var totals = targets.Where(t => t.Kind == PlanTargetKind.Total).ToList();
        if (totals.Count == 0 && !errors.Any(e => e.Field.EndsWith(".kind", StringComparison.Ordinal)))
        {
            errors.Add(new FieldError("targets", "total_required", "年度计划须有一项“总目标”（kind = Total）：全年培训人数。"));
        }

        if (totals.Count == 1)
        {
            CheckShares(targets, totals[0].Trainees, errors);
        }

        return (errors.Count == 0 ? targets : [], notes, errors);
    }

    /// <summary>The display label of a target's key (the project type's Chinese name; the code otherwise).</summary>
    public static string Label(ValidPlanTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Kind switch
        {
            PlanTargetKind.Total => "全市",
            PlanTargetKind.ProjectType when Enum.TryParse<ProjectType>(target.Key, out var type) => ProjectLabels.Type(type),
            _ => target.Key,
        };
    }

    private static ValidPlanTarget? Check(PlanTargetInput input, int row, List<FieldError> errors)
    {
        var at = $"targets[{row}]";
        var line = $"第 {row + 1} 项目标";
        var count = errors.Count;
        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            errors.Add(new FieldError($"{at}.kind", "invalid", $"{line}的类别应为 Total（总目标）、ProjectType（项目类型）、Region（区域）或 Department（行业）。", row + 1));
        }

        var key = input.Key?.Trim() ?? "";
        switch (kind)
        {
            case PlanTargetKind.Total when key.Length > 0:
                errors.Add(new FieldError($"{at}.key", "must_be_empty", $"{line}是总目标，不能填写 key。", row + 1));
                break;
            case PlanTargetKind.ProjectType when !Enum.TryParse<ProjectType>(key, ignoreCase: false, out var type) || !Enum.IsDefined(type) || int.TryParse(key, out _):
                errors.Add(new FieldError($"{at}.key", "invalid", $"{line}的项目类型应为 {string.Join("、", Enum.GetValues<ProjectType>().Select(t => $"{t}（{ProjectLabels.Type(t)}）"))} 之一。", row + 1));
                break;
            case PlanTargetKind.Region or PlanTargetKind.Department when key.Length == 0:
                errors.Add(new FieldError($"{at}.key", "required", $"{line}须填写{(kind == PlanTargetKind.Region ? "区域代码" : "行业主管部门代码")}（key）。", row + 1));
                break;
        }

        if (input.Trainees is not { } trainees)
        {
            errors.Add(new FieldError($"{at}.trainees", "required", $"{line}须填写目标培训人数（trainees）。", row + 1));
            trainees = 0;
        }
        else if (trainees is < 0 or > MaxTrainees)
        {
            errors.Add(new FieldError($"{at}.trainees", "out_of_range", $"{line}的目标培训人数应在 0 至 {MaxTrainees:N0} 之间。", row + 1));
        }

        if (input.Projects is { } projects && projects is < 0 or > MaxProjects)
        {
            errors.Add(new FieldError($"{at}.projects", "out_of_range", $"{line}的目标项目数应在 0 至 {MaxProjects:N0} 之间。", row + 1));
        }

        return errors.Count == count && kind is { } known ? new ValidPlanTarget(known, key, input.Projects, trainees, row) : null;
    }

    // The shares of a dimension are parts of the total: together they cannot exceed it.
    private static void CheckShares(List<ValidPlanTarget> targets, int total, List<FieldError> errors)
    {
        foreach (var kind in new[] { PlanTargetKind.ProjectType, PlanTargetKind.Region, PlanTargetKind.Department })
        {
            var sum = targets.Where(t => t.Kind == kind).Sum(t => (long)t.Trainees);
            if (sum > total)
            {
                errors.Add(new FieldError("targets", PlanProblemCodes.SharesExceedTotal, $"按{KindNames[kind]}分解的目标人数合计 {sum:N0}，超过了总目标 {total:N0}。"));
            }
        }
    }

    private static PlanTargetKind? ParseKind(string? text) => text?.Trim() switch
    {
        "Total" or "总目标" => PlanTargetKind.Total,
        "ProjectType" or "项目类型" => PlanTargetKind.ProjectType,
        "Region" or "区域" => PlanTargetKind.Region,
        "Department" or "行业" => PlanTargetKind.Department,
        _ => null,
    };
}
