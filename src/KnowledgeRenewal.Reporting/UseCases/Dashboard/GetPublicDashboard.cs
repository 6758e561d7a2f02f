using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Reporting.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace KnowledgeRenewal.Reporting.UseCases.Dashboard;

/// <summary>
/// The public part of the dashboard for the landing page (anyone, signed in or not): the program's phase, its totals
/// since 2023 and this year's city-wide targets against actuals by project type. Aggregates only — no person, no
/// employer, nothing cut by a scope — and the same for every caller, so it is computed city-wide and kept for
/// <see cref="CacheFor"/> (the landing page is the most visited page).
/// </summary>
public sealed record GetPublicDashboard : IRequest<PublicDashboardView>;

/// <summary>The landing page's program figures.</summary>
/// <param name="AsOf">The day (China time) they were computed for.</param>
/// <param name="ComputedAt">When (UTC).</param>
/// <param name="Phase">The program's phase.</param>
/// <param name="Year">This year (within the program).</param>
/// <param name="PlanSet">Whether this year's plan is set.</param>
/// <param name="Targets">This year's total and project-type targets against actuals (the plan's progress).</param>
/// <param name="Years">Trainees per program year so far (distinct people with approved class or roster records of the year).</param>
/// <param name="PersonTimes">The years' trainees added up (人次).</param>
/// <param name="Hours">Approved credit hours of the program years.</param>
/// <param name="ValidCertificates">Valid credit-hour certificates.</param>
public sealed record PublicDashboardView(
    DateOnly AsOf,
    DateTime ComputedAt,
    ProgramPhase Phase,
    int Year,
    bool PlanSet,
    IReadOnlyList<DashboardTarget> Targets,
    IReadOnlyList<PublicYear> Years,
    int PersonTimes,
    decimal Hours,
    int ValidCertificates);

/// <summary>One program year's trainees.</summary>
/// <param name="Year">The year.</param>
/// <param name="Trainees">Distinct trainees.</param>
public sealed record PublicYear(int Year, int Trainees);

/// <summary>Handles <see cref="GetPublicDashboard"/>: city-wide aggregates (the scope filter lifted for each whole query), cached briefly.</summary>
public sealed class GetPublicDashboardHandler(PlatformDbContext db, IMediator mediator, IMemoryCache cache, TimeProvider clock) : IRequestHandler<GetPublicDashboard, PublicDashboardView>
{
    /// <summary>How long the figures are kept.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];
    private static readonly object CacheKey = new();

    /// <inheritdoc />
    public async Task<PublicDashboardView> Handle(GetPublicDashboard request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (cache.TryGetValue(CacheKey, out PublicDashboardView? kept) && kept is not null && kept.AsOf == ProgramCalendar.Today(clock))
        {
            return kept;
        }

        var view = await ComputeAsync(cancellationToken).ConfigureAwait(false);
        cache.Set(CacheKey, view, CacheFor);
        return view;
    }

    private async Task<PublicDashboardView> ComputeAsync(CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var year = Math.Clamp(today.Year, ProgramPhases.FirstYear, ProgramPhases.LastYear);
        var plan = await mediator.Send(new GetPlanProgress(year), cancellationToken).ConfigureAwait(false);
        var city = new DashboardScope(true, "全市", [], []);
        var targets = GetDashboardHandler.Targets(plan, city)
            .Where(t => t.Kind is nameof(PlanTargetKind.Total) or nameof(PlanTargetKind.ProjectType))
            .ToList();

        var approved = db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(r => r.Status == CreditRecordStatus.Approved && r.CreditYear >= ProgramPhases.FirstYear && r.CreditYear <= year);
        var perYear = await approved
            .Where(r => r.Source == RecordSource.ProjectRoster || r.Source == RecordSource.ProviderClass)
            .GroupBy(r => r.CreditYear)
            .Select(g => new { Year = g.Key, Trainees = g.Select(r => r.ProfessionalId).Distinct().Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var hours = await approved.SumAsync(r => r.HoursDecimal, cancellationToken).ConfigureAwait(false);
        var certificates = await db.CreditCertificates.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .CountAsync(c => c.Status == CertificateStatus.Valid, cancellationToken).ConfigureAwait(false);

        var years = Enumerable.Range(ProgramPhases.FirstYear, year - ProgramPhases.FirstYear + 1)
            .Select(y => new PublicYear(y, perYear.FirstOrDefault(p => p.Year == y)?.Trainees ?? 0))
            .ToList();
        return new PublicDashboardView(today, clock.GetUtcNow().UtcDateTime, ProgramPhases.On(today), year, plan.HasPlan, targets, years, years.Sum(y => y.Trainees), hours, certificates);
    }
}
