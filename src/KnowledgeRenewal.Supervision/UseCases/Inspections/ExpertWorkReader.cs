using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// The earlier work of experts (<see cref="ExpertWork"/>) that makes a conflict of interest (<see cref="ExpertConflicts"/>):
/// the organizations of the objects they inspected (inspection day, or the draw's day while not yet inspected) and of
/// the projects they reviewed (the applicant and the provider, on the day the score was recorded). Read the same way
/// for an inspection draw and for a project review.
/// </summary>
internal sealed class ExpertWorkReader(PlatformDbContext db, TimeProvider clock)
{
    /// <summary>The work of <paramref name="expertIds"/> (all experts when null), leaving out the inspections of <paramref name="exceptPlanId"/>.</summary>
    public async Task<ILookup<Guid, ExpertWork>> ReadAsync(IReadOnlyCollection<Guid>? expertIds, Guid? exceptPlanId, CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var inspections = from a in db.Set<InspectionInspector>().AsNoTracking()
                          join i in db.Set<Inspection>().AsNoTracking() on a.InspectionId equals i.Id
                          join p in db.Set<InspectionPlan>().AsNoTracking() on i.PlanId equals p.Id
                          where exceptPlanId == null || p.Id != exceptPlanId
                          select new { a.ExpertId, i.OrganizationId, i.InspectedOn, p.DrawnAt };
        var reviews = from r in db.ProjectReviews.AsNoTracking()
                      join p in db.Projects.AsNoTracking() on r.ProjectId equals p.Id
                      where r.ExpertId != null
                      select new { ExpertId = r.ExpertId!.Value, p.ApplicantOrganizationId, p.ProviderId, r.RecordedAt };
        if (expertIds is not null)
        {
            inspections = inspections.Where(w => expertIds.Contains(w.ExpertId));
            reviews = reviews.Where(w => expertIds.Contains(w.ExpertId));
        }

        var inspected = await inspections.ToListAsync(cancellationToken).ConfigureAwait(false);
        var reviewed = await reviews.ToListAsync(cancellationToken).ConfigureAwait(false);
        return inspected.Select(w => (w.ExpertId, Work: new ExpertWork(w.OrganizationId, w.InspectedOn ?? (w.DrawnAt is { } at ? Day(at) : today))))
            .Concat(reviewed.SelectMany(w => (w.ProviderId is { } provider && provider != w.ApplicantOrganizationId ? new[] { w.ApplicantOrganizationId, provider } : [w.ApplicantOrganizationId])
                .Select(o => (w.ExpertId, Work: new ExpertWork(o, Day(w.RecordedAt))))))
            .ToLookup(w => w.ExpertId, w => w.Work);
    }

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ProgramCalendar.TimeZone));
}
