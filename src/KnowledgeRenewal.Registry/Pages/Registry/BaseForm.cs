using System.Globalization;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Bases;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>The fields of a base designation as the pages post them (Chinese labels; the use case checks them).</summary>
internal sealed class BaseForm
{
    /// <summary>The form's field names (for placing the use case's field errors).</summary>
    public static readonly string[] Fields = ["Input.Name", "Input.OrganizationId", "Input.Level", "Input.DesignatedOn", "Input.Status"];

    /// <summary>基地名称.</summary>
    public string? Name { get; set; }

    /// <summary>依托机构 (only when designating).</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>级别 (Chinese label).</summary>
    public string? Level { get; set; }

    /// <summary>认定日期, <c>yyyy-MM-dd</c>.</summary>
    public string? DesignatedOn { get; set; }

    /// <summary>状态 (Chinese label).</summary>
    public string? Status { get; set; }

    /// <summary>Levels to choose from.</summary>
    public static IEnumerable<SelectListItem> LevelItems => [new SelectListItem("请选择", ""), .. ProviderLabels.Levels.Values.Select(v => new SelectListItem(v, v))];

    /// <summary>Statuses to choose from.</summary>
    public static IEnumerable<SelectListItem> StatusItems => ProviderLabels.Statuses.Values.Select(v => new SelectListItem(v, v));

    /// <summary>The form of an existing designation.</summary>
    public static BaseForm Of(EducationBaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new BaseForm
        {
            Name = view.Name,
            OrganizationId = view.OrganizationId,
            Level = ProviderLabels.Levels[view.Level],
            DesignatedOn = view.DesignatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Status = ProviderLabels.Statuses[view.Status],
        };
    }

    /// <summary>The use case's input; a date that is no real date is put on <paramref name="state"/>.</summary>
    public EducationBaseInput ToInput(ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        DateOnly? designated = null;
        if (!string.IsNullOrWhiteSpace(DesignatedOn))
        {
            if (DateOnly.TryParseExact(DesignatedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                designated = day;
            }
            else
            {
                state.AddModelError("Input.DesignatedOn", "认定日期必须是真实日期，例如 2026-03-01");
            }
        }

        return new EducationBaseInput { Name = Name, OrganizationId = OrganizationId, Level = Level, DesignatedOn = designated, Status = Status };
    }
}
