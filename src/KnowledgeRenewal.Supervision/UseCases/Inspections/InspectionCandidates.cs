using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// What a draw draws from: the objects of a kind in a year with their risk, and the active experts with their
/// conflicts. Projects: approved or later (not rejected) of the credit year; classes: starting in the year, not
/// cancelled; bases: not revoked; providers: every registered provider. An object's risk is Σ weight × score / the
/// highest score of that signal among the kind's candidates (so each signal counts 0–1 before its weight).
/// </summary>
internal sealed class InspectionCandidates(PlatformDbContext db, IEnumerable<IRiskSignal> signals, IOptions<InspectionOptions> options, TimeProvider clock, ExpertWorkReader expertWork)
{
    private static readonly ProjectStatus[] DrawnProjectStates =
        [ProjectStatus.Approved, ProjectStatus.PublicNotice, ProjectStatus.Published, ProjectStatus.InProgress, ProjectStatus.Completed];

    /// <summary>The candidates of <paramref name="kind"/> in <paramref name="year"/>, weighted.</summary>
    public async Task<IReadOnlyList<DrawCandidate>> ObjectsAsync(SupervisedObjectKind kind, int year, IReadOnlyCollection<InspectionRiskWeight> weights, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var rows = kind switch
        {
            SupervisedObjectKind.Project => await db.Projects.AsNoTracking().Where(p => p.CreditYear == year && DrawnProjectStates.Contains(p.Status))
                .Select(p => new Row(p.Id, p.Title, p.ProviderId ?? p.ApplicantOrganizationId)).ToListAsync(cancellationToken).ConfigureAwait(false),
            SupervisedObjectKind.Class => await db.TrainingClasses.AsNoTracking().Where(c => c.StartDate >= first && c.StartDate <= last && c.Status != TrainingClassStatus.Cancelled)
                .Select(c => new Row(c.Id, c.Title, c.ProviderId)).ToListAsync(cancellationToken).ConfigureAwait(false),
            SupervisedObjectKind.Base => await db.EducationBases.AsNoTracking().Where(b => b.Status != BaseStatus.Revoked)
                .Select(b => new Row(b.Id, b.Name, b.OrganizationId)).ToListAsync(cancellationToken).ConfigureAwait(false),
            SupervisedObjectKind.Provider => await db.TrainingProviders.AsNoTracking()
                .Select(p => new Row(p.Id, p.Name, p.Id)).ToListAsync(cancellationToken).ConfigureAwait(false),
            _ => [],
        };

        var risk = rows.ToDictionary(r => r.Id, _ => 0m);
        foreach (var weight in weights.Where(w => w.Weight > 0).OrderBy(w => w.SignalKey, StringComparer.Ordinal))
        {
            foreach (var signal in signals.Where(s => s.Key == weight.SignalKey))
            {
                var scores = await signal.ScoresAsync(kind, year, cancellationToken).ConfigureAwait(false);
                var max = rows.Select(r => scores.GetValueOrDefault(r.Id)).DefaultIfEmpty(0m).Max();
                if (max <= 0)
                {
                    continue;
                }

                foreach (var row in rows)
                {
                    risk[row.Id] += Math.Round(weight.Weight * scores.GetValueOrDefault(row.Id) / max, 4);
                }
            }
        }

        return [.. rows.Select(r => new DrawCandidate(kind, r.Id, r.Name, r.OrganizationId, risk[r.Id]))];
    }

    /// <summary>The active experts with the organizations they reviewed (project reviews) or inspected (another plan's inspections) within the conflict window.</summary>
    public async Task<IReadOnlyList<DrawExpert>> ExpertsAsync(Guid exceptPlanId, CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var experts = await db.Set<Expert>().AsNoTracking().Where(e => e.Active).Select(e => new { e.Id, e.Name, e.OrganizationId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byExpert = await expertWork.ReadAsync(null, exceptPlanId, cancellationToken).ConfigureAwait(false);
        return [.. experts.Select(e => new DrawExpert(e.Id, e.Name, e.OrganizationId,
            [.. ExpertConflicts.RecentOrganizations(byExpert[e.Id], today, options.Value.ConflictMonths)]))];
    }

    /// <summary>The names of organizations.</summary>
    public async Task<Dictionary<Guid, string>> OrganizationNamesAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToArray();
        return await db.Organizations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Row(Guid Id, string Name, Guid OrganizationId);
}
