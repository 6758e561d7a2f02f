using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Application;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Identity.Pages.Audit;

/// <summary>
/// <c>/audit/retention</c>: the retention in force (<see cref="GetAuditOverview"/>), the purge history (the
/// <c>audit.purged</c> records with their counts, <see cref="ListAuditRecords"/>), and purging now after a
/// confirmation (<see cref="PurgeAuditRecords"/>, as <c>POST /api/audit/purge</c>; recorded as <c>audit.purged</c>).
/// </summary>
internal sealed class RetentionModel(IMediator mediator, TimeProvider clock) : AuditPageModel
{
    /// <summary>Records before this instant (UTC) are past the retention period now.</summary>
    public DateTime Cutoff => clock.GetUtcNow().UtcDateTime.AddDays(-Overview.EffectiveRetentionDays);

    /// <summary>The log's state and retention.</summary>
    public AuditOverview Overview { get; private set; } = null!;

    /// <summary>The purges, newest first.</summary>
    public Paged<AuditRecord> Purges { get; private set; } = null!;

    /// <summary>Whether the page asks to confirm a purge.</summary>
    public bool Confirm { get; private set; }

    /// <summary>Shows retention and history.</summary>
    public async Task OnGetAsync(bool? confirm, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Confirm = confirm == true;
        Overview = await mediator.Send(new GetAuditOverview(), cancellationToken).ConfigureAwait(false);
        Purges = await mediator.Send(new ListAuditRecords(Action: AuditActions.AuditPurged, Page: Math.Max(1, page ?? 1), PageSize: 20), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Purges now.</summary>
    public async Task<IActionResult> OnPostPurgeAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new PurgeAuditRecords(), cancellationToken).ConfigureAwait(false);
        return DoneAndRedirect("/audit/retention", result.Purged > 0
            ? $"清理完成：删除了 {result.Purged:N0} 条超过保存期限的记录（第 {result.FromSequence} ～ {result.ToSequence} 条）。"
            : "清理完成：没有超过保存期限的记录。");
    }
}
