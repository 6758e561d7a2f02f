using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Courses;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace KnowledgeRenewal.Credits.Pages.Courses;

/// <summary>
/// <c>/courses/new</c>: the program office (for any base, provider or association) or a base's or provider's staff (for
/// their own organization) add a course — the same request, rules and Chinese messages as <c>POST /api/courses</c>,
/// each next to its field.
/// </summary>
[Authorize(Roles = Writers)]
internal sealed class NewModel : CoursePageModel
{
    /// <summary>The course.</summary>
    [BindProperty]
    public CourseInput Input { get; set; } = new() { Mode = DeliveryMode.Offline };

    /// <summary>The subjects offered.</summary>
    public IEnumerable<SelectListItem> Subjects { get; private set; } = [];

    /// <summary>The developers offered (program office).</summary>
    public IEnumerable<SelectListItem> Developers { get; private set; } = [];

    /// <summary>The delivery modes offered.</summary>
    public static IEnumerable<SelectListItem> Modes =>
        Enum.GetValues<DeliveryMode>().Select(m => new SelectListItem(CourseRules.ModeName(m), m.ToString()));

    /// <summary>Shows the empty form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Adds the course, or shows what to correct.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (ok, created) = await TrySendAsync(new CreateCourse(Input), cancellationToken).ConfigureAwait(false);
            if (ok)
            {
                return DoneAndRedirect($"/courses/{created!.Value.Id:D}", $"课程“{created.Value.Title}”已添加，可以上传课程资料。");
            }
        }

        await LoadAsync(cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() =>
        ["Input.Title", "Input.Description", "Input.SubjectId", "Input.Hours", "Input.Mode", "Input.DeveloperOrganizationId", "Input.AssociationName"];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var choices = await HttpContext.RequestServices.GetRequiredService<MediatR.IMediator>().Send(new ListCourseChoices(), cancellationToken).ConfigureAwait(false);
        Subjects = [new SelectListItem("请选择科目", ""), .. choices.Subjects.Select(s => new SelectListItem($"{CategoryName(s.Category)}：{s.Name}（{s.Id}）", s.Id))];
        Developers = [new SelectListItem("请选择（或在下方填写行业协会）", ""), .. choices.Developers.Select(d => new SelectListItem($"{d.Name}（{CourseRules.KindName(d.Kind)}）", d.Id.ToString("D")))];
    }
}
