using KnowledgeRenewal.Credits.UseCases.Courses;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Classes;

/// <summary>The pages with the class form (new, edit): the fields as typed and the catalog's courses to choose from.</summary>
internal abstract class ClassFormPageModel : ClassPageModel
{
    /// <summary>The fields.</summary>
    [BindProperty]
    public ClassForm Input { get; set; } = new();

    /// <summary>The course list (<see cref="ListCourseOptions"/>, loaded by <see cref="LoadCoursesAsync"/>).</summary>
    public IEnumerable<SelectListItem> Courses { get; private set; } = [];

    /// <summary>Loads the catalog's courses for the course list.</summary>
    protected async Task LoadCoursesAsync(CancellationToken cancellationToken)
    {
        var mediator = HttpContext.RequestServices.GetRequiredService<IMediator>();
        Courses = ClassForm.Courses(await mediator.Send(new ListCourseOptions(), cancellationToken).ConfigureAwait(false));
    }
}
