using System.Globalization;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Programs.Pages.Plans;

/// <summary>What the annual-plan pages share: their roles (the API's: <see cref="AnnualPlanAccess"/>) and how numbers read.</summary>
internal abstract class PlanPageModel : PlatformPageModel
{
    /// <summary>Who reads plans and their progress, as <c>GET /api/annual-plans</c>: <see cref="AnnualPlanAccess.Readers"/>.</summary>
    public const string ReaderRoles = PlatformRoles.ProgramOfficeAdmin + "," + PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>Who sets plans, as <c>PUT /api/annual-plans/{year}</c>: <see cref="AnnualPlanAccess.Writers"/>.</summary>
    public const string WriterRoles = PlatformRoles.ProgramOfficeAdmin;

    /// <summary>Who sets a county's or department's own plan, as <c>PUT /api/annual-plans/{year}/regions/{code}</c>: <see cref="AnnualPlanAccess.NestedWriters"/>.</summary>
    public const string NestedWriterRoles = PlatformRoles.CountyAdmin + "," + PlatformRoles.DepartmentAdmin;

    /// <summary>The address segment of a scope (<c>regions</c>, <c>departments</c>), as the API's.</summary>
    public static string Segment(PlanScope scope) => scope == PlanScope.Region ? "regions" : "departments";

    /// <summary>The scope of an address segment.</summary>
    public static PlanScope ScopeOf(string segment) => segment == "regions" ? PlanScope.Region : PlanScope.Department;

    /// <summary>Whether the caller sets plans.</summary>
    public bool MaySet => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(int number) => number.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A number that may be missing (「--」).</summary>
    public static string Count(int? number) => number is { } n ? Count(n) : "--";

    /// <summary>A percentage with one decimal, <c>62.5%</c>.</summary>
    public static string Percent(decimal percent) => percent.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>The value of a progress bar (capped at 100).</summary>
    public static string Bar(decimal percent) => Math.Min(100m, Math.Max(0m, percent)).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Whether a target is short of where it should be (behind the year's pace, or missed).</summary>
    public static bool Short(PlanProgressStatus status) => status is PlanProgressStatus.Behind or PlanProgressStatus.Missed;

    /// <summary>The CSS class of a status.</summary>
    public static string Tone(PlanProgressStatus status) => status switch
    {
        PlanProgressStatus.Met => "plan-status plan-met",
        PlanProgressStatus.Behind or PlanProgressStatus.Missed => "plan-status plan-short",
        _ => "plan-status",
    };

    /// <summary>The CSS class of a status given by its Chinese name (the list's summaries carry the name only).</summary>
    public static string ToneOf(string statusName) =>
        PlanProgressCalculator.StatusNames.FirstOrDefault(s => s.Value == statusName) is { Value: not null } found ? Tone(found.Key) : "plan-status";

    /// <summary>The heading of a group of targets.</summary>
    public static string KindHeading(PlanTargetKind kind) => kind switch
    {
        PlanTargetKind.Total => "全市总目标",
        PlanTargetKind.ProjectType => "按项目类型",
        PlanTargetKind.Region => "按县（市、区）分解",
        PlanTargetKind.Department => "按行业主管部门分解",
        _ => kind.ToString(),
    };

    // A number typed in a field; what is not a whole number is explained next to it (and sent empty, so nothing is written).
    protected int? Number(string? text, string key, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var plain = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (int.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        ModelState.AddModelError(key, $"{label}必须是整数，例如 1000");
        return null;
    }

    // The use case names a row by its number in the list sent (「第 3 项目标…」); the page names it by its label, and
    // keeps one message per field (a value the page could not read was sent empty: the page's own message stays first).
    protected void Reword(List<string> labels)
    {
        foreach (var (key, entry) in ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var messages = entry.Errors.Select(e => Label(e.ErrorMessage, labels)).Distinct(StringComparer.Ordinal).ToList();
            entry.Errors.Clear();
            foreach (var message in key.Length == 0 ? messages : messages.Take(1))
            {
                entry.Errors.Add(message);
            }
        }
    }

    private static string Label(string message, List<string> labels)
    {
        for (var row = labels.Count; row >= 1; row--)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"第 {row} 项目标");
            if (message.StartsWith(prefix, StringComparison.Ordinal))
            {
                return labels[row - 1] + message[prefix.Length..].TrimStart('的');
            }
        }

        return message;
    }
}
