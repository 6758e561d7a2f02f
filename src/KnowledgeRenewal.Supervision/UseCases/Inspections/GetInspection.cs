using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>One drawn object with its inspectors, result and findings (program office).</summary>
/// <param name="Id">The inspection.</param>
internal sealed record GetInspection(Guid Id) : IRequest<Versioned<InspectionView>>;

/// <summary>Handles <see cref="GetInspection"/>.</summary>
internal sealed class GetInspectionHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<GetInspection, Versioned<InspectionView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InspectionView>> Handle(GetInspection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var i = await db.Set<Inspection>().AsNoTracking().Include(x => x.Inspectors).Include(x => x.Findings).ThenInclude(f => f.Evidence).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("检查对象", request.Id);
        var plan = await db.Set<InspectionPlan>().AsNoTracking().FirstAsync(p => p.Id == i.PlanId, cancellationToken).ConfigureAwait(false);
        var today = ProgramCalendar.Today(clock);
        return new(new InspectionView(i.Id, plan.Id, plan.Title, plan.Status, i.Rank, i.Kind, InspectionRules.KindName(i.Kind), i.ObjectName, i.OrganizationName, i.Risk,
            [.. i.Inspectors.OrderBy(e => e.ExpertName, StringComparer.Ordinal).ThenBy(e => e.ExpertId).Select(e => e.ExpertName)], i.InspectedOn, i.Conclusion, InspectionRules.ConclusionName(i.Conclusion), i.Summary,
            [.. i.Findings.OrderBy(f => f.RecordedAt).Select(f => InspectionViews.Finding(f, today))]), i.ConcurrencyStamp);
    }
}
