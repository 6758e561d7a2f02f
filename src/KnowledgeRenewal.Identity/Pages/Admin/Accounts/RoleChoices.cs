namespace KnowledgeRenewal.Identity.Pages.Admin.Accounts;

/// <summary>The role check boxes of a form: the field name and the roles ticked.</summary>
/// <param name="Field">The form field (e.g. <c>Input.Roles</c>); its errors are shown in the fieldset.</param>
/// <param name="Selected">The roles ticked.</param>
internal sealed record RoleChoices(string Field, IReadOnlyCollection<string> Selected);
