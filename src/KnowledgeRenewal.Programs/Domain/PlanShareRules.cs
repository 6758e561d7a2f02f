using KnowledgeRenewal.Sdk;
using System.Globalization;

namespace KnowledgeRenewal.Programs.Domain;

/// <summary>A target's numbers as the share check reads them.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Key">Its key (empty for the total).</param>
/// <param name="Projects">Projects aimed at, if any.</param>
/// <param name="Trainees">Trainees aimed at.</param>
public sealed record PlanFigure(PlanTargetKind Kind, string Key, int? Projects, int Trainees);

/// <summary>A target of a county's or department's plan.</summary>
/// <param name="Scope">Whose plan: <see cref="PlanScope.Region"/> or <see cref="PlanScope.Department"/>.</param>
/// <param name="Code">The region or department code.</param>
/// <param name="Target">The target.</param>
public sealed record NestedPlanFigure(PlanScope Scope, string Code, PlanFigure Target);

/// <summary>Which number of a target is exceeded.</summary>
public enum PlanMeasure
{
    /// <summary>目标培训人数.</summary>
    Trainees = 1,

    /// <summary>目标项目数.</summary>
    Projects = 2,
}

/// <summary>
/// Where the nested plans exceed the city's: the counties' (or departments') targets of one kind and key added up
/// beyond the city's target of that kind and key (<see cref="Code"/> empty), or one county's (department's) total beyond
/// the share the city's plan gives it (<see cref="Code"/> its code, <see cref="Kind"/> Region or Department).
/// </summary>
/// <param name="Scope">The counties' or the departments' plans.</param>
/// <param name="Kind">The kind of the city's target exceeded.</param>
/// <param name="Key">Its key.</param>
/// <param name="Code">Empty for a sum over the scope's plans; the one plan's code otherwise.</param>
/// <param name="Measure">Trainees or projects.</param>
/// <param name="Planned">What the nested plans add up to.</param>
/// <param name="CityTarget">The city's target.</param>
/// <param name="Message">The problem in Chinese.</param>
public sealed record PlanShareExcess(PlanScope Scope, PlanTargetKind Kind, string Key, string Code, PlanMeasure Measure, long Planned, int CityTarget, string Message);

/// <summary>
/// The check of the counties' and line departments' plans against the city's (实施方案 四(一): the counties and
/// departments organise their own training under the city's plan). For each scope separately: the counties' targets
/// of a kind and key (the total, each project type) add up to no more than the city's target of that kind and key, where
/// the city set one; and a county's (department's) total stays within the share the city's plan gives that county
/// (department), where it gives one. Whether an excess refuses the plan or is a warning is the city's
/// <see cref="AnnualPlan.EnforceShares"/>.
/// </summary>
public static class PlanShareRules
{
    /// <summary>What a county's or department's plan may hold: the total and targets per project type.</summary>
    public static IReadOnlyList<PlanTargetKind> NestedKinds { get; } = [PlanTargetKind.Total, PlanTargetKind.ProjectType];

    /// <summary>Chinese names of the scopes (as a group: 各县（市、区）, 各行业主管部门).</summary>
    public static string GroupName(PlanScope scope) => scope switch
    {
        PlanScope.Region => "各县（市、区）",
        PlanScope.Department => "各行业主管部门",
        _ => "全市",
    };

    /// <summary>The Chinese name of a scope (县（市、区）, 行业主管部门, 全市).</summary>
    public static string ScopeName(PlanScope scope) => scope switch
    {
        PlanScope.Region => "县（市、区）",
        PlanScope.Department => "行业主管部门",
        _ => "全市",
    };

    /// <summary>
    /// Field errors of a county's or department's plan beyond <see cref="AnnualPlanRules.Validate"/>'s: only the total and
    /// project types (<see cref="PlanProblemCodes.KindNotNested"/>), no enforce flag.
    /// </summary>
    public static IReadOnlyList<FieldError> CheckNested(AnnualPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var rows = input.Targets ?? [];
        for (var row = 0; row < rows.Count; row++)
        {
            var kind = rows[row].Kind?.Trim();
            if (kind is "Region" or "区域" or "Department" or "行业")
            {
                errors.Add(new FieldError($"targets[{row}].kind", PlanProblemCodes.KindNotNested, $"第 {row + 1} 项目标：县（市、区）和行业主管部门的计划只设总目标和按项目类型的目标。", row + 1));
            }
        }

        if (input.EnforceShares == true)
        {
            errors.Add(new FieldError("enforceShares", "city_only", "“分解目标不得超出全市计划”由全市计划设置，县（市、区）和行业主管部门的计划不用填写。"));
        }

        return errors;
    }

