using FluentValidation;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Filings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Filings;

/// <summary>
/// A year's December filing as a task list: every active base in the caller's scope (the program office all, a county
/// its region's, a base's staff their own) with where its filing stands — not started, missing after the due date
/// (flagged), submitted (late when after the date), returned (flagged), accepted. Without a year: the current one.
/// </summary>
/// <param name="Year">The year reported on.</param>
internal sealed record ListFilings(int? Year) : IRequest<FilingList>;

/// <summary>Checks the year.</summary>
internal sealed class ListFilingsValidator : AbstractValidator<ListFilings>
{
    /// <summary>Creates the validator.</summary>
    public ListFilingsValidator() =>
        RuleFor(l => l.Year).InclusiveBetween(2000, 2100).When(l => l.Year is not null).OverridePropertyName("year")
            .WithErrorCode("out_of_range").WithMessage("年度应在 2000 至 2100 之间。");
}

/// <summary>Handles <see cref="ListFilings"/>.</summary>
internal sealed class ListFilingsHandler(PlatformDbContext db, FilingDesk desk) : IRequestHandler<ListFilings, FilingList>
{
    /// <inheritdoc />
    public async Task<FilingList> Handle(ListFilings request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = desk.Today;
        var year = request.Year ?? today.Year;
        var due = FilingCalendar.Due(desk.Options, year);
        var bases = await db.EducationBases.AsNoTracking()
            .Where(b => FilingRules.FilingStatuses.Contains(b.Status) || db.Set<BaseFiling>().Any(f => f.BaseId == b.Id && f.Year == year))
            .Select(b => new { b.Id, b.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var filings = await db.BaseFilings.AsNoTracking().Where(f => f.Year == year)
            .Select(f => new { f.Id, f.BaseId, f.Status, f.Late, f.SubmittedAt })
            .ToDictionaryAsync(f => f.BaseId, cancellationToken).ConfigureAwait(false);
        var rows = bases.Select(b =>
            {
                var filing = filings.GetValueOrDefault(b.Id);
                var state = FilingCalendar.State(desk.Options, year, today, filing?.Status);
                return new FilingRow(b.Id, b.Name, year, due, state, FilingCalendar.Label(state), FilingCalendar.Flagged(state) || filing?.Late == true,
                    filing?.Late ?? false, filing?.Id, filing?.SubmittedAt);
            })
            .OrderByDescending(r => r.Flagged).ThenBy(r => r.State).ThenBy(r => r.BaseName, StringComparer.Ordinal)
            .ToList();
        return new FilingList(year, due, today, rows);
    }
}
