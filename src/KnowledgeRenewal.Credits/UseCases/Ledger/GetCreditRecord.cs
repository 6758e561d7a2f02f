using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>One credit record within the caller's scope (404 otherwise), with its entity tag.</summary>
/// <param name="Id">The record.</param>
internal sealed record GetCreditRecord(Guid Id) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Handles <see cref="GetCreditRecord"/>.</summary>
internal sealed class GetCreditRecordHandler(PlatformDbContext db) : IRequestHandler<GetCreditRecord, Versioned<CreditRecordView>>
{
    /// <inheritdoc />
    public Task<Versioned<CreditRecordView>> Handle(GetCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CreditRecordViews.GetAsync(db, request.Id, cancellationToken);
    }
}
