using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>
/// Base supervision's scope filters: designations, status history and assessments are seen by whoever sees the base
/// (Registry's filter on bases); evaluation summaries by whoever sees the class. The evaluations themselves have no
/// feed and are read only by their use cases (a person's own, or aggregates).
/// </summary>
internal sealed class BasesModel : IPlatformModelPart
{
    private static readonly string SummarySql =
        "SELECT \"ClassId\", \"ProviderId\", \"Year\", COUNT(*) AS \"Evaluations\", " +
        $"SUM(CASE WHEN \"Content\" + \"Teacher\" + \"Organization\" + \"Usefulness\" >= {ClassEvaluation.SatisfiedTotal} THEN 1 ELSE 0 END) AS \"Satisfied\", " +
        "SUM(\"Content\") AS \"ContentTotal\", SUM(\"Teacher\") AS \"TeacherTotal\", SUM(\"Organization\") AS \"OrganizationTotal\", SUM(\"Usefulness\") AS \"UsefulnessTotal\" " +
        "FROM \"SupClassEvaluations\" GROUP BY \"ClassId\", \"ProviderId\", \"Year\"";

    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ScopeFilter<BaseAssessment>((db, a) => db.ScopeAll || db.ScopeCreditFeed || db.Set<EducationBase>().Any(b => b.Id == a.BaseId));
        model.ScopeFilter<BaseDesignation>((db, d) => db.ScopeAll || db.Set<EducationBase>().Any(b => b.Id == d.BaseId));
        model.ScopeFilter<BaseStatusChange>((db, c) => db.ScopeAll || db.Set<EducationBase>().Any(b => b.Id == c.BaseId));
        model.ScopeFilter<BaseExitNotice>((db, n) => db.ScopeAll || db.Set<EducationBase>().Any(b => b.Id == n.BaseId));
        model.ScopeFilter<BaseExitObjection>((db, o) => db.ScopeAll || db.Set<BaseExitNotice>().Any(n => n.Id == o.NoticeId));
        model.ScopeFilter<BaseExchange>((db, e) => db.ScopeAll || e.Parties.Any(p => db.Set<EducationBase>().Any(b => b.Id == p.BaseId)));
        model.ScopeFilter<BaseExchangeParty>((db, p) => db.ScopeAll || db.Set<EducationBase>().Any(b => b.Id == p.BaseId));
        model.Builder.Entity<ClassEvaluationSummary>().HasKey(s => s.ClassId);
        model.Builder.Entity<ClassEvaluationSummary>().ToSqlQuery(SummarySql);
        model.ScopeFilter<ClassEvaluationSummary>((db, s) => db.ScopeAll || db.ScopeCreditFeed || db.Set<TrainingClass>().Any(c => c.Id == s.ClassId));
    }
}
