using KnowledgeRenewal.Credits.UseCases.Courses;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Courses;

/// <summary>
/// <c>/courses/{id}</c>: a course with its materials (downloaded through <c>GET /api/courses/{id}/materials/{materialId}</c>),
/// and — for the program office and the developing organization's staff — a form to add a material
/// (<see cref="AddCourseMaterial"/>, as <c>POST /api/courses/{id}/materials</c>), its refusal next to the field.
/// </summary>
[Authorize(Roles = Readers)]
internal sealed class ShowModel : CoursePageModel
{
    /// <summary>The course.</summary>
    public CourseView Course { get; private set; } = null!;

    /// <summary>The material to add.</summary>
    [BindProperty]
    public IFormFile? Material { get; set; }

    /// <summary>Whether the caller may add materials to this course.</summary>
    public bool CanUpload => IsOffice || (User.IsInRole(PlatformRoles.ProviderStaff) && Course.DeveloperOrganizationId is { } developer
        && HttpContext.RequestServices.GetRequiredService<ICurrentAccess>().OrganizationId == developer);

    /// <summary>Shows the course.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken).ConfigureAwait(false) ? Page() : NotFound();

    /// <summary>Adds the material.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        byte[] content = [];
        if (Material is { Length: > 0 and <= Domain.CourseRules.MaxMaterialBytes })
        {
            using var buffer = new MemoryStream();
            await Material.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            content = buffer.ToArray();
        }
        else if (Material is { Length: > Domain.CourseRules.MaxMaterialBytes })
        {
            content = new byte[Domain.CourseRules.MaxMaterialBytes + 1];
        }

        var (ok, material) = await TrySendAsync(new AddCourseMaterial(id, Material?.FileName, content), cancellationToken, new Dictionary<string, string> { ["file"] = nameof(Material) }).ConfigureAwait(false);
        if (ok)
        {
            return DoneAndRedirect($"/courses/{id:D}#materials", $"课程资料“{material!.FileName}”已上传。");
        }

        if (!await LoadAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(Material)];

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, found) = await TrySendAsync(new GetCourse(id), cancellationToken).ConfigureAwait(false);
        if (!ok || found is null)
        {
            return false;
        }

        Course = found.Value;
        return true;
    }
}
