using System.ComponentModel.DataAnnotations;
using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Credits.Domain;

/// <summary>The fields of a declaration as a client sent them (form fields are text).</summary>
public sealed record DeclarationFields
{
    /// <summary>Activity type: English name or Chinese label.</summary>
    public string? Activity { get; init; }

    /// <summary>Title.</summary>
    public string? Title { get; init; }

    /// <summary>Organizer, journal or issuing body.</summary>
    public string? Organizer { get; init; }

    /// <summary>Description.</summary>
    [DataType(DataType.MultilineText)]
    public string? Description { get; init; }

    /// <summary>First day, <c>yyyy-MM-dd</c>.</summary>
    public string? StartDate { get; init; }

    /// <summary>Last day, <c>yyyy-MM-dd</c>.</summary>
    public string? EndDate { get; init; }

    /// <summary>Category: <c>Public</c>/<c>Professional</c> or 公需科目/专业科目; optional (the activity rule's wins).</summary>
    public string? Category { get; init; }

    /// <summary>Subject code, optional.</summary>
    public string? SubjectCode { get; init; }

    /// <summary>Items (papers, patents …), for activities credited per item.</summary>
    public string? Items { get; init; }

    /// <summary>Amount claimed, for activities credited by hours.</summary>
    public string? ClaimedAmount { get; init; }

    /// <summary>Unit of the amount: <c>Hour</c>/<c>Credit</c> or 学时/学分 (default 学时).</summary>
    public string? ClaimedUnit { get; init; }
}

/// <summary>A declaration's fields, checked and typed.</summary>
/// <param name="Activity">Activity type.</param>
/// <param name="Title">Title (trimmed).</param>
/// <param name="Organizer">Organizer (trimmed).</param>
/// <param name="Description">Description (trimmed), if any.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day.</param>
/// <param name="Category">The category the person chose, if any.</param>
/// <param name="SubjectCode">The subject code, if any.</param>
/// <param name="Items">Items, for activities credited per item.</param>
/// <param name="ClaimedAmount">Amount claimed, for activities credited by hours.</param>
/// <param name="ClaimedUnit">Its unit.</param>
public sealed record DeclaredActivity(
    ActivityType Activity,
    string Title,
    string Organizer,
    string? Description,
    DateOnly StartDate,
    DateOnly EndDate,
    CreditCategory? Category,
    string? SubjectCode,
    int? Items,
    decimal? ClaimedAmount,
    CreditUnit ClaimedUnit);

/// <summary>
/// Field rules of a declaration, shared by the API's validator and its handler: every field is checked and every
/// problem named (field and Chinese message) at once. Whether the activity counts and whether it is credited per
/// item or by hours depends on the rules in force and is checked by <see cref="DeclarationHours"/>.
/// </summary>
public static class DeclarationRules
{
    /// <summary>Longest organizer kept.</summary>
    public const int OrganizerLength = 128;

    /// <summary>Longest subject code.</summary>
    public const int SubjectCodeLength = 32;

    /// <summary>Checks and types the fields; the value is null when there are errors.</summary>
    public static (DeclaredActivity? Value, IReadOnlyList<FieldError> Errors) Validate(DeclarationFields fields, DateOnly today, int maxItems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<FieldError>();

        ActivityType activity = default;
        if (string.IsNullOrWhiteSpace(fields.Activity))
        {
            errors.Add(new FieldError("activity", "required", "请选择活动类型（activity）。"));
        }
        else if (!DeclarationLabels.TryParseActivity(fields.Activity, out activity))
        {
            errors.Add(new FieldError("activity", "invalid_value", "活动类型（activity）无效，应为以下之一：" + DeclarationLabels.Choices<ActivityType>(ComplianceLabels.Activity) + "。"));
        }

        var title = RequiredText(fields.Title, "title", "活动名称", ActivityDeclaration.TitleLength, errors);
        var organizer = RequiredText(fields.Organizer, "organizer", "主办单位（或期刊、授予机构）", OrganizerLength, errors);
        var description = LedgerRules.Trim(fields.Description);
        if (description is not null && description.Length > ActivityDeclaration.DescriptionLength)
        {
            errors.Add(new FieldError("description", "too_long", $"活动说明（description）最多 {ActivityDeclaration.DescriptionLength} 个字。"));
        }

        var start = Date(fields.StartDate, "startDate", "开始日期", today, errors);
        var end = Date(fields.EndDate, "endDate", "结束日期", today, errors);
        if (start is { } first && end is { } last && first > last)
        {
            errors.Add(new FieldError("startDate", "after_end", "开始日期（startDate）不能晚于结束日期（endDate）。"));
        }

        CreditCategory? category = null;
        if (!string.IsNullOrWhiteSpace(fields.Category))
        {
            if (DeclarationLabels.TryParseCategory(fields.Category, out var parsed))
            {
                category = parsed;
            }
            else
            {
                errors.Add(new FieldError("category", "invalid_value", "科目类别（category）无效，应为 Public（公需科目）或 Professional（专业科目）。"));
            }
        }

        var subject = LedgerRules.Trim(fields.SubjectCode);
        if (subject is not null && subject.Length > SubjectCodeLength)
        {
            errors.Add(new FieldError("subjectCode", "too_long", $"科目代码（subjectCode）最多 {SubjectCodeLength} 个字符。"));
        }

        var (items, amount, unit) = Amount(fields, maxItems, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new DeclaredActivity(activity, title!, organizer!, description, start!.Value, end!.Value, category, subject, items, amount, unit), errors);
    }

