using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>The catalog of training and evaluation institutions, filtered (a public list: no scope).</summary>
/// <param name="Kind">Training or evaluation.</param>
/// <param name="Field">Listed for this field.</param>
/// <param name="Level">Listed for this level.</param>
/// <param name="ValidOn">Valid on this day.</param>
internal sealed record ListInstitutions(string? Kind, string? Field, string? Level, DateOnly? ValidOn) : IRequest<IReadOnlyList<InstitutionView>>;

/// <summary>Checks the filters.</summary>
internal sealed class ListInstitutionsValidator : AbstractValidator<ListInstitutions>
{
    /// <summary>Creates the validator.</summary>
    public ListInstitutionsValidator()
    {
        RuleFor(l => l.Kind).OptionalInstitutionKind();
        RuleFor(l => l.Field).OptionalDigitalField("field");
        RuleFor(l => l.Level).OptionalDigitalLevel("level");
    }
}

/// <summary>Catalog entries matching the filters (with their fields and levels), by kind and name.</summary>
internal sealed class InstitutionsMatching : Specification<DigitalInstitution>
{
    /// <summary>Creates the specification.</summary>
    public InstitutionsMatching(ListInstitutions query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var kind = DigitalInputRules.Kind(query.Kind);
        var field = DigitalInputRules.Field(query.Field);
        var level = DigitalInputRules.Level(query.Level);
        var day = query.ValidOn ?? default;
        Query.Include(i => i.Scopes)
            .Where(i => i.Kind == kind, kind is not null)
            .Where(i => i.Scopes.Any(s => s.Field == field && s.Level == level), field is not null && level is not null)
            .Where(i => i.Scopes.Any(s => s.Field == field), field is not null && level is null)
            .Where(i => i.Scopes.Any(s => s.Level == level), field is null && level is not null)
            .Where(i => i.ValidFrom <= day && i.ValidTo >= day, query.ValidOn is not null)
            .OrderBy(i => i.Kind).ThenBy(i => i.OrganizationName)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListInstitutions"/>.</summary>
internal sealed class ListInstitutionsHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<ListInstitutions, IReadOnlyList<InstitutionView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<InstitutionView>> Handle(ListInstitutions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.DigitalInstitutions.WithSpecification(new InstitutionsMatching(request)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = ProgramCalendar.Today(clock);
        return [.. rows.Select(i => DigitalEngineerViews.Institution(i, today))];
    }
}
