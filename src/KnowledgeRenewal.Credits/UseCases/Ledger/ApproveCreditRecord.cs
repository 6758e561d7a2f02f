using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>Approves a pending record (not one from a declaration: those are reviewed there) with an optional note. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The record.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Reason">The approval note (the body's <c>reason</c>, named as the client sends it).</param>
internal sealed record ApproveCreditRecord(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Handles <see cref="ApproveCreditRecord"/>: an authority over the person, at the version read.</summary>
internal sealed class ApproveCreditRecordHandler(LedgerWriter ledger, IAuditActorProvider actors) : IRequestHandler<ApproveCreditRecord, Versioned<CreditRecordView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(ApproveCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (record, person) = await ledger.ForReviewAsync(request.Id, request.IfMatch, "认定待审核的学时记录", cancellationToken).ConfigureAwait(false);
        record.Approve(LedgerActor.Of(actors.Current), ledger.Now, request.Reason);
        return await ledger.SaveAsync([new PersonYear(person.Id, record.CreditYear)], record.Id, cancellationToken).ConfigureAwait(false);
    }
}
