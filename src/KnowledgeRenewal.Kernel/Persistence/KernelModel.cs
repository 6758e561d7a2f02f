using KnowledgeRenewal.Kernel.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>The kernel's share of the model: reference data and the demo seed runs.</summary>
internal sealed class KernelModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ApplyConfigurationsOf<KernelModel>();
    }

    /// <inheritdoc />
    public void ConfigureConventions(ModelConfigurationBuilder conventions) =>
        conventions.Properties<RegionKind>().HaveConversion<string>().HaveMaxLength(24);
}
