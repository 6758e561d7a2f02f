using System.Globalization;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary>What the base supervision pages share: roles (the API's, <see cref="UseCases.Bases.BaseAccess"/>) and how figures read.</summary>
internal abstract class BasePageModel : PlatformPageModel
{
    /// <summary>Whether the caller is the program office (changes status, assesses, edits the method).</summary>
    public bool IsOffice => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(int number) => number.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A rate (0–1) as a percentage, 「--」 without data.</summary>
    public static string Rate(decimal? rate) => rate is { } r ? (r * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "--";

    /// <summary>A score or mean with one or two decimals, 「--」 without data.</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "--";

    /// <summary>The status in words.</summary>
    public static string StatusText(BaseStatus status) => BaseStatusRules.Label(status);

    /// <summary>The level in words.</summary>
    public static string LevelText(BaseLevel level) => BaseStatusRules.Label(level);

    /// <summary>How a designation came about, in words.</summary>
    public static string Source(DesignationSource source) => source switch
    {
        DesignationSource.CitySelection => "市人社局评选和公布",
        DesignationSource.UpstreamOutcome => "市人社局向上推荐，记录上级认定结果",
        _ => source.ToString(),
    };

    /// <summary>The levels as options.</summary>
    public static IEnumerable<SelectListItem> Levels { get; } =
        [new("全部级别", ""), .. Enum.GetValues<BaseLevel>().Select(l => new SelectListItem(LevelText(l), l.ToString()))];

    /// <summary>The statuses as options.</summary>
    public static IEnumerable<SelectListItem> Statuses { get; } =
        [new("全部状态", ""), .. Enum.GetValues<BaseStatus>().Select(s => new SelectListItem(StatusText(s), s.ToString()))];

    /// <summary>The program's years up to <paramref name="thisYear"/>, newest first.</summary>
    public static IReadOnlyList<int> Years(int thisYear) =>
        [.. Enumerable.Range(ProgramPeriod.FirstYear, Math.Max(1, Math.Min(thisYear, ProgramPeriod.LastYear) - ProgramPeriod.FirstYear + 1)).Reverse()];
}
