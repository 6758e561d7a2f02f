using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>Certificates within the caller's scope (holders masked) with title linkage and subsidy eligibility, newest first.</summary>
/// <param name="Filter">The filter (kind, field, level, year of issue, person) and the page.</param>
internal sealed record ListDigitalCertificates(PipelineFilter Filter) : IRequest<Paged<DigitalCertificateView>>;

/// <summary>Checks the filter and the page.</summary>
internal sealed class ListDigitalCertificatesValidator : AbstractValidator<ListDigitalCertificates>
{
    /// <summary>Creates the validator.</summary>
    public ListDigitalCertificatesValidator() => RuleFor(l => l.Filter).Custom((filter, context) => context.AddFailuresOf(PipelineFilterValidator.Instance, filter));
}

/// <summary>Certificates matching a filter, by instant of issue (newest first).</summary>
internal sealed class DigitalCertificatesMatching : Specification<DigitalCertificate>
{
    /// <summary>Creates the specification.</summary>
    public DigitalCertificatesMatching(PipelineFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var field = DigitalInputRules.Field(filter.Field);
        var level = DigitalInputRules.Level(filter.Level);
        DigitalCertificateKind? kind = DigitalInputRules.TryParseName<DigitalCertificateKind>(filter.Kind, out var parsed) ? parsed : null;
        Query.Where(c => c.Field == field, field is not null)
            .Where(c => c.Level == level, level is not null)
            .Where(c => c.Kind == kind, kind is not null)
            .Where(c => c.ProfessionalId == filter.ProfessionalId, filter.ProfessionalId is not null)
            .Where(c => c.Year == filter.Year, filter.Year is not null)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .AsNoTracking();
    }
}

/// <summary>Handles <see cref="ListDigitalCertificates"/>: counts and pages in the database, within the caller's scope.</summary>
internal sealed class ListDigitalCertificatesHandler(PlatformDbContext db) : IRequestHandler<ListDigitalCertificates, Paged<DigitalCertificateView>>
{
    /// <inheritdoc />
    public async Task<Paged<DigitalCertificateView>> Handle(ListDigitalCertificates request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = await db.DigitalCertificates.ToPagedAsync(new DigitalCertificatesMatching(request.Filter), request.Filter.Page, request.Filter.PageSize, q => q, cancellationToken).ConfigureAwait(false);
        return DigitalEngineerViews.Page(rows, await DigitalEngineerViews.CertificatesAsync(db, rows.Items, cancellationToken).ConfigureAwait(false));
    }
}
