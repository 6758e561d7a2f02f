using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Complaints;

/// <summary>One complaint within the caller's scope (404 otherwise), the phone masked, with its version.</summary>
/// <param name="Id">The complaint.</param>
internal sealed record GetComplaint(Guid Id) : IRequest<Versioned<ComplaintView>>;

/// <summary>Handles <see cref="GetComplaint"/>.</summary>
internal sealed class GetComplaintHandler(PlatformDbContext db, ComplaintStore store) : IRequestHandler<GetComplaint, Versioned<ComplaintView>>
{
    /// <inheritdoc />
    public async Task<Versioned<ComplaintView>> Handle(GetComplaint request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ComplaintStore.NotFound();
        return new(store.View(complaint), complaint.ConcurrencyStamp);
    }
}
