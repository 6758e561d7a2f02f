using System.Globalization;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages;

/// <summary>
/// The choices of the title-evaluation export forms (职称评审继续教育记录, ADR 0029) on <c>/my/hours</c>,
/// <c>/staff/{id}/hours</c> and <c>/staff/compliance</c>: the program's years and the formats. The forms are GETs to a
/// page handler that calls the same use case as the API; a refused period comes back as the page with the Chinese
/// message next to the field.
/// </summary>
internal static class TitleRecordPages
{
    /// <summary>The program's years, oldest first.</summary>
    public static IReadOnlyList<SelectListItem> Years { get; } =
        [.. Enumerable.Range(ProgramPeriod.FirstYear, ProgramPeriod.LastYear - ProgramPeriod.FirstYear + 1)
            .Select(y => new SelectListItem($"{y} 年", y.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The formats: Excel, or the signed JSON document.</summary>
    public static IReadOnlyList<SelectListItem> Formats { get; } =
    [
        new("Excel 工作簿（.xlsx）", "xlsx"),
        new("带电子签名的 JSON 文档（.json）", "json"),
    ];
}
