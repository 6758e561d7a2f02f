using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>Rejects a pending record (not one from a declaration). The reason is required — the record's own rule, answered as <c>ledger.reason_required</c>. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The record.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Reason">Why (required).</param>
internal sealed record RejectCreditRecord(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Handles <see cref="RejectCreditRecord"/>: an authority over the person, at the version read.</summary>
internal sealed class RejectCreditRecordHandler(LedgerWriter ledger, IAuditActorProvider actors) : IRequestHandler<RejectCreditRecord, Versioned<CreditRecordView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(RejectCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (record, person) = await ledger.ForReviewAsync(request.Id, request.IfMatch, "驳回待审核的学时记录", cancellationToken).ConfigureAwait(false);
        record.Reject(LedgerActor.Of(actors.Current), ledger.Now, request.Reason!);
        return await ledger.SaveAsync([new PersonYear(person.Id, record.CreditYear)], record.Id, cancellationToken).ConfigureAwait(false);
    }
}
