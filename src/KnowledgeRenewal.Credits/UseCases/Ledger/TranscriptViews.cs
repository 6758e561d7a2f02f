using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>The holder of a transcript (masked).</summary>
/// <param name="Id">The professional.</param>
/// <param name="Name">姓名.</param>
/// <param name="IdNumber">身份证号, masked.</param>
/// <param name="EmployerName">The employer's name.</param>
/// <param name="RegionCode">The region.</param>
/// <param name="DepartmentCode">The sector.</param>
internal sealed record TranscriptHolder(Guid Id, string Name, string IdNumber, string? EmployerName, string RegionCode, string DepartmentCode);

/// <summary>One credit year of a transcript: approved hours per category, what is pending, every record.</summary>
/// <param name="Year">The credit year.</param>
/// <param name="PublicHours">Approved public hours.</param>
/// <param name="ProfessionalHours">Approved professional hours.</param>
/// <param name="TotalHours">Approved hours.</param>
/// <param name="PendingHours">Hours awaiting review.</param>
/// <param name="Records">Every record of the year, newest first.</param>
internal sealed record TranscriptYear(
    int Year,
    decimal PublicHours,
    decimal ProfessionalHours,
    decimal TotalHours,
    decimal PendingHours,
    IReadOnlyList<CreditRecordView> Records);

/// <summary>A person's transcript (学时档案): every year, every record with its status and provenance.</summary>
/// <param name="Holder">The person (masked).</param>
/// <param name="TotalApprovedHours">Approved hours of every year.</param>
/// <param name="Years">The years, newest first.</param>
internal sealed record TranscriptView(TranscriptHolder Holder, decimal TotalApprovedHours, IReadOnlyList<TranscriptYear> Years);

/// <summary>
/// Builds transcripts: all of a person's records — approved, pending, rejected, revoked (with the correction that
/// replaced it) — grouped by credit year, newest first, with the approved hours per category. Visible to whoever may
/// see the person.
/// </summary>
internal static class TranscriptViews
{
    /// <summary>The transcript, or 404 when the person is not visible to the caller.</summary>
    public static async Task<TranscriptView> BuildAsync(PlatformDbContext db, Guid professionalId, CancellationToken cancellationToken)
    {
        var person = await db.Professionals.AsNoTracking().Where(p => p.Id == professionalId)
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.EmployerId, p.RegionCode, p.DepartmentCode })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("专业技术人员", professionalId);
        var employer = await db.Employers.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(e => e.Id == person.EmployerId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        var records = await CreditRecordViews.Project(db.CreditRecords.AsNoTracking().Where(r => r.ProfessionalId == professionalId)
                .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var named = await CreditRecordViews.WithClassTitlesAsync(
            db, await CreditRecordViews.WithProviderNamesAsync(db, records, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

        var years = named.GroupBy(r => r.CreditYear).OrderByDescending(g => g.Key).Select(g =>
        {
            var approved = g.Where(r => r.Status == CreditRecordStatus.Approved).ToList();
            var publicHours = approved.Where(r => r.Category == CreditCategory.Public).Sum(r => r.Hours);
            var professionalHours = approved.Where(r => r.Category == CreditCategory.Professional).Sum(r => r.Hours);
            return new TranscriptYear(g.Key, publicHours, professionalHours, publicHours + professionalHours, g.Where(r => r.Status == CreditRecordStatus.Pending).Sum(r => r.Hours), [.. g]);
        }).ToList();
        return new TranscriptView(
            new TranscriptHolder(person.Id, person.Name, person.IdNumberMasked, employer, person.RegionCode, person.DepartmentCode),
            years.Sum(y => y.TotalHours),
            years);
    }
}
