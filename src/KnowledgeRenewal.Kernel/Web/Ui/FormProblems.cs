using System.Text.RegularExpressions;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KnowledgeRenewal.Kernel.Web.Ui;

/// <summary>
/// Puts a use case's refusal onto a form: each field error of the problem (the same <see cref="FieldError"/>s the API
/// answers with) goes next to the form field it names, in the person's words; what names no field goes to the top.
/// Pages never check a rule themselves — they send the same request as the API and show what it says.
/// </summary>
public static partial class FormProblems
{
    /// <summary>ModelState key of problems that belong to no field (shown in the error summary only).</summary>
    public const string FormKey = "";

    /// <summary>
    /// Adds <paramref name="problem"/> to <paramref name="state"/>: field errors under the form field whose name ends with
    /// the error's field (<c>startDate</c> → <c>Input.StartDate</c>, case-insensitive), or under <paramref name="fields"/>'s
    /// explicit mapping; the rest, and the problem's own title and detail when it has no field errors, under
    /// <see cref="FormKey"/>.
    /// </summary>
    public static void Apply(ModelStateDictionary state, PlatformException problem, IEnumerable<string> formFields, IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(problem);
        var keys = formFields.ToArray();
        if (problem.Errors.Count == 0)
        {
            state.AddModelError(FormKey, Humanize(problem.Detail is { Length: > 0 } detail && problem is not RequestValidationException ? detail : problem.Title));
            return;
        }

        foreach (var error in problem.Errors)
        {
            var key = fields is not null && fields.TryGetValue(error.Field, out var mapped) ? mapped : KeyFor(error.Field, keys);
            state.AddModelError(key ?? FormKey, Humanize(error.Message));
        }
    }

    /// <summary>
    /// The message as a person reads it: without the API's field names in brackets (「开始日期（startDate）」 →
    /// 「开始日期」) and without a trailing full stop doubled by the page.
    /// </summary>
    public static string Humanize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = ApiFieldName().Replace(message, "");
        return text.Trim();
    }

    private static string? KeyFor(string apiField, string[] formFields)
    {
        var last = apiField.Split('.', '[')[^1].Trim(']');
        return formFields.FirstOrDefault(k => string.Equals(k.Split('.')[^1], last, StringComparison.OrdinalIgnoreCase));
    }

    // 「（startDate）」, 「(claimedAmount)」, 「（employerCreditCode）」: an API field name in brackets.
    [GeneratedRegex(@"\s?[（(][A-Za-z][A-Za-z0-9_.\[\]]*[）)]")]
    private static partial Regex ApiFieldName();
}
