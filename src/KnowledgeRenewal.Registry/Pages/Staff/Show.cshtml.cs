using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.UseCases.Professionals;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Registry.Pages.Staff;

/// <summary>
/// <c>/staff/{id}</c>: one person of the caller's staff — their registry data (masked as everywhere) and employment
/// history (<see cref="GetProfessional"/>, <see cref="ListEmployments"/>); their hours, compliance and certificates
/// are the credit-hours area's page <c>/staff/{id}/hours</c>. Outside the caller's scope: not found.
/// </summary>
[Authorize(Roles = StaffPages.Roles)]
internal sealed class ShowModel(IMediator mediator) : PlatformPageModel
{
    /// <summary>The person (null: not found or not in scope).</summary>
    public ProfessionalView? Person { get; private set; }

    /// <summary>Their employment history, oldest first.</summary>
    public IReadOnlyList<EmploymentView> Employments { get; private set; } = [];

    /// <summary>Loads the person.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Person = (await mediator.Send(new GetProfessional(id), cancellationToken).ConfigureAwait(false)).Value;
            Employments = await mediator.Send(new ListEmployments(id), cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
