using System.Globalization;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>What the digital-engineer pages share: their policies (the API's roles), the choices of the forms and filters, reading typed values.</summary>
internal abstract class DigitalPageModel : PlatformPageModel
{
    /// <summary>The professional's own pages (<c>/my/digital</c>): the holder's side of <see cref="DigitalEngineerAccess.Readers"/> and <see cref="DigitalEngineerAccess.Claimants"/>.</summary>
    public const string ProfessionalsPolicy = "digital.professionals";

    /// <summary>The institutions' pages: <see cref="DigitalEngineerAccess.InstitutionActors"/>, as the API's writes.</summary>
    public const string InstitutionsPolicy = "digital.institutions";

    /// <summary>The ten fields, for a select (<paramref name="first"/> as the empty choice).</summary>
    public static IEnumerable<SelectListItem> Fields(string first) =>
        [new SelectListItem(first, ""), .. DigitalEngineerCatalog.Fields.Select(f => new SelectListItem(f.Name, f.Field.ToString()))];

    /// <summary>The three levels, for a select.</summary>
    public static IEnumerable<SelectListItem> Levels(string first) =>
        [new SelectListItem(first, ""), .. DigitalEngineerCatalog.Levels.Select(l => new SelectListItem(DigitalEngineerCatalog.LevelName(l), l.ToString()))];

    /// <summary>Whether the caller is the program office (acts for any institution).</summary>
    public bool IsProgramOffice => User.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <summary>An amount of yuan, <c>1,000 元</c>.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " 元";

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(int number) => number.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A day typed as yyyy-MM-dd; what is missing or cannot be read goes onto its field in the label's words (and is
    /// sent empty, so the use case refuses it too and writes nothing).
    /// </summary>
    protected static DateOnly? Date(string? text, string key, string label, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(text))
        {
            state.AddModelError(key, $"请输入{label}，例如 2026-03-01");
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        state.AddModelError(key, $"{label}必须是真实日期，例如 2026-03-01");
        return null;
    }

    /// <summary>A whole number; what cannot be read goes onto its field (sent empty).</summary>
    protected static int? Whole(string? text, string key, string message, ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        state.AddModelError(key, message);
        return null;
    }

    /// <summary>
    /// One message per field: when a value the page could not read was sent empty, the use case's 「请填写…」 would
    /// repeat the page's own message; the first (the page's, or the first rule's) stays.
    /// </summary>
    protected void KeepFirstErrors()
    {
        foreach (var entry in ModelState.Values.Where(v => v.Errors.Count > 1))
        {
            var first = entry.Errors[0];
            entry.Errors.Clear();
            entry.Errors.Add(first);
        }
    }
}
