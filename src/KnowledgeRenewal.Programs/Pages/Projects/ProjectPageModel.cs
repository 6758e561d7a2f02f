using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Projects;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Projects;

/// <summary>What the project pages share: the authorization policies (the API's roles) and the form.</summary>
internal abstract class ProjectPageModel : PlatformPageModel
{
    /// <summary>The policy of the readers (<see cref="ProjectAccess.Readers"/>, as <c>GET /api/projects</c>).</summary>
    public const string ReadersPolicy = "projects.readers";

    /// <summary>The policy of the applicants (<see cref="ProjectApplicants.AnyType"/>, as <c>POST /api/projects</c>).</summary>
    public const string ApplicantsPolicy = "projects.applicants";

    /// <summary>Whether the caller may apply for some type of project.</summary>
    public bool CanApply => ProjectApplicants.AnyType.Any(User.IsInRole);

    /// <summary>The form's fields (for placing the use case's field errors).</summary>
    protected override IEnumerable<string> FormFields() => ProjectForm.Fields;
}

/// <summary>The pages with the application form (new, edit).</summary>
internal abstract class ProjectFormPageModel(IMediator mediator) : ProjectPageModel
{
    /// <summary>The fields.</summary>
    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    /// <summary>The recommenders on offer.</summary>
    public IReadOnlyList<RecommenderOption> Recommenders { get; private set; } = [];

    /// <summary>The mediator.</summary>
    protected IMediator Mediator => mediator;

    /// <summary>Loads the recommenders.</summary>
    protected async Task LoadOptionsAsync(CancellationToken cancellationToken) =>
        Recommenders = await mediator.Send(new ListRecommenders(), cancellationToken).ConfigureAwait(false);
}
