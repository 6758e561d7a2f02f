using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Programs.Web;

/// <summary>
/// The annual plans with their flat targets (<c>PlanTargets?$apply=groupby((Year,Kind),aggregate(Trainees with sum as Trainees))</c>).
/// Progress is computed at <c>/api/annual-plans/{year}</c>.
/// </summary>
internal sealed class PlansEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 80;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var plan = builder.EntitySet<AnnualPlan>("AnnualPlans").EntityType;
        plan.HasKey(p => p.Id);
        plan.Ignore(p => p.UpdatedByUserId);
        plan.Ignore(p => p.ConcurrencyStamp);
        builder.EntitySet<PlanTarget>("PlanTargets").EntityType.HasKey(t => t.Id);
    }
}
