using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.UseCases.Audit;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Audit;

/// <summary>
/// <c>/audit/verify</c>: the latest chain verification (read from the log: the newest <c>audit.verified</c> record)
/// and a button that verifies the whole chain now (<see cref="VerifyAuditChain"/>, as <c>GET /api/audit/verify</c>;
/// recorded as <c>audit.verified</c>), then shows its result after the redirect.
/// </summary>
internal sealed class VerifyModel(IMediator mediator) : AuditPageModel
{
    /// <summary>The log's state with the latest verification.</summary>
    public AuditOverview Overview { get; private set; } = null!;

    /// <summary>Shows the latest verification.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await mediator.Send(new GetAuditOverview(), cancellationToken).ConfigureAwait(false);

    /// <summary>Verifies the chain now.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new VerifyAuditChain(), cancellationToken).ConfigureAwait(false);
        return DoneAndRedirect("/audit/verify", result.IsIntact
            ? $"校验完成：审计链完整，共校验 {result.RecordsChecked:N0} 条记录。"
            : $"校验完成：审计链在第 {result.BrokenAtSequence} 条记录处断开。");
    }
}
