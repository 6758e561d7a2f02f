using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>Training records within the caller's scope (people masked), newest first.</summary>
/// <param name="Filter">The filter (field, level, year of the last day, person) and the page.</param>
/// <param name="Passed">Only passed (true) or failed (false) trainings; all when null.</param>
internal sealed record ListTrainings(PipelineFilter Filter, bool? Passed = null) : IRequest<Paged<TrainingView>>;

/// <summary>Checks the filter and the page.</summary>
internal sealed class ListTrainingsValidator : AbstractValidator<ListTrainings>
{
    /// <summary>Creates the validator.</summary>
    public ListTrainingsValidator() => RuleFor(l => l.Filter).Custom((filter, context) => context.AddFailuresOf(PipelineFilterValidator.Instance, filter));
}

/// <summary>Trainings matching a filter, by last day (newest first).</summary>
internal sealed class TrainingsMatching : Specification<DigitalTraining>
{
    /// <summary>Creates the specification.</summary>
    public TrainingsMatching(PipelineFilter filter, bool? passed = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var field = DigitalInputRules.Field(filter.Field);
        var level = DigitalInputRules.Level(filter.Level);
        Query.Where(t => t.Field == field, field is not null)
            .Where(t => t.Level == level, level is not null)
            .Where(t => t.ProfessionalId == filter.ProfessionalId, filter.ProfessionalId is not null)
            .Where(t => t.Passed == passed, passed is not null);
        if (filter.Year is { } year)
        {
            var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            Query.Where(t => t.EndDate >= first && t.EndDate <= last);
        }

        Query.OrderByDescending(t => t.EndDate).ThenByDescending(t => t.Id).AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListTrainings"/>: counts and pages in the database, within the caller's scope.</summary>
internal sealed class ListTrainingsHandler(PlatformDbContext db) : IRequestHandler<ListTrainings, Paged<TrainingView>>
{
    /// <inheritdoc />
    public async Task<Paged<TrainingView>> Handle(ListTrainings request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.DigitalTrainings.ToPagedAsync(new TrainingsMatching(request.Filter, request.Passed), request.Filter.Page, request.Filter.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return DigitalEngineerViews.Page(rows, await DigitalEngineerViews.TrainingsAsync(db, rows.Items, cancellationToken).ConfigureAwait(false));
    }
}
