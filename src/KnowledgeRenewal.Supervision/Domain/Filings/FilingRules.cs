using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Supervision.Domain.Filings;

/// <summary>A filing's content as sent (JSON or form).</summary>
public sealed class FilingInput
{
    /// <summary>This year's plan execution, in words.</summary>
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.MultilineText)]
    public string? Execution { get; set; }

    /// <summary>Classes held this year.</summary>
    public int? ClassesHeld { get; set; }

    /// <summary>People trained this year.</summary>
    public int? PeopleTrained { get; set; }

    /// <summary>Next year's planned classes.</summary>
    public int? PlannedClasses { get; set; }

    /// <summary>Next year's subjects.</summary>
    [System.ComponentModel.DataAnnotations.DataType(System.ComponentModel.DataAnnotations.DataType.MultilineText)]
    public string? PlannedSubjects { get; set; }

    /// <summary>Next year's target trainees.</summary>
    public int? TargetTrainees { get; set; }

    /// <summary>Next year's budget in fen.</summary>
    public long? BudgetFen { get; set; }
}

/// <summary>The filing's rules: who files, who decides, what a filing must say, which decisions are possible.</summary>
public static class FilingRules
{
    /// <summary>
    /// The bases that file (and are flagged when they miss the date): designated ones, active or under rectification —
    /// a base under rectification reports its year all the more. A revoked base no longer files.
    /// </summary>
    public static IReadOnlyList<BaseStatus> FilingStatuses { get; } = [BaseStatus.Active, BaseStatus.UnderReview];

    /// <summary>Most classes or people a field accepts.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Largest budget (10 亿元) in fen.</summary>
    public const long MaxBudgetFen = 100_000_000_000;

    /// <summary>The program office decides.</summary>
    public static IReadOnlyList<string> Deciders { get; } = [PlatformRoles.ProgramOfficeAdmin];

    /// <summary>A base's staff file (a training provider's staff whose organization is a designated base).</summary>
    public static IReadOnlyList<string> Filers { get; } = [PlatformRoles.ProviderStaff];

    /// <summary>Who reads filings (each within their scope).</summary>
    public static IReadOnlyList<string> Readers { get; } = [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.ProviderStaff];

    /// <summary>The problems of <paramref name="input"/> (empty when it may be filed).</summary>
    public static IReadOnlyList<FieldError> Validate(FilingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        Text(errors, "execution", "年度计划执行情况", input.Execution, BaseFiling.TextLength);
        Text(errors, "plannedSubjects", "下一年度培训科目", input.PlannedSubjects, BaseFiling.SubjectsLength);
        Count(errors, "classesHeld", "本年度举办班次", input.ClassesHeld);
        Count(errors, "peopleTrained", "本年度培训人数", input.PeopleTrained);
        Count(errors, "plannedClasses", "下一年度计划班次", input.PlannedClasses);
        Count(errors, "targetTrainees", "下一年度目标培训人数", input.TargetTrainees);
        if (input.BudgetFen is not { } budget)
        {
            errors.Add(new FieldError("budgetFen", "required", "请输入下一年度经费预算。"));
        }
        else if (budget is < 0 or > MaxBudgetFen)
        {
            errors.Add(new FieldError("budgetFen", "out_of_range", "下一年度经费预算应在 0 至 10 亿元之间。"));
        }

        return errors;
    }

    /// <summary>Whether a filing in <paramref name="status"/> may be submitted again (only after a return).</summary>
    public static bool MayResubmit(BaseFilingStatus status) => status == BaseFilingStatus.Returned;

    /// <summary>Whether a filing in <paramref name="status"/> waits for a decision.</summary>
    public static bool MayDecide(BaseFilingStatus status) => status == BaseFilingStatus.Submitted;

    private static void Text(List<FieldError> errors, string field, string label, string? value, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(new FieldError(field, "required", $"请填写{label}。"));
        }
        else if (text.Length > max)
        {
            errors.Add(new FieldError(field, "too_long", $"{label}最多 {max} 个字。"));
        }
    }

    private static void Count(List<FieldError> errors, string field, string label, int? value)
    {
        if (value is not { } count)
        {
            errors.Add(new FieldError(field, "required", $"请输入{label}。"));
        }
        else if (count is < 0 or > MaxCount)
        {
            errors.Add(new FieldError(field, "out_of_range", $"{label}应在 0 至 1,000,000 之间。"));
        }
    }
}
