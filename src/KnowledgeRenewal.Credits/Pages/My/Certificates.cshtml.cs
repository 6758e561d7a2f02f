using System.Globalization;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.My;

/// <summary>
/// <c>/my/certificates</c> (我的学时证明): the professional's certificates, newest year and version first, with their
/// status and links (printable page, PDF, signed credential, public verification); issuing this year's (or last year's)
/// when the issuer's rule allows — asked first (<see cref="GetCertificateOutlooks"/>), confirmed on a second step, sent as
/// the same <see cref="IssueCertificate"/> as <c>POST /api/professionals/{id}/certificates/{year}</c>.
/// </summary>
[Authorize(Roles = PlatformRoles.Professional)]
internal sealed class CertificatesModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    private const int PageSize = 20;

    /// <summary>Whether the account is linked to a person in the registry.</summary>
    public bool HasRecord { get; private set; } = true;

    /// <summary>The page of certificates.</summary>
    public Paged<CertificateSummary>? Result { get; private set; }

    /// <summary>What issuing would do, for this year and last year.</summary>
    public IReadOnlyList<(int Year, IssueOutlook Outlook)> Outlooks { get; private set; } = [];

    /// <summary>The year whose issue waits for confirmation (from <c>?issue=</c>).</summary>
    public int? Confirming { get; private set; }

    /// <summary>The page number.</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Loads the page (with <c>?issue=2026</c>: the confirmation step).</summary>
    /// <remarks><c>page</c> is read from the query only: in Razor Pages the route value <c>page</c> names the page itself.</remarks>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "issue")] int? issue, [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, pageNumber ?? 1);
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (issue is { } year && Outlooks.Any(o => o.Year == year && o.Outlook.Refusal is null && !o.Outlook.UpToDate))
        {
            Confirming = year;
        }

        return Page();
    }

    /// <summary>Issues the year's certificate (after confirmation), then back to the list with a banner.</summary>
    public async Task<IActionResult> OnPostIssueAsync(int year, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return NotFound();
        }

        var (ok, issued) = await TrySendAsync(new IssueCertificate(id, year), cancellationToken).ConfigureAwait(false);
        if (!ok || issued is null)
        {
            await LoadAsync(cancellationToken).ConfigureAwait(false);
            return Page();
        }

        var certificate = issued.Certificate.Value;
        var text = Text(year);
        return DoneAndRedirect(
            "/my/certificates",
            issued.Created
                ? $"已出具 {text} 年度学时证明（编号 {certificate.Number}，第 {Text(certificate.Version)} 版）。"
                : $"{text} 年度的学时记录没有变化，现有的学时证明（编号 {certificate.Number}）仍然有效。");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false) is not { } id)
        {
            HasRecord = false;
            return;
        }

        var thisYear = ProgramCalendar.Today(clock).Year;
        Outlooks = [.. (await mediator.Send(new GetCertificateOutlooks(id, [thisYear, thisYear - 1]), cancellationToken).ConfigureAwait(false))
            .Select(o => (o.Year, o.Outlook))];
        var (ok, result) = await TrySendAsync(new ListCertificates(id, null, null, PageNumber, PageSize), cancellationToken).ConfigureAwait(false);
        if (ok && result is not null)
        {
            Result = result;
        }
    }

    /// <summary>Hours as shown.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>A number as text.</summary>
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
