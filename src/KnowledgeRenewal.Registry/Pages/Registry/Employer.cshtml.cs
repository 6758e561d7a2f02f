using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases.Employers;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary>
/// <c>/registry/employers/{id}</c>: one employer as <c>GET /api/registry/employers/{id}</c> shows it (out of scope is
/// 404), with how many of its professionals the caller sees and a link to them.
/// </summary>
[Authorize(Roles = StaffRoles)]
internal sealed class EmployerModel(IMediator mediator) : RegistryPageModel
{
    /// <summary>The employer.</summary>
    public EmployerView Employer { get; private set; } = null!;

    /// <summary>Its professionals the caller sees.</summary>
    public int Staff { get; private set; }

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Employer = (await mediator.Send(new GetEmployer(id), cancellationToken).ConfigureAwait(false)).Value;
        Paged<ProfessionalView> staff = await mediator.Send(new ListProfessionals(null, null, id, null, null, null, null, 1, 1), cancellationToken).ConfigureAwait(false);
        Staff = staff.Total;
    }
}
