using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// The inspections' answer to a base's assessment (<see cref="IBaseInspectionResults"/>): every inspection with a
/// recorded result in the year whose answerable organization is the base's — the base itself, its classes and its
/// projects as drawn — scored by <see cref="InspectionRules.Score"/> and averaged.
/// </summary>
internal sealed class BaseInspectionResults(PlatformDbContext db) : IBaseInspectionResults
{
    /// <inheritdoc />
    public async Task<BaseInspectionResult?> ForBaseAsync(Guid baseId, int year, CancellationToken cancellationToken)
    {
        var scope = new[] { PlatformDbContext.AccessScopeFilter };
        var organizationId = await db.EducationBases.IgnoreQueryFilters(scope).AsNoTracking().Where(b => b.Id == baseId)
            .Select(b => (Guid?)b.OrganizationId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (organizationId is null)
        {
            return null;
        }

        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var inspections = await db.Set<Inspection>().IgnoreQueryFilters(scope).AsNoTracking()
            .Where(i => (i.OrganizationId == organizationId || (i.Kind == SupervisedObjectKind.Base && i.ObjectId == baseId))
                && i.Conclusion != null && i.InspectedOn >= first && i.InspectedOn <= last)
            .Select(i => new
            {
                Conclusion = i.Conclusion!.Value,
                Rectifications = i.Findings.Count(f => f.Rectification != RectificationStatus.NotRequired),
                Findings = i.Findings.Count,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (inspections.Count == 0)
        {
            return null;
        }

        var score = inspections.Average(i => InspectionRules.Score(i.Conclusion, i.Findings, i.Rectifications));
        return new BaseInspectionResult(inspections.Count, Math.Round(score, 1));
    }
}
