namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>The fields × levels table of a catalog entry: shown, or ticked on its form.</summary>
/// <param name="Id">The table's id.</param>
/// <param name="Caption">Its caption.</param>
/// <param name="Selected">The listed pairs as <c>Field:Level</c>.</param>
/// <param name="Editable">Whether each pair is a checkbox (<c>Input.Scopes</c>).</param>
/// <param name="Error">The form's problem with the ticked pairs, if any.</param>
internal sealed record ScopeTableModel(string Id, string Caption, IReadOnlySet<string> Selected, bool Editable, string? Error = null);
