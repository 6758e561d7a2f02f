using System.Security.Claims;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Pages.Certificates;

/// <summary>
/// The program office's card for credit hours: flagged roster records waiting city-wide, the latest compliance
/// recomputation and this year's certificates — each from the same use case as the API.
/// </summary>
internal sealed class OfficeCreditsSection(IMediator mediator, TimeProvider clock) : IWorkbenchSection
{
    /// <inheritdoc />
    public int Order => 112;

    /// <inheritdoc />
    public bool AppliesTo(ClaimsPrincipal user) => user.IsInRole(PlatformRoles.ProgramOfficeAdmin);

    /// <inheritdoc />
    public async Task<WorkbenchCard?> LoadAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var year = ProgramCalendar.Today(clock).Year;
        var flagged = await mediator.Send(new ListCreditRecords(null, null, CreditRecordStatus.Pending, null, null, null, true, 1, 1), cancellationToken).ConfigureAwait(false);
        var certificates = await mediator.Send(new ListCertificates(null, year, nameof(CertificateStatus.Valid), 1, 1), cancellationToken).ConfigureAwait(false);
        var jobs = await mediator.Send(new GetRecomputeJobs(LatestOnly: true), cancellationToken).ConfigureAwait(false);
        var latest = jobs.Count > 0 ? jobs[0] : null;
        List<WorkbenchItem> items =
        [
            new("全市待审核的学时记录", $"{flagged.Total} 条", "/reviews/records", flagged.Total > 0 ? WorkbenchTone.ToDo : WorkbenchTone.Good,
                flagged.Total > 0 ? "培训名单中被标记的记录，认定后才计入学时。" : null),
            new($"{year} 年有效的学时证明", $"{certificates.Total} 份", $"/certificates?Year={year}&Status=Valid"),
            latest is null
                ? new("达标情况重新计算", "尚未进行", "/compliance/recompute")
                : new("最近一次重新计算", $"{latest.Year} 年度，{latest.StatusLabel}", $"/compliance/recompute/{latest.Id:D}",
                    latest.Status == RecomputeJobStatus.Failed ? WorkbenchTone.Warning : WorkbenchTone.Normal),
        ];
        return new WorkbenchCard("学时与证明", items, "/certificates", "管理学时证明");
    }
}
