using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.UseCases.Bases;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary><c>/registry/bases/{id}</c>: one base designation as <c>GET /api/registry/education-bases/{id}</c> shows it (out of scope is 404).</summary>
[Authorize(Roles = StaffRoles)]
internal sealed class BaseModel(IMediator mediator) : RegistryPageModel
{
    /// <summary>The designation.</summary>
    public EducationBaseView Base { get; private set; } = null!;

    /// <summary>Whether the caller changes designations (the API's writers).</summary>
    public bool CanChange => RegistryWriters.ProviderWriters.Any(User.IsInRole);

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Base = (await mediator.Send(new GetEducationBase(id), cancellationToken).ConfigureAwait(false)).Value;
}
