using KnowledgeRenewal.Sdk;
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

    /// <inheritdoc />
    public void Describe(EdmDescriptions descriptions)
    {
        ArgumentNullException.ThrowIfNull(descriptions);
        descriptions.Set("AnnualPlans", "年度计划").Set("PlanTargets", "年度计划目标")
            .Properties(
                ("Scope", "计划范围"), ("ScopeCode", "范围代码（区县或行业主管部门）"), ("EnforceShares", "是否强制分解份额"), ("Notes", "说明"),
                ("UpdatedByName", "最后修改人"), ("Targets", "目标"), ("PlanTarget.Kind", "目标类别"), ("Key", "目标对象（项目类型、区县或部门代码）"),
                ("Projects", "目标项目数"), ("Trainees", "目标培训人数"))
            .Enum<PlanScope>(PlanShareRules.ScopeName).Enum(AnnualPlanRules.KindNames);
    }
}