    /// <summary>
    /// Every excess of the nested plans over the city's targets (counties and departments each on their own), in the
    /// order counties, departments; then total, project types; sums before single plans.
    /// </summary>
    /// <param name="city">The city's targets.</param>
    /// <param name="nested">Every target of every county's and department's plan of the year.</param>
    /// <param name="name">Names a region or department code, or a project type (its Chinese label).</param>
    public static IReadOnlyList<PlanShareExcess> Excesses(IReadOnlyList<PlanFigure> city, IReadOnlyList<NestedPlanFigure> nested, Func<PlanTargetKind, string, string> name)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(nested);
        ArgumentNullException.ThrowIfNull(name);
        var excesses = new List<PlanShareExcess>();
        foreach (var scope in new[] { PlanScope.Region, PlanScope.Department })
        {
            var ofScope = nested.Where(n => n.Scope == scope).ToList();
            foreach (var target in city.Where(t => NestedKinds.Contains(t.Kind)).OrderBy(t => t.Kind).ThenBy(t => t.Key, StringComparer.Ordinal))
            {
                var same = ofScope.Where(n => n.Target.Kind == target.Kind && n.Target.Key == target.Key).ToList();
                var label = target.Kind == PlanTargetKind.Total ? "总目标" : name(target.Kind, target.Key) + "目标";
                var trainees = same.Sum(n => (long)n.Target.Trainees);
                if (trainees > target.Trainees)
                {
                    excesses.Add(new PlanShareExcess(scope, target.Kind, target.Key, "", PlanMeasure.Trainees, trainees, target.Trainees,
                        Invariant($"{GroupName(scope)}计划的{label}培训人数合计 {trainees:N0} 人，超过全市计划的 {target.Trainees:N0} 人。")));
                }

                var projects = same.Sum(n => (long)(n.Target.Projects ?? 0));
                if (target.Projects is { } cityProjects && projects > cityProjects)
                {
                    excesses.Add(new PlanShareExcess(scope, target.Kind, target.Key, "", PlanMeasure.Projects, projects, cityProjects,
                        Invariant($"{GroupName(scope)}计划的{label}项目数合计 {projects:N0} 个，超过全市计划的 {cityProjects:N0} 个。")));
                }
            }

            var shareKind = scope == PlanScope.Region ? PlanTargetKind.Region : PlanTargetKind.Department;
            foreach (var total in ofScope.Where(n => n.Target.Kind == PlanTargetKind.Total).OrderBy(n => n.Code, StringComparer.Ordinal))
            {
                if (city.FirstOrDefault(t => t.Kind == shareKind && t.Key == total.Code) is { } share && total.Target.Trainees > share.Trainees)
                {
                    excesses.Add(new PlanShareExcess(scope, shareKind, total.Code, total.Code, PlanMeasure.Trainees, total.Target.Trainees, share.Trainees,
                        Invariant($"{name(shareKind, total.Code)}计划的总目标 {total.Target.Trainees:N0} 人，超过全市计划分给它的 {share.Trainees:N0} 人。")));
                }
            }
        }

        return excesses;
    }

    /// <summary>
    /// The excesses one county's or department's plan takes part in: a sum its own targets add to (it has a positive
    /// target of that kind, key and measure), or its own total beyond its share.
    /// </summary>
    public static IReadOnlyList<PlanShareExcess> Of(IReadOnlyList<PlanShareExcess> excesses, PlanScope scope, string code, IReadOnlyList<PlanFigure> own)
    {
        ArgumentNullException.ThrowIfNull(excesses);
        ArgumentNullException.ThrowIfNull(own);
        return [.. excesses.Where(e => e.Scope == scope && (e.Code.Length > 0
            ? e.Code == code
            : own.Any(t => t.Kind == e.Kind && t.Key == e.Key && (e.Measure == PlanMeasure.Trainees ? t.Trainees > 0 : t.Projects > 0))))];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
