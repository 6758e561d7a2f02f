using KnowledgeRenewal.Kernel.Persistence;

namespace KnowledgeRenewal.Supervision.Persistence;

/// <summary>
/// Supervision's share of the platform model: every entity configuration of the area (one
/// <c>IEntityTypeConfiguration</c> per entity in this folder). Each feature's scope filters live in its own model part
/// (e.g. <c>InspectionsModel</c>), registered in <see cref="SupervisionArea"/>.
/// </summary>
internal sealed class SupervisionModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model) => model.ApplyConfigurationsOf<SupervisionModel>();
}
