using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Filings;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Filings;

/// <summary>
/// Programs' <see cref="IBasePlanFilings"/>: the plans for a year are the accepted filings of the year before. Read
/// city-wide (the annual plan's readers see every base's plan beside the city's targets; plans carry no personal data).
/// </summary>
internal sealed class BasePlanFilings(PlatformDbContext db) : IBasePlanFilings
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<BasePlanFiling>> AcceptedPlansForAsync(int year, CancellationToken cancellationToken)
    {
        var filedIn = year - 1;
        var rows = await (
                from f in db.BaseFilings.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
                join b in db.EducationBases.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]) on f.BaseId equals b.Id
                where f.Year == filedIn && f.Status == BaseFilingStatus.Accepted
                select new BasePlanFiling(f.BaseId, b.Name, f.PlannedClasses, f.PlannedSubjects, f.TargetTrainees, f.BudgetFen))
            .AsNoTracking()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.BaseName, StringComparer.Ordinal)];
    }
}
