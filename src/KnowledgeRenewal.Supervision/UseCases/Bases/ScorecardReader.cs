using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>
/// The scorecard's figures of a base (its organization's classes and projects) in a year, computed from platform data
/// city-wide (the base was found within the caller's scope first; the figures are counts): the same queries count and
/// list (<see cref="Trainees"/>, <see cref="Seminars"/>, <see cref="Classes"/>, <see cref="Courses"/>), so an indicator always shows the
/// records it counts.
/// </summary>
internal sealed class ScorecardReader(PlatformDbContext db, IEnumerable<IBaseInspectionResults> inspections)
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <summary>Project states from approval on (a seminar counts once approved).</summary>
    public static readonly ProjectStatus[] Hosted =
        [ProjectStatus.Approved, ProjectStatus.PublicNotice, ProjectStatus.Published, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Archived];

    /// <summary>The base's classes of the year (by their end date), city-wide.</summary>
    public IQueryable<TrainingClass> Classes(Guid organizationId, int year) =>
        db.TrainingClasses.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(c => c.ProviderId == organizationId && c.EndDate.Year == year && c.Status != TrainingClassStatus.Cancelled);

    /// <summary>Approved records from the base's classes of the year (people trained: their distinct professionals).</summary>
    public static IQueryable<CreditRecord> Trainees(IQueryable<CreditRecord> records, Guid organizationId, int year) =>
        records.Where(r => r.Status == CreditRecordStatus.Approved && r.ClassId != null && r.ProviderId == organizationId && r.CreditYear == year);

    /// <summary>Advanced seminar projects the base hosted in the year (approved or later).</summary>
    public IQueryable<Project> Seminars(Guid organizationId, int year) =>
        db.Projects.IgnoreQueryFilters(AccessScope).AsNoTracking()
            .Where(p => p.Type == ProjectType.AdvancedSeminar && p.ProviderId == organizationId && p.CreditYear == year && Hosted.Contains(p.Status));

    /// <summary>The catalog courses the base developed (added to the course catalog in the year, China time), city-wide.</summary>
    public IQueryable<Course> Courses(Guid organizationId, int year)
    {
        var (from, to) = (Utc(year), Utc(year + 1));
        return db.Courses.AsNoTracking().Where(c => c.DeveloperOrganizationId == organizationId && c.CreatedAt >= from && c.CreatedAt < to);
    }

    /// <summary>The evaluations of the base's classes of the year.</summary>
    public IQueryable<ClassEvaluation> Evaluations(Guid organizationId, int year) =>
        db.Set<ClassEvaluation>().AsNoTracking().Where(e => e.ProviderId == organizationId && e.Year == year);

    /// <summary>The figures (and the inspection results, when the inspections feature answers).</summary>
    public async Task<(ScorecardFigures Figures, EvaluationAggregate Evaluations, int FinishedRecords, int FinishedApproved, BaseInspectionResult? Inspection)> FiguresAsync(
        Guid baseId, Guid organizationId, int year, CancellationToken cancellationToken)
    {
        var records = db.CreditRecords.IgnoreQueryFilters(AccessScope).AsNoTracking();
        var trainees = await Trainees(records, organizationId, year).Select(r => r.ProfessionalId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        var seminars = await Seminars(organizationId, year).CountAsync(cancellationToken).ConfigureAwait(false);
        var courses = await Courses(organizationId, year).GroupBy(c => c.Category).Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var finished = Classes(organizationId, year).Where(c => c.Status == TrainingClassStatus.Finished).Select(c => c.Id);
        var finishedRecords = await records.Where(r => r.ClassId != null && finished.Contains(r.ClassId.Value) && r.Status != CreditRecordStatus.Revoked)
            .GroupBy(r => r.Status == CreditRecordStatus.Approved).Select(g => new { Approved = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var all = finishedRecords.Sum(g => g.Count);
        var approved = finishedRecords.Where(g => g.Approved).Sum(g => g.Count);
        var evaluations = await EvaluationAggregate.OfAsync(Evaluations(organizationId, year), cancellationToken).ConfigureAwait(false);
        BaseInspectionResult? inspection = null;
        foreach (var source in inspections)
        {
            inspection = await source.ForBaseAsync(baseId, year, cancellationToken).ConfigureAwait(false);
            break;
        }

        var figures = new ScorecardFigures(
            trainees,
            seminars,
            courses.Where(c => c.Category == KnowledgeRenewal.Sdk.CreditCategory.Public).Sum(c => c.Count),
            courses.Where(c => c.Category == KnowledgeRenewal.Sdk.CreditCategory.Professional).Sum(c => c.Count),
            all == 0 ? null : Math.Round((decimal)approved / all, 4),
            evaluations.Count == 0 ? null : Math.Round((decimal)evaluations.Satisfied / evaluations.Count, 4),
            inspection?.Score);
        return (figures, evaluations, all, approved, inspection);
    }

    // The first moment of a year in China, as UTC.
    private static DateTime Utc(int year) => DateTime.SpecifyKind(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddHours(-8), DateTimeKind.Utc);

    /// <summary>Whether an inspections feature answers (else the assessment counts no inspection and says so).</summary>
    public bool InspectionsAvailable => inspections.Any();
}

/// <summary>Aggregates of evaluations (never who rated).</summary>
/// <param name="Count">Evaluations.</param>
/// <param name="Satisfied">Evaluations with a mean of 4 or more.</param>
/// <param name="Content">Mean content rating (null without any).</param>
/// <param name="Teacher">Mean teacher rating.</param>
/// <param name="Organization">Mean organization rating.</param>
/// <param name="Usefulness">Mean usefulness rating.</param>
public sealed record EvaluationAggregate(int Count, int Satisfied, decimal? Content, decimal? Teacher, decimal? Organization, decimal? Usefulness)
{
    /// <summary>The satisfaction rate (0–1), null without evaluations.</summary>
    public decimal? SatisfactionRate => Count == 0 ? null : Math.Round((decimal)Satisfied / Count, 4);

    /// <summary>The aggregates of <paramref name="evaluations"/>, in the database.</summary>
    public static async Task<EvaluationAggregate> OfAsync(IQueryable<ClassEvaluation> evaluations, CancellationToken cancellationToken)
    {
        var row = await evaluations.GroupBy(e => 1).Select(g => new
        {
            Count = g.Count(),
            Satisfied = g.Count(e => e.Content + e.Teacher + e.Organization + e.Usefulness >= ClassEvaluation.SatisfiedTotal),
            Content = g.Sum(e => e.Content),
            Teacher = g.Sum(e => e.Teacher),
            Organization = g.Sum(e => e.Organization),
            Usefulness = g.Sum(e => e.Usefulness),
        }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null || row.Count == 0
            ? new EvaluationAggregate(0, 0, null, null, null, null)
            : new EvaluationAggregate(row.Count, row.Satisfied, Mean(row.Content, row.Count), Mean(row.Teacher, row.Count), Mean(row.Organization, row.Count), Mean(row.Usefulness, row.Count));
    }

    private static decimal Mean(int sum, int count) => Math.Round((decimal)sum / count, 2);
}
