using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>Evaluation results within the caller's scope (people masked), newest first.</summary>
/// <param name="Filter">The filter (field, level, year of the evaluation, person) and the page.</param>
internal sealed record ListEvaluations(PipelineFilter Filter) : IRequest<Paged<EvaluationView>>;

/// <summary>Checks the filter and the page.</summary>
internal sealed class ListEvaluationsValidator : AbstractValidator<ListEvaluations>
{
    /// <summary>Creates the validator.</summary>
    public ListEvaluationsValidator() => RuleFor(l => l.Filter).Custom((filter, context) => context.AddFailuresOf(PipelineFilterValidator.Instance, filter));
}

/// <summary>Evaluations matching a filter, by day (newest first).</summary>
internal sealed class EvaluationsMatching : Specification<DigitalEvaluation>
{
    /// <summary>Creates the specification.</summary>
    public EvaluationsMatching(PipelineFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var field = DigitalInputRules.Field(filter.Field);
        var level = DigitalInputRules.Level(filter.Level);
        Query.Where(t => t.Field == field, field is not null)
            .Where(t => t.Level == level, level is not null)
            .Where(t => t.ProfessionalId == filter.ProfessionalId, filter.ProfessionalId is not null);
        if (filter.Year is { } year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            Query.Where(t => t.EvaluatedOn >= first && t.EvaluatedOn <= last);
        }

        Query.OrderByDescending(t => t.EvaluatedOn).ThenByDescending(t => t.Id).AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListEvaluations"/>: counts and pages in the database, within the caller's scope.</summary>
internal sealed class ListEvaluationsHandler(PlatformDbContext db) : IRequestHandler<ListEvaluations, Paged<EvaluationView>>
{
    /// <inheritdoc />
    public async Task<Paged<EvaluationView>> Handle(ListEvaluations request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.DigitalEvaluations.ToPagedAsync(new EvaluationsMatching(request.Filter), request.Filter.Page, request.Filter.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return DigitalEngineerViews.Page(rows, await DigitalEngineerViews.EvaluationsAsync(db, rows.Items, cancellationToken).ConfigureAwait(false));
    }
}
