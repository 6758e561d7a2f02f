using KnowledgeRenewal.Registry.UseCases.Professionals;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/professionals/{id}</c>: one professional as <c>GET /api/registry/professionals/{id}</c> shows them
/// (masked; out of scope is 404) and their employment history.
/// </summary>
[Authorize(Roles = StaffRoles)]
internal sealed class ProfessionalModel(IMediator mediator) : RegistryPageModel
{
    /// <summary>The professional.</summary>
    public ProfessionalView Person { get; private set; } = null!;

    /// <summary>Their employment history, oldest first.</summary>
    public IReadOnlyList<EmploymentView> Employments { get; private set; } = [];

    /// <summary>Loads the page (404 when the caller may not see the person).</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Person = (await mediator.Send(new GetProfessional(id), cancellationToken).ConfigureAwait(false)).Value;
        Employments = await mediator.Send(new ListEmployments(id), cancellationToken).ConfigureAwait(false);
    }
}
