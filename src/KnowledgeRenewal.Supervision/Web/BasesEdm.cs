using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Supervision.Domain.Bases;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Supervision.Web;

/// <summary>
/// <c>/odata/BaseScorecards</c> (the assessed scorecards per base and year, with the method version used) and
/// <c>/odata/ClassEvaluations</c> (per class: counts and rating sums — aggregates only, never who rated) and
/// <c>/odata/BaseExchanges</c> (exchanges and cooperation between bases; <c>$expand=Parties</c> for the bases involved).
/// </summary>
internal sealed class BasesEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 90;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var scorecard = builder.EntitySet<BaseAssessment>("BaseScorecards").EntityType;
        scorecard.HasKey(a => a.Id);
        scorecard.Ignore(a => a.AssessedByUserId);
        scorecard.Ignore(a => a.ConcurrencyStamp);
        builder.EntitySet<ClassEvaluationSummary>("ClassEvaluations").EntityType.HasKey(s => s.ClassId);
        var exchange = builder.EntitySet<BaseExchange>("BaseExchanges").EntityType;
        exchange.HasKey(e => e.Id);
        exchange.ContainsMany(e => e.Parties);
        builder.EntityType<BaseExchangeParty>().HasKey(p => new { p.ExchangeId, p.BaseId });
    }
}
