using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>The caller's open complaints counted in one query: waiting to be assigned, assigned, and overdue (escalated) — the rows <see cref="ListComplaints"/> lists.</summary>
internal sealed record CountComplaints : IRequest<ComplaintCounts>;

/// <summary>Open complaints of the caller's scope.</summary>
/// <param name="Received">Waiting to be assigned.</param>
/// <param name="Assigned">Being investigated.</param>
/// <param name="Overdue">Open and past their stage's deadline.</param>
public sealed record ComplaintCounts(int Received, int Assigned, int Overdue);

/// <summary>Handles <see cref="CountComplaints"/>: one query within the caller's scope, lateness by <see cref="ComplaintRules.IsOverdue"/>.</summary>
internal sealed class CountComplaintsHandler(PlatformDbContext db, ComplaintStore store) : IRequestHandler<CountComplaints, ComplaintCounts>
{
    /// <inheritdoc />
    public async Task<ComplaintCounts> Handle(CountComplaints request, CancellationToken cancellationToken)
    {
        var open = await db.Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Received || c.Status == ComplaintStatus.Assigned)
            .Select(c => new { c.Status, c.DueOn }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = store.Today;
        return new ComplaintCounts(
            open.Count(c => c.Status == ComplaintStatus.Received),
            open.Count(c => c.Status == ComplaintStatus.Assigned),
            open.Count(c => ComplaintRules.IsOverdue(c.Status, c.DueOn, today)));
    }
}