    private static (int? Items, decimal? Amount, CreditUnit Unit) Amount(DeclarationFields fields, int maxItems, List<FieldError> errors)
    {
        int? items = null;
        decimal? amount = null;
        var unit = CreditUnit.Hour;
        var itemsText = LedgerRules.Trim(fields.Items);
        var amountText = LedgerRules.Trim(fields.ClaimedAmount);
        if (itemsText is not null)
        {
            if (int.TryParse(itemsText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= maxItems)
            {
                items = count;
            }
            else
            {
                errors.Add(new FieldError("items", "out_of_range", $"项数（items）应为 1 至 {maxItems} 之间的整数。"));
            }
        }

        if (amountText is not null)
        {
            if (decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0 && decimal.Round(value, 2) == value)
            {
                amount = value;
            }
            else
            {
                errors.Add(new FieldError("claimedAmount", "invalid_hours", "申报数量（claimedAmount）应为大于 0 的数，最多保留两位小数。"));
            }
        }

        if (!string.IsNullOrWhiteSpace(fields.ClaimedUnit) && !DeclarationLabels.TryParseUnit(fields.ClaimedUnit, out unit))
        {
            errors.Add(new FieldError("claimedUnit", "invalid_value", "申报单位（claimedUnit）无效，应为 Hour（学时）或 Credit（学分）。"));
        }

        if (itemsText is not null && amountText is not null)
        {
            errors.Add(new FieldError("items", "ambiguous_amount", "项数（items）与申报数量（claimedAmount）只能填写一项：按项认定的活动（论文、专利等）填项数，其余活动填申报数量。"));
        }
        else if (itemsText is null && amountText is null)
        {
            errors.Add(new FieldError("claimedAmount", "required", "请填写申报数量（claimedAmount，及其单位 claimedUnit），按项认定的活动（论文、专利等）请填写项数（items）。"));
        }

        return (items, amount, unit);
    }

    private static string? RequiredText(string? text, string field, string label, int maxLength, List<FieldError> errors)
    {
        var value = LedgerRules.Trim(text);
        if (value is null)
        {
            errors.Add(new FieldError(field, "required", $"请填写{label}（{field}）。"));
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(new FieldError(field, "too_long", $"{label}（{field}）最多 {maxLength} 个字。"));
            return null;
        }

        return value;
    }

    private static DateOnly? Date(string? text, string field, string label, DateOnly today, List<FieldError> errors)
    {
        var value = LedgerRules.Trim(text);
        if (value is null)
        {
            errors.Add(new FieldError(field, "required", $"请填写{label}（{field}），格式为 yyyy-MM-dd。"));
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new FieldError(field, "invalid_date", $"{label}（{field}）“{value}”不是有效日期，格式为 yyyy-MM-dd。"));
            return null;
        }

        if (LedgerRules.CheckDate(date, today) is not null)
        {
            errors.Add(date > today
                ? new FieldError(field, "in_future", $"{label}（{field}）不能晚于今天（{today:yyyy-MM-dd}）：只能申报已经结束的活动。")
                : new FieldError(field, "too_early", $"{label}（{field}）不能早于 {LedgerRules.EarliestDate:yyyy-MM-dd}。"));
            return null;
        }

        return date;
    }
}
