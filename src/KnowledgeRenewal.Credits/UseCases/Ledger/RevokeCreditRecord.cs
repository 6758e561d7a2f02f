using System.ComponentModel.DataAnnotations;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>Revokes an approved record; it stays visible as revoked. The reason is required — the record's own rule, answered as <c>ledger.reason_required</c>. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The record.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Reason">Why (required).</param>
internal sealed record RevokeCreditRecord(Guid Id, string? IfMatch, [property: DataType(DataType.MultilineText)] string? Reason) : IRequest<Versioned<CreditRecordView>>;

/// <summary>Handles <see cref="RevokeCreditRecord"/>: an authority over the person, at the version read.</summary>
internal sealed class RevokeCreditRecordHandler(LedgerWriter ledger, IAuditActorProvider actors) : IRequestHandler<RevokeCreditRecord, Versioned<CreditRecordView>>
{
    /// <inheritdoc />
    public async Task<Versioned<CreditRecordView>> Handle(RevokeCreditRecord request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (record, person) = await ledger.ForChangeAsync(request.Id, request.IfMatch, "撤销学时记录", cancellationToken).ConfigureAwait(false);
        record.Revoke(LedgerActor.Of(actors.Current), ledger.Now, request.Reason!);
        return await ledger.SaveAsync([new PersonYear(person.Id, record.CreditYear)], record.Id, cancellationToken).ConfigureAwait(false);
    }
}
