using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Evaluations;

/// <summary>Answers credits' <see cref="IClassEvaluations"/> for the class page: the same aggregate as <see cref="GetClassEvaluations"/>, comments without names.</summary>
internal sealed class ClassEvaluationsForCredits(PlatformDbContext db) : IClassEvaluations
{
    /// <inheritdoc />
    public async Task<ClassEvaluationFigures> ForClassAsync(Guid classId, CancellationToken cancellationToken)
    {
        var evaluations = db.Set<ClassEvaluation>().AsNoTracking().Where(e => e.ClassId == classId);
        var aggregate = await EvaluationAggregate.OfAsync(evaluations, cancellationToken).ConfigureAwait(false);
        var comments = aggregate.Count == 0 ? [] : await evaluations.Where(e => e.Comment != null).OrderByDescending(e => e.SubmittedAt).Select(e => e.Comment!).Take(50)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ClassEvaluationFigures(aggregate.Count, aggregate.Content, aggregate.Teacher, aggregate.Organization, aggregate.Usefulness, comments);
    }
}
