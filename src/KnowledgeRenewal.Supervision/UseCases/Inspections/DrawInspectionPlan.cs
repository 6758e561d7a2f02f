using KnowledgeRenewal.Kernel.Application;
using System.Security.Cryptography;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// The program office draws a plan (双随机): objects by risk-weighted lot and inspectors from the pool, skipping
/// conflicts of interest, with <paramref name="Seed"/> (or a fresh random seed, recorded). Drawing again replaces the
/// current draw until a result is recorded; every draw is kept with its seed and fingerprint. Needs If-Match.
/// </summary>
/// <param name="PlanId">The plan.</param>
/// <param name="IfMatch">The plan's ETag.</param>
/// <param name="Seed">The seed (0 – 2^53), or null for a new random one.</param>
internal sealed record DrawInspectionPlan(Guid PlanId, string? IfMatch, long? Seed) : IRequest<Versioned<InspectionPlanView>>
{
    /// <summary>The largest seed (exact in JSON numbers and spreadsheets).</summary>
    public const long MaxSeed = 9_007_199_254_740_991;
}

/// <summary>Checks the seed.</summary>
internal sealed class DrawInspectionPlanValidator : AbstractValidator<DrawInspectionPlan>
{
    /// <summary>Creates the validator.</summary>
    public DrawInspectionPlanValidator() =>
        RuleFor(d => d.Seed).InclusiveBetween(0, DrawInspectionPlan.MaxSeed).When(d => d.Seed is not null)
            .WithMessage("随机种子应为 0 至 9007199254740991 之间的整数。").OverridePropertyName("seed");
}

/// <summary>Handles <see cref="DrawInspectionPlan"/>.</summary>
internal sealed class DrawInspectionPlanHandler(PlatformDbContext db, InspectionCandidates candidates, IMediator mediator, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<DrawInspectionPlan, Versioned<InspectionPlanView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InspectionPlanView>> Handle(DrawInspectionPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await db.Set<InspectionPlan>().Include(p => p.Quotas).Include(p => p.Weights).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == request.PlanId, cancellationToken).ConfigureAwait(false)
            ?? throw InspectionRules.NotFound("抽查计划", request.PlanId);
        var read = Preconditions.Require(request.IfMatch, plan.ConcurrencyStamp);
        var current = await db.Set<Inspection>().Include(i => i.Inspectors).Include(i => i.Findings).AsSplitQuery()
            .Where(i => i.PlanId == plan.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (plan.Status == InspectionPlanStatus.Published || current.Any(i => i.Conclusion is not null || i.Findings.Count > 0))
        {
            throw InspectionRules.DrawClosed();
        }

        var experts = await candidates.ExpertsAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        if (experts.Count == 0)
        {
            throw InspectionRules.EmptyPool();
        }

        var objects = new List<DrawCandidate>();
        var quotas = new List<DrawQuota>();
        foreach (var quota in plan.Quotas)
        {
            var ofKind = await candidates.ObjectsAsync(quota.Kind, plan.Year, plan.Weights, cancellationToken).ConfigureAwait(false);
            objects.AddRange(ofKind);
            quotas.Add(new DrawQuota(quota.Kind, RandomDraw.CountOf(quota.Count, quota.SharePercent, ofKind.Count)));
        }

        var seed = request.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var drawn = RandomDraw.Run(quotas, objects, experts, plan.InspectorsPerObject, seed);
        var fingerprint = RandomDraw.Fingerprint(drawn);
        var names = await candidates.OrganizationNamesAsync(drawn.Select(d => d.Target.OrganizationId), cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var actor = actors.Current.UserName;

        db.RemoveRange(current);
        foreach (var d in drawn)
        {
            var inspection = new Inspection
            {
                PlanId = plan.Id,
                Rank = d.Rank,
                Kind = d.Target.Kind,
                ObjectId = d.Target.Id,
                ObjectName = Truncate(d.Target.Name, 128),
                OrganizationId = d.Target.OrganizationId,
                OrganizationName = Truncate(names.GetValueOrDefault(d.Target.OrganizationId, "—"), 128),
                Risk = d.Target.Risk,
            };
            inspection.Inspectors.AddRange(d.Inspectors.Select(e => new InspectionInspector { InspectionId = inspection.Id, ExpertId = e.Id, ExpertName = e.Name }));
            db.Add(inspection);
        }

        db.Add(new InspectionDrawRecord { PlanId = plan.Id, Seed = seed, DrawnAt = now, DrawnByName = actor, Candidates = objects.Count, Experts = experts.Count, Fingerprint = fingerprint });
        plan.Status = InspectionPlanStatus.Drawn;
        plan.Seed = seed;
        plan.DrawnAt = now;
        plan.DrawnByName = actor;
        plan.Fingerprint = fingerprint;
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

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
