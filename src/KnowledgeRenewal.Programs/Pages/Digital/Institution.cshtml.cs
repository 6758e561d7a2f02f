using KnowledgeRenewal.Programs.UseCases.DigitalEngineers;
using KnowledgeRenewal.Programs.UseCases.Plans;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Pages.Digital;

/// <summary>
/// <c>/digital/institutions/{id}</c>: one catalog entry — kind, validity, every field and level it is listed for, who
/// listed and changed it — as <c>GET /api/digital-engineers/institutions/{id}</c> (<see cref="GetInstitution"/>).
/// </summary>
[Authorize(Roles = InstitutionsModel.ReaderRoles)]
internal sealed class InstitutionModel(IMediator mediator) : DigitalPageModel
{
    /// <summary>The entry.</summary>
    public InstitutionView Institution { get; private set; } = null!;

    /// <summary>Its region's name.</summary>
    public string RegionName { get; private set; } = "";

    /// <summary>Loads the entry.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Institution = (await mediator.Send(new GetInstitution(id), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (PlatformException problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        var regions = (await mediator.Send(new ListPlanTargetChoices(), cancellationToken).ConfigureAwait(false)).Regions;
        RegionName = regions.FirstOrDefault(r => r.Key == Institution.RegionCode)?.Name ?? "济宁市";
        return Page();
    }
}
