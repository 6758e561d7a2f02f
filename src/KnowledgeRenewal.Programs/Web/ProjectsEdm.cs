using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using Microsoft.OData.ModelBuilder;

namespace KnowledgeRenewal.Programs.Web;

/// <summary>
/// The program projects (read-only) and their workflow history (Applications history). Expert reviews and public
/// objections are not in the feeds (objections carry private contacts); account links and concurrency stamps are
/// left out. Money is integer fen, so <c>$apply</c> sums are exact on every provider.
/// </summary>
internal sealed class ProjectsEdm : IEdmModelPart
{
    /// <inheritdoc />
    public int Order => 60;

    /// <inheritdoc />
    public void Build(ODataConventionModelBuilder builder)
    {
        var project = builder.EntitySet<Project>("Projects").EntityType;
        project.HasKey(p => p.Id);
        project.Ignore(p => p.ConcurrencyStamp);
        project.Ignore(p => p.CreatedByUserId);
        project.Ignore(p => p.Reviews);
        project.Ignore(p => p.Objections);
        project.Property(p => p.BudgetTotalFen);
        var transition = builder.EntitySet<ProjectTransition>("ProjectTransitions").EntityType;
        transition.HasKey(t => t.Id);
        transition.Ignore(t => t.ActorUserId);
    }
}
