using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>Every version of the assessment method, newest (in force) first.</summary>
public sealed record ListAssessmentMethods : IRequest<IReadOnlyList<AssessmentMethodView>>;

/// <summary>A version of the assessment method.</summary>
public sealed record AssessmentMethodView(
    int Version, int TraineesWeight, int SeminarsWeight, int CoursesWeight, int CompletionWeight, int SatisfactionWeight, int InspectionWeight,
    int SeminarsTarget, int CoursesTarget, int PassMark, string Note, string CreatedByName, DateTime CreatedAt);

internal sealed class ListAssessmentMethodsHandler(PlatformDbContext db) : IRequestHandler<ListAssessmentMethods, IReadOnlyList<AssessmentMethodView>>
{
    public async Task<IReadOnlyList<AssessmentMethodView>> Handle(ListAssessmentMethods request, CancellationToken cancellationToken) =>
        await db.Set<AssessmentMethod>().AsNoTracking().OrderByDescending(m => m.Version)
            .Select(m => new AssessmentMethodView(m.Version, m.TraineesWeight, m.SeminarsWeight, m.CoursesWeight, m.CompletionWeight, m.SatisfactionWeight, m.InspectionWeight,
                m.SeminarsTarget, m.CoursesTarget, m.PassMark, m.Note, m.CreatedByName, m.CreatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
