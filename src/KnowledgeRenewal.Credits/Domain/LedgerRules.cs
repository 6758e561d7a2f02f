using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>Stable machine codes of the ledger's problems.</summary>
public static class LedgerProblemCodes
{
    /// <summary>The record's state does not allow the action.</summary>
    public const string InvalidTransition = "ledger.invalid_transition";

    /// <summary>A reason is required.</summary>
    public const string ReasonRequired = "ledger.reason_required";

    /// <summary>The subject is not in the public catalog nor in the person's module's catalog.</summary>
    public const string UnknownSubject = "ledger.unknown_subject";

    /// <summary>The amount is not a positive exact amount within bounds.</summary>
    public const string InvalidHours = "ledger.invalid_hours";

    /// <summary>The date is in the future or before the program.</summary>
    public const string InvalidDate = "ledger.invalid_date";

    /// <summary>The activity type does not count under the rules in force.</summary>
    public const string ActivityNotCounted = "ledger.activity_not_counted";

    /// <summary>The caller may not record or review this.</summary>
    public const string NotEntitled = "ledger.not_entitled";
}

/// <summary>A ledger rule was broken: a problem with a stable code and a Chinese message.</summary>
public sealed class LedgerException(string code, int status, string detail, IReadOnlyList<FieldError>? errors = null)
    : PlatformException(code, status, status == 409 ? "状态冲突" : "学时记录不符合规则", detail, errors);

/// <summary>Chinese labels of the ledger's values.</summary>
public static class LedgerLabels
{
    /// <summary>待审核 / 已认定 / 已驳回 / 已撤销.</summary>
    public static string Status(CreditRecordStatus status) => status switch
    {
        CreditRecordStatus.Pending => "待审核",
        CreditRecordStatus.Approved => "已认定",
        CreditRecordStatus.Rejected => "已驳回",
        CreditRecordStatus.Revoked => "已撤销",
        _ => status.ToString(),
    };

    /// <summary>The source's Chinese name.</summary>
    public static string Source(RecordSource source) => source switch
    {
        RecordSource.ProjectRoster => "项目学员名单",
        RecordSource.ProviderClass => "施教机构班次",
        RecordSource.SelfDeclared => "个人申报",
        RecordSource.ExternalImport => "外部平台导入",
        RecordSource.ManualAdjustment => "人工调整",
        RecordSource.DigitalTraining => "数字技术工程师培训",
        _ => source.ToString(),
    };

    /// <summary>The flag's Chinese name.</summary>
    public static string Flag(RecordWarning flag) => flag switch
    {
        RecordWarning.DuplicateClass => "同一班次重复记录",
        RecordWarning.DayOverload => "同日学时超出上限",
        _ => flag.ToString(),
    };
}

/// <summary>Field rules shared by every way into the ledger.</summary>
public static class LedgerRules
{
    /// <summary>The first day that can carry credit hours (the program started in 2023; earlier records may be imported).</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>Most hours one record can carry (a year of full-time study).</summary>
    public static readonly CreditHours MaxHoursPerRecord = CreditHours.FromHours(1000m);

    /// <summary>Hours one day can hold at most (for the overlap check of rosters).</summary>
    public static readonly CreditHours MaxHoursPerDay = CreditHours.FromHours(10m);

    /// <summary>Trims a free text; null when blank.</summary>
    public static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A required reason, trimmed and at most <see cref="CreditRecord.ReasonLength"/> characters.</summary>
    public static string RequireReason(string? reason, string field, string label)
    {
        var text = Trim(reason);
        if (text is null)
        {
            throw new LedgerException(LedgerProblemCodes.ReasonRequired, 400, $"请填写{label}。", [new FieldError(field, "required", $"请填写{label}。")]);
        }

        if (text.Length > CreditRecord.ReasonLength)
        {
            throw new LedgerException(LedgerProblemCodes.ReasonRequired, 400, $"{label}过长。", [new FieldError(field, "too_long", $"{label}最多 {CreditRecord.ReasonLength} 个字。")]);
        }

        return text;
    }

    /// <summary>Whether an entered amount is positive and exact to 0.01 (whatever its unit); null or a Chinese message.</summary>
    public static string? CheckAmount(decimal amount) =>
        amount <= 0 ? "学时必须大于 0。"
        : decimal.Round(amount, 2) != amount ? "学时最多保留两位小数。"
        : null;

    /// <summary>
    /// What a credit entered by hand must say whatever the person's rules: the day (not in the future, not before
    /// <see cref="EarliestDate"/>), the category, a title of at most <see cref="CreditRecord.TitleLength"/>
    /// characters and a positive amount exact to 0.01. With <paramref name="required"/> a missing field is an error;
    /// without it (a correction) only the fields given are checked — a blank title counts as given.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckEntry(DateOnly? date, CreditCategory? category, string? title, decimal? amount, DateOnly today, bool required = true)
    {
        var errors = new List<FieldError>();
        if (date is null)
        {
            if (required)
            {
                errors.Add(new FieldError("date", "required", "请填写日期（活动结束的日期）。"));
            }
        }
        else if (CheckDate(date.Value, today) is { } dateError)
        {
            errors.Add(new FieldError("date", LedgerProblemCodes.InvalidDate, dateError));
        }

        if (category is null && required)
        {
            errors.Add(new FieldError("category", "required", "请选择科目类别：公需科目（Public）或专业科目（Professional）。"));
        }

        var text = Trim(title);
        if (text is null)
        {
            if (required || title is not null)
            {
                errors.Add(new FieldError("title", "required", "请填写名称（培训或活动名称）。"));
            }
        }
        else if (text.Length > CreditRecord.TitleLength)
        {
            errors.Add(new FieldError("title", "too_long", $"名称最多 {CreditRecord.TitleLength} 个字。"));
        }

        if (amount is null)
        {
            if (required)
            {
                errors.Add(new FieldError("amount", "required", "请填写学时数（amount）。"));
            }
        }
        else if (CheckAmount(amount.Value) is { } amountError)
        {
            errors.Add(new FieldError("amount", LedgerProblemCodes.InvalidHours, amountError));
        }

        return errors;
    }

    /// <summary>
    /// Converts an amount entered in <paramref name="unit"/> to exact credit hours under <paramref name="rules"/>;
    /// null with a Chinese message when it is not a positive amount exact to 0.01 and within bounds.
    /// </summary>
    public static CreditHours? ToHours(decimal amount, CreditUnit unit, CreditRuleSet? rules, out string? error)
    {
        error = CheckAmount(amount);
        if (error is not null)
        {
            return null;
        }

        if (unit == CreditUnit.Credit && rules?.Unit != CreditUnit.Credit)
        {
            error = "该行业的学时规则不以学分计，请按学时填写。";
            return null;
        }

        var perUnit = unit == CreditUnit.Credit ? rules!.HoursPerUnit : 1m;

        var hours = amount * perUnit;
        if (!CreditHours.TryFromHours(decimal.Round(hours, 2), out var result) || result > MaxHoursPerRecord)
        {
            error = $"学时超出单条记录上限 {MaxHoursPerRecord} 学时。";
            return null;
        }

        return result;
    }

    /// <summary>Whether <paramref name="date"/> can carry credit hours on <paramref name="today"/>; null or a Chinese message.</summary>
    public static string? CheckDate(DateOnly date, DateOnly today) =>
        date > today ? "日期不能晚于今天。"
        : date < EarliestDate ? $"日期不能早于 {EarliestDate:yyyy-MM-dd}。"
        : null;
}
