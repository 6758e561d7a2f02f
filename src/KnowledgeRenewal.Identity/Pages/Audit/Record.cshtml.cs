using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Audit;

/// <summary><c>/audit/records/{sequence}</c>: one audit record with every field and its chain fields (<see cref="GetAuditRecord"/>, as <c>GET /api/audit/records/{sequence}</c>).</summary>
internal sealed class RecordModel(IMediator mediator) : AuditPageModel
{
    /// <summary>The record.</summary>
    public AuditRecord Record { get; private set; } = null!;

    /// <summary>Loads the record (404 when there is none, e.g. purged).</summary>
    public async Task<IActionResult> OnGetAsync(long sequence, CancellationToken cancellationToken)
    {
        try
        {
            Record = await mediator.Send(new GetAuditRecord(sequence), cancellationToken).ConfigureAwait(false);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
