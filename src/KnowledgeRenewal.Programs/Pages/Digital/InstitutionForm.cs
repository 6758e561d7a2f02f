using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>The catalog entry form: the organization and kind (listing only), the validity, the fields and levels ticked.</summary>
internal sealed class InstitutionForm
{
    /// <summary>The organization (listing only).</summary>
    public string? Organization { get; set; }

    /// <summary>Training or Evaluation (listing only).</summary>
    public string? Kind { get; set; }

    /// <summary>有效期起, yyyy-MM-dd.</summary>
    public string? ValidFrom { get; set; }

    /// <summary>有效期止, yyyy-MM-dd.</summary>
    public string? ValidTo { get; set; }

    /// <summary>The pairs ticked, <c>Field:Level</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The version shown (changing only; If-Match).</summary>
    public string? Version { get; set; }

    /// <summary>The API's field names mapped to the form's (the rest go by name).</summary>
    public static IReadOnlyDictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organizationId"] = "Input.Organization",
        ["scopes"] = "Input.Scopes",
    };

    /// <summary>The ticked pairs as the API's body takes them (what cannot be read is left out; none ticked is refused by the use case).</summary>
    public IReadOnlyList<InstitutionScopeBody> ScopeBodies() =>
        [.. Scopes.Select(s => s.Split(':')).Where(p => p.Length == 2).Select(p => new InstitutionScopeBody(p[0], p[1]))];

    /// <summary>Field errors of the ticked pairs (<c>scopes[i].field</c>) belong to the table as a whole.</summary>
    public static void MoveScopeErrors(ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // 「请至少列出一个领域和等级（scopes：[…]）」 names the API's body: on the form it is the table's ticks.
        if (state.TryGetValue("Input.Scopes", out var scopes) && scopes.Errors.Count > 0)
        {
            scopes.Errors.Clear();
            scopes.Errors.Add("请至少勾选一个领域和等级");
        }

        var top = state.TryGetValue("", out var entry) ? entry : null;
        if (top is null || top.Errors.Count == 0)
        {
            return;
        }

        foreach (var error in top.Errors.Where(e => e.ErrorMessage.Contains("数字技术领域", StringComparison.Ordinal) || e.ErrorMessage.Contains("专业技术等级", StringComparison.Ordinal)).ToList())
        {
            top.Errors.Remove(error);
            state.AddModelError("Input.Scopes", "请只勾选表中列出的领域和等级");
        }
    }
}
