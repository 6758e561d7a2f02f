using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using KnowledgeRenewal.Supervision.UseCases.Evaluations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Supervision.Pages.Supervision;

/// <summary><c>/supervision/evaluations/{classId}</c>: a class's evaluation aggregates and comments without names (<see cref="GetClassEvaluations"/>).</summary>
[Authorize(Roles = BaseAccess.ReaderRoles)]
internal sealed class EvaluationsModel(IMediator mediator) : BasePageModel
{
    /// <summary>The evaluations.</summary>
    public ClassEvaluationsView? View { get; private set; }

    /// <summary>Loads them.</summary>
    public async Task<IActionResult> OnGetAsync(Guid classId, CancellationToken cancellationToken)
    {
        try
        {
            View = await mediator.Send(new GetClassEvaluations(classId), cancellationToken).ConfigureAwait(false);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
