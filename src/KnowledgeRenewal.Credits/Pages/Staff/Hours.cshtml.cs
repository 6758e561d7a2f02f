using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Web.Ui;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Credits.Pages.Staff;

/// <summary>
/// <c>/staff/{id}/hours</c>: a person's hours, compliance and certificates for the employer (and the county, department,
/// program office) — <see cref="ExplainCompliance"/> (as <c>GET /api/professionals/{id}/compliance</c>) for the cycle of
/// the chosen year, and <see cref="ListCertificates"/>. The credit-hours half of the staff person page; outside the
/// caller's scope: not found.
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

    /// <summary>Loads the person's compliance and certificates.</summary>
    public async Task OnGetAsync(Guid id, int? year, CancellationToken cancellationToken)
    {
        ThisYear = ProgramCalendar.Today(clock).Year;
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
}
