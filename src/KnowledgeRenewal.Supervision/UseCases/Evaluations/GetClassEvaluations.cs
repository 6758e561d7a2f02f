using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Evaluations;

/// <summary>A class's evaluations: aggregates and the comments without names (404 when the class is outside the caller's scope).</summary>
/// <param name="ClassId">The class.</param>
public sealed record GetClassEvaluations(Guid ClassId) : IRequest<ClassEvaluationsView>;

/// <summary>A class's evaluations.</summary>
/// <param name="ClassId">The class.</param>
/// <param name="Title">Its title.</param>
/// <param name="ProviderName">Who ran it.</param>
/// <param name="EndDate">Its last day.</param>
/// <param name="Participants">People with a record in it (who may rate).</param>
/// <param name="Aggregate">The aggregates.</param>
/// <param name="Comments">The comments (no names, no order of submission), newest first.</param>
public sealed record ClassEvaluationsView(Guid ClassId, string Title, string? ProviderName, DateOnly EndDate, int Participants, EvaluationAggregate Aggregate, IReadOnlyList<string> Comments);

internal sealed class GetClassEvaluationsHandler(PlatformDbContext db) : IRequestHandler<GetClassEvaluations, ClassEvaluationsView>
{
    public async Task<ClassEvaluationsView> Handle(GetClassEvaluations request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var training = await db.TrainingClasses.AsNoTracking().Where(c => c.Id == request.ClassId)
            .Select(c => new { c.Id, c.Title, ProviderName = c.Provider!.Name, c.EndDate })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("培训班", request.ClassId);
        var participants = await db.CreditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(r => r.ClassId == training.Id && EvaluationRules.Participant.Contains(r.Status)).Select(r => r.ProfessionalId).Distinct()
            .CountAsync(cancellationToken).ConfigureAwait(false);
        var evaluations = db.Set<ClassEvaluation>().AsNoTracking().Where(e => e.ClassId == training.Id);
        var aggregate = await EvaluationAggregate.OfAsync(evaluations, cancellationToken).ConfigureAwait(false);
        var comments = await evaluations.Where(e => e.Comment != null).OrderByDescending(e => e.SubmittedAt).Select(e => e.Comment!).Take(200)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ClassEvaluationsView(training.Id, training.Title, training.ProviderName, training.EndDate, participants, aggregate, comments);
    }
}
