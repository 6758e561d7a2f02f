using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>
/// Roster records of a year (credit year) grouped by the object they count for: a class by its id, a provider by the
/// record's provider, a base by its organization (a base's classes are its organization's), a project by its classes.
/// </summary>
internal static class RosterGroups
{
    /// <summary>(object id, flagged, approved, all) per object of <paramref name="kind"/>.</summary>
    public static async Task<IReadOnlyList<(Guid Id, int Flagged, int Approved, int All)>> CountAsync(PlatformDbContext db, SupervisedObjectKind kind, int year, CancellationToken cancellationToken)
    {
        var records = db.CreditRecords.AsNoTracking().Where(r => r.CreditYear == year && r.ClassId != null && r.Status != CreditRecordStatus.Revoked);
        var rows = kind switch
        {
            SupervisedObjectKind.Class => await records.GroupBy(r => r.ClassId!.Value)
                .Select(g => new { g.Key, Flagged = g.Count(r => r.Flag != null), Approved = g.Count(r => r.Status == CreditRecordStatus.Approved), All = g.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false),
            SupervisedObjectKind.Provider => await records.Where(r => r.ProviderId != null).GroupBy(r => r.ProviderId!.Value)
                .Select(g => new { g.Key, Flagged = g.Count(r => r.Flag != null), Approved = g.Count(r => r.Status == CreditRecordStatus.Approved), All = g.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false),
            SupervisedObjectKind.Project => await records.Join(db.TrainingClasses.Where(c => c.ProjectId != null), r => r.ClassId, c => (Guid?)c.Id, (r, c) => new { r, c.ProjectId })
                .GroupBy(x => x.ProjectId!.Value)
                .Select(g => new { g.Key, Flagged = g.Count(x => x.r.Flag != null), Approved = g.Count(x => x.r.Status == CreditRecordStatus.Approved), All = g.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false),
            SupervisedObjectKind.Base => await records.Join(db.EducationBases, r => r.ProviderId, b => (Guid?)b.OrganizationId, (r, b) => new { r, BaseId = b.Id })
                .GroupBy(x => x.BaseId)
                .Select(g => new { g.Key, Flagged = g.Count(x => x.r.Flag != null), Approved = g.Count(x => x.r.Status == CreditRecordStatus.Approved), All = g.Count() })
                .ToListAsync(cancellationToken).ConfigureAwait(false),
            _ => [],
        };
        return [.. rows.Select(r => (r.Key, r.Flagged, r.Approved, r.All))];
    }
}

/// <summary>
/// Risk from overlap flags (<c>overlap_flags</c>): how many of the object's roster records of the year were flagged
/// (the same person twice in a class, or more hours on a day than a day holds).
/// </summary>
internal sealed class OverlapFlagsSignal(PlatformDbContext db) : IRiskSignal
{
    /// <inheritdoc />
    public string Key => InspectionRules.OverlapFlagsKey;

    /// <inheritdoc />
    public string Label => "学时记录重叠预警";

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, decimal>> ScoresAsync(SupervisedObjectKind kind, int year, CancellationToken cancellationToken) =>
        (await RosterGroups.CountAsync(db, kind, year, cancellationToken).ConfigureAwait(false)).Where(r => r.Flagged > 0).ToDictionary(r => r.Id, r => (decimal)r.Flagged);
}

/// <summary>
/// Risk from low completion (<c>low_completion</c>): the share of the object's roster records of the year that were
/// not approved (pending or rejected) — trainees on the roster who did not complete.
/// </summary>
internal sealed class LowCompletionSignal(PlatformDbContext db) : IRiskSignal
{
    /// <inheritdoc />
    public string Key => InspectionRules.LowCompletionKey;

    /// <inheritdoc />
    public string Label => "培训完成率低";

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, decimal>> ScoresAsync(SupervisedObjectKind kind, int year, CancellationToken cancellationToken) =>
        (await RosterGroups.CountAsync(db, kind, year, cancellationToken).ConfigureAwait(false)).Where(r => r.All > 0 && r.Approved < r.All)
            .ToDictionary(r => r.Id, r => Math.Round(1m - ((decimal)r.Approved / r.All), 4));
}
