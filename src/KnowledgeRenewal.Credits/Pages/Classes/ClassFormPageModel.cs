using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>The pages with the class form (new, edit): the fields as typed.</summary>
internal abstract class ClassFormPageModel : ClassPageModel
{
    /// <summary>The fields.</summary>
    [BindProperty]
    public ClassForm Input { get; set; } = new();
}
