using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.UseCases.TitleRecords;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Credits.Pages.Staff;

/// <summary>
/// <c>/staff/{id}/hours</c>: a person's hours, compliance and certificates for the employer (and the county, department,
/// program office) — <see cref="ExplainCompliance"/> (as <c>GET /api/professionals/{id}/compliance</c>) for the cycle of
/// the chosen year, and <see cref="ListCertificates"/>. The credit-hours half of the staff person page; outside the
/// caller's scope: not found. Its title-evaluation form downloads the person's record (<c>?handler=title-record</c>, as
/// <c>GET /api/professionals/{id}/title-record</c>).
/// </summary>
[Authorize(Roles = StaffCreditPages.Roles)]
internal sealed class HoursModel(IMediator mediator, TimeProvider clock) : PlatformPageModel
{
    /// <summary>The compliance of the cycle (null: not found).</summary>
    public ComplianceExplanation? Compliance { get; private set; }

    /// <summary>The person's certificates, newest first.</summary>
    public Paged<CertificateSummary>? Certificates { get; private set; }

    /// <summary>Whether the caller records, corrects and revokes by hand (the ledger's authorities, not employer HR).</summary>
    public bool IsAuthority => Domain.LedgerAccess.Authorities.Any(User.IsInRole);

    /// <summary>The year shown.</summary>
    public int Year { get; private set; }

    /// <summary>This year (China time).</summary>
    public int ThisYear { get; private set; }

    /// <summary>The title-evaluation record's first year (the export form).</summary>
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    /// <summary>The title-evaluation record's last year (the export form).</summary>
    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>The title-evaluation record's format: xlsx or json.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    /// <summary>Loads the person's compliance and certificates.</summary>
    public async Task OnGetAsync(Guid id, int? year, CancellationToken cancellationToken)
    {
        ThisYear = ProgramCalendar.Today(clock).Year;
        From ??= ProgramPeriod.FirstYear;
        To ??= Math.Clamp(ThisYear, ProgramPeriod.FirstYear, ProgramPeriod.LastYear);
        Year = year is { } y && y >= ProgramPeriod.FirstYear && y <= ThisYear ? y : ThisYear;
        try
        {
            Compliance = await mediator.Send(new ExplainCompliance(id, Year), cancellationToken).ConfigureAwait(false);
            Certificates = await mediator.Send(new ListCertificates(id, null, null, 1, 50), cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    /// <summary>
    /// The person's title-evaluation record (职称评审继续教育记录) as xlsx or signed JSON, masked, audited; a refused period
    /// shows the page again with the message next to the field; outside the caller's scope: not found.
    /// </summary>
    public async Task<IActionResult> OnGetTitleRecordAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, file) = await TrySendAsync(new ExportTitleRecord(id, From, To, Format), cancellationToken).ConfigureAwait(false);
        if (ok && file is not null)
        {
            return File(file.Content, file.ContentType, file.FileName);
        }

        await OnGetAsync(id, null, cancellationToken).ConfigureAwait(false);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <inheritdoc />
    protected override IEnumerable<string> FormFields() => [nameof(From), nameof(To), nameof(Format)];
}
