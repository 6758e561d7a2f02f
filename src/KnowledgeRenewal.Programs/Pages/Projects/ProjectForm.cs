using System.Globalization;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Projects;

/// <summary>The application form's fields as typed (the use case's rules check them and answer in Chinese).</summary>
internal sealed class ProjectForm
{
    /// <summary>The form's field names, for placing the use case's field errors.</summary>
    public static readonly string[] Fields =
    [
        "Input.Type", "Input.Title", "Input.Level", "Input.Field", "Input.RecommenderOrganizationId", "Input.StartDate", "Input.EndDate",
        "Input.Capacity", "Input.Mode", "Input.Description", "Input.SubjectCategory", "Input.SubjectCode",
    ];

    /// <summary>项目类型 (enum name).</summary>
    public string? Type { get; set; }

    /// <summary>项目名称.</summary>
    public string? Title { get; set; }

    /// <summary>级别 (enum name).</summary>
    public string? Level { get; set; }

    /// <summary>领域 (enum name).</summary>
    public string? Field { get; set; }

    /// <summary>推荐单位: <c>county</c> (the bureau of the applicant's region) or <c>sector</c> (the department of its sector) — never an id on the page.</summary>
    public string? RecommenderOrganizationId { get; set; }

    /// <summary>开始日期.</summary>
    public string? StartDate { get; set; }

    /// <summary>结束日期.</summary>
    public string? EndDate { get; set; }

    /// <summary>计划培训人数.</summary>
    public string? Capacity { get; set; }

    /// <summary>培训方式 (enum name).</summary>
    public string? Mode { get; set; }

    /// <summary>项目简介.</summary>
    public string? Description { get; set; }

    /// <summary>科目类别 (能力提升项目).</summary>
    public string? SubjectCategory { get; set; }

    /// <summary>科目代码 (能力提升项目).</summary>
    public string? SubjectCode { get; set; }

    /// <summary>The version the form was read at (sent back as If-Match).</summary>
    public string? Version { get; set; }

    /// <summary>The form of an existing project.</summary>
    public static ProjectForm Of(ProjectView view, string version, IReadOnlyList<RecommenderOption> recommenders)
    {
        ArgumentNullException.ThrowIfNull(recommenders);
        ArgumentNullException.ThrowIfNull(view);
        return new ProjectForm
        {
            Type = view.Type.ToString(),
            Title = view.Title,
            Level = view.Level.ToString(),
            Field = view.Field.ToString(),
            RecommenderOrganizationId = recommenders.FirstOrDefault(r => r.Id == view.RecommenderOrganizationId) is { } named ? Key(named) : null,
            StartDate = view.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndDate = view.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Capacity = view.Capacity.ToString(CultureInfo.InvariantCulture),
            Mode = view.Mode.ToString(),
            Description = view.Description,
            SubjectCategory = view.SubjectCategory?.ToString(),
            SubjectCode = view.SubjectCode,
            Version = version,
        };
    }

    /// <summary>The request's input; what cannot be read is put on its field here and sent empty.</summary>
    public ProjectInput ToInput(ModelStateDictionary state, IReadOnlyList<RecommenderOption> recommenders)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(recommenders);
        Guid? recommender = recommenders.FirstOrDefault(r => Key(r) == RecommenderOrganizationId)?.Id;
        return new ProjectInput(
            Title, ParseEnum<ProjectType>(Type), ParseEnum<ProjectLevel>(Level), ParseEnum<ProjectField>(Field),
            recommender, null, null, null, null,
            Date(StartDate, "Input.StartDate", "开始日期", state), Date(EndDate, "Input.EndDate", "结束日期", state),
            Number(Capacity, state), ParseEnum<DeliveryMode>(Mode), Description, null, null,
            ParseEnum<CreditCategory>(SubjectCategory), string.IsNullOrWhiteSpace(SubjectCode) ? null : SubjectCode, null, null);
    }

    /// <summary>The types <paramref name="isInRole"/> may apply for (<see cref="ProjectApplicants"/>).</summary>
    public static IEnumerable<SelectListItem> Types(Func<string, bool> isInRole) =>
        [new SelectListItem("请选择", ""), .. Enum.GetValues<ProjectType>().Where(t => ProjectApplicants.Roles(t).Any(isInRole)).Select(t => new SelectListItem(ProjectLabels.Type(t), t.ToString()))];

    /// <summary>The levels offered.</summary>
    public static IEnumerable<SelectListItem> Levels => Enum.GetValues<ProjectLevel>().Reverse().Select(l => new SelectListItem(ProjectLabels.Level(l), l.ToString()));

    /// <summary>The fields offered.</summary>
    public static IEnumerable<SelectListItem> FieldOptions => Enum.GetValues<ProjectField>().Select(f => new SelectListItem(ProjectLabels.Field(f), f.ToString()));

    /// <summary>The modes offered.</summary>
    public static IEnumerable<SelectListItem> Modes => [new("线下", nameof(DeliveryMode.Offline)), new("线上", nameof(DeliveryMode.Online)), new("线上线下结合", nameof(DeliveryMode.Mixed))];

    /// <summary>The subject categories offered.</summary>
    public static IEnumerable<SelectListItem> Categories => [new("不适用", ""), new("公需科目", nameof(CreditCategory.Public)), new("专业科目", nameof(CreditCategory.Professional))];

    /// <summary>The recommenders offered.</summary>
    public static IEnumerable<SelectListItem> Recommenders(IReadOnlyList<RecommenderOption> options) =>
        [new SelectListItem("请选择", ""), .. options.Select(o => new SelectListItem(o.Name + (o.IsCounty ? "（项目所在县市区）" : "（所属行业主管部门）"), Key(o)))];

    private static string Key(RecommenderOption option) => option.IsCounty ? "county" : "sector";

    private static T? ParseEnum<T>(string? text)
        where T : struct, System.Enum =>
        System.Enum.TryParse<T>(text, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

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

    private static int? Number(string? text, ModelStateDictionary state)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        state.AddModelError("Input.Capacity", "计划培训人数必须是整数，例如 60。");
        return null;
    }
}
