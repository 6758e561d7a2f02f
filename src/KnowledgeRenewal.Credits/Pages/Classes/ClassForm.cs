using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Classes;
using KnowledgeRenewal.Kernel.ReferenceData;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>The class form's fields as typed (text; the use case's rules check them and answer in Chinese).</summary>
internal sealed class ClassForm
{
    /// <summary>The form's field names, for placing the use case's field errors.</summary>
    public static readonly string[] Fields =
    [
        "Input.Title", "Input.StartDate", "Input.EndDate", "Input.Hours", "Input.Category", "Input.SubjectCode",
        "Input.Activity", "Input.Mode", "Input.DepartmentCode", "Input.RegionCode", "Input.CreditClass", "Input.CourseId",
    ];

    /// <summary>班次名称.</summary>
    public string? Title { get; set; }

    /// <summary>开班日期 (yyyy-MM-dd).</summary>
    public string? StartDate { get; set; }

    /// <summary>结业日期 (yyyy-MM-dd).</summary>
    public string? EndDate { get; set; }

    /// <summary>学时.</summary>
    public string? Hours { get; set; }

    /// <summary>公需 / 专业.</summary>
    public string? Category { get; set; }

    /// <summary>科目代码.</summary>
    public string? SubjectCode { get; set; }

    /// <summary>活动类型.</summary>
    public string? Activity { get; set; }

    /// <summary>培训方式.</summary>
    public string? Mode { get; set; }

    /// <summary>面向行业.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>面向区域.</summary>
    public string? RegionCode { get; set; }

    /// <summary>学分类别.</summary>
    public string? CreditClass { get; set; }

    /// <summary>课程库课程 (the course's id; empty: none).</summary>
    public string? CourseId { get; set; }

    /// <summary>The version the form was read at (sent back as If-Match).</summary>
    public string? Version { get; set; }

    /// <summary>The form of an existing class.</summary>
    public static ClassForm Of(TrainingClassView view, string version)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new ClassForm
        {
            Title = view.Title,
            StartDate = view.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndDate = view.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Hours = view.Hours.ToString("0.##", CultureInfo.InvariantCulture),
            Category = RosterClassRules.CategoryName(view.Category),
            SubjectCode = view.SubjectCode,
            Activity = RosterClassRules.Activities.GetValueOrDefault(view.Activity),
            Mode = RosterClassRules.Modes.GetValueOrDefault(view.Mode),
            DepartmentCode = view.DepartmentCode,
            RegionCode = view.RegionCode,
            CreditClass = view.CreditClass,
            CourseId = view.CourseId?.ToString("D"),
            Version = version,
        };
    }

    /// <summary>
    /// The request's input. A date or number that cannot be read is put on its field here (the API's JSON reader
    /// refuses it the same way); it is then sent empty, so the rules still check every other field.
    /// </summary>
    public TrainingClassInput ToInput(ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new TrainingClassInput
        {
            Title = Title,
            StartDate = Date(StartDate, "Input.StartDate", "开班日期", state),
            EndDate = Date(EndDate, "Input.EndDate", "结业日期", state),
            Hours = Number(Hours, state),
            Category = Category,
            SubjectCode = SubjectCode,
            Activity = Activity,
            Mode = Mode,
            DepartmentCode = Empty(DepartmentCode),
            RegionCode = Empty(RegionCode),
            CreditClass = Empty(CreditClass),
            CourseId = Course(CourseId, state),
        };
    }

    /// <summary>The categories offered.</summary>
    public static IEnumerable<SelectListItem> Categories => Options(["公需", "专业"], "请选择");

    /// <summary>The activities offered.</summary>
    public static IEnumerable<SelectListItem> Activities => Options(RosterClassRules.Activities.Values, null);

    /// <summary>The modes offered.</summary>
    public static IEnumerable<SelectListItem> Modes => Options(RosterClassRules.Modes.Values, null);

    /// <summary>The sectors offered (empty: every sector).</summary>
    public static IEnumerable<SelectListItem> Departments =>
        [new SelectListItem("不限行业", ""), .. JiningReferenceData.LineDepartments.Select(d => new SelectListItem(d.Name, d.Code))];

    /// <summary>The regions offered (empty: the whole city).</summary>
    public static IEnumerable<SelectListItem> Regions =>
        [new SelectListItem("全市", ""), .. JiningReferenceData.Regions.Where(r => r.Code != JiningReferenceData.CityCode).Select(r => new SelectListItem(r.Name, r.Code))];

    /// <summary>The catalog's courses offered (empty: none), each with its category, hours and developer.</summary>
    public static IEnumerable<SelectListItem> Courses(IEnumerable<UseCases.Courses.CourseOption> courses) =>
        [new SelectListItem("不选用课程库课程", ""), .. courses.Select(c => new SelectListItem(
            $"{c.Title}（{RosterClassRules.CategoryName(c.Category)} · {c.Hours.ToString("0.##", CultureInfo.InvariantCulture)} 学时 · {c.DeveloperName}）", c.Id.ToString("D")))];

    private static IEnumerable<SelectListItem> Options(IEnumerable<string> values, string? prompt) =>
        [.. prompt is null ? [] : new[] { new SelectListItem(prompt, "") }, .. values.Select(v => new SelectListItem(v, v))];

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DateOnly? Date(string? text, string key, string label, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        state.AddModelError(key, $"{label}必须是真实日期，例如 2026-03-01。");
        return null;
    }

    private static Guid? Course(string? text, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }

        state.AddModelError("Input.CourseId", "请从列表中选择课程库课程。");
        return null;
    }

    private decimal? Number(string? text, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours))
        {
            return hours;
        }

        state.AddModelError("Input.Hours", "学时必须是数字，例如 8 或 2.5。");
        Hours = text;
        return null;
    }
}
