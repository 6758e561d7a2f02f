using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Certificates;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.TitleRecords;

/// <summary>
/// The title-evaluation records of an employer's staff (the people it employs now, as the registry shows them to the
/// caller) for the years <paramref name="From"/>–<paramref name="To"/> as one xlsx workbook, ID numbers masked; audited
/// as <see cref="AuditActions.DataExported"/>. Readers: <see cref="ComplianceAccess.SummaryReaders"/> (enforced at the
/// endpoint and page), for an employer they may see — the compliance drill-down rule
/// (<see cref="ComplianceAccess.EnsureMayDrillInto"/>): employer HR its own, a county its region's, a department its
/// sector's, the program office any; 404 otherwise.
/// </summary>
/// <param name="EmployerId">The employer.</param>
/// <param name="From">First credit year (default 2023).</param>
/// <param name="To">Last credit year (default this year).</param>
internal sealed record ExportStaffTitleRecords(Guid EmployerId, int? From, int? To) : IRequest<TitleRecordFile>
{
    /// <summary>The most people one export holds.</summary>
    public const int MaxPeople = 5_000;
}

/// <summary>Handles <see cref="ExportStaffTitleRecords"/>.</summary>
internal sealed class ExportStaffTitleRecordsHandler(PlatformDbContext db, CertificateLinks links, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<ExportStaffTitleRecords, TitleRecordFile>
{
    /// <inheritdoc />
    public async Task<TitleRecordFile> Handle(ExportStaffTitleRecords request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = TitleRecordRules.Period(request.From, request.To, ProgramCalendar.Today(clock).Year);
        await StaffComplianceRows.EnsureMayDrillIntoAsync(db, request.EmployerId, cancellationToken).ConfigureAwait(false);
        var employer = await db.Employers.AsNoTracking().Where(e => e.Id == request.EmployerId).Select(e => e.Name)
            .SingleAsync(cancellationToken).ConfigureAwait(false);

        var staff = db.Professionals.Where(p => p.EmployerId == request.EmployerId)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(ExportStaffTitleRecords.MaxPeople);
        var people = await TitleRecordViews.LoadAsync(db, staff, period, links, cancellationToken).ConfigureAwait(false);
        var content = TitleRecordViews.Workbook(people, period);
        try
        {
            var details = string.Create(CultureInfo.InvariantCulture, $"format=xlsx; title-evaluation records {period} of {people.Count} people; employer={request.EmployerId:D}");
            await audit.RecordAsync(new AuditEvent(AuditActions.DataExported, AuditOutcome.Success, nameof(Employer), request.EmployerId.ToString("D"), details), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await content.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new TitleRecordFile(content, TitleRecordViews.XlsxContentType, $"职称评审继续教育记录-{employer}-{period}.xlsx");
    }
}
