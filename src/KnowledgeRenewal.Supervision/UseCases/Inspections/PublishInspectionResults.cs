using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>The program office publishes a plan's results (一公开) once every drawn object has its result. Needs If-Match.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="IfMatch">The plan's ETag.</param>
internal sealed record PublishInspectionResults(Guid PlanId, string? IfMatch) : IRequest<Versioned<InspectionPlanView>>;

/// <summary>Handles <see cref="PublishInspectionResults"/>.</summary>
internal sealed class PublishInspectionResultsHandler(PlatformDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<PublishInspectionResults, Versioned<InspectionPlanView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InspectionPlanView>> Handle(PublishInspectionResults request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await db.Set<InspectionPlan>().FirstOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("抽查计划", request.PlanId);
        var read = Preconditions.Require(request.IfMatch, plan.ConcurrencyStamp);
        if (plan.Status != InspectionPlanStatus.Drawn)
        {
            throw plan.Status == InspectionPlanStatus.Published ? InspectionRules.NotOpen() : InspectionRules.NotDrawn();
        }

        var missing = await db.Set<Inspection>().CountAsync(i => i.PlanId == plan.Id && i.Conclusion == null, cancellationToken).ConfigureAwait(false);
        if (missing > 0)
        {
            throw InspectionRules.ResultsMissing(missing);
        }

        plan.Status = InspectionPlanStatus.Published;
        plan.PublishedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(plan).Property(p => p.ConcurrencyStamp).OriginalValue = read;
        plan.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }

        return await mediator.Send(new GetInspectionPlan(plan.Id), cancellationToken).ConfigureAwait(false);
    }
}
