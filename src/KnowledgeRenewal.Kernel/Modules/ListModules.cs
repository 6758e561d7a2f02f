using KnowledgeRenewal.Kernel.ReferenceData;
using Mapster;
using MediatR;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Persistence;

namespace KnowledgeRenewal.Kernel.Modules;

/// <summary>Lists modules: the enabled ones, or (for administrators) every installed one with its state.</summary>
/// <param name="IncludeDisabled">Whether installed but disabled modules are listed too.</param>
public sealed record ListModules(bool IncludeDisabled) : IRequest<IReadOnlyList<ModuleSummary>>;

/// <summary>One module as the module list shows it.</summary>
public sealed record ModuleSummary
{
    /// <summary>Module key.</summary>
    public required string Key { get; init; }

    /// <summary>Chinese name.</summary>
    public required string NameZh { get; init; }

    /// <summary>English name.</summary>
    public required string NameEn { get; init; }

    /// <summary>Owning line department.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>The owning department's official name, e.g. 济宁市教育局.</summary>
    public required string DepartmentName { get; init; }

    /// <summary>Module version.</summary>
    public required string Version { get; init; }

    /// <summary>SDK version the module was built against.</summary>
    public required string RequiresSdk { get; init; }

    /// <summary>Whether this deployment enables it.</summary>
    public bool Enabled { get; init; }

    /// <summary>Active subjects in its catalog.</summary>
    public int CatalogSize { get; init; }

    /// <summary>Rule sets it declares.</summary>
    public int RuleSetCount { get; init; }

    /// <summary>Modules it depends on.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary><c>referenced</c>, or the file it was loaded from.</summary>
    public required string Source { get; init; }
}

/// <summary>Handles <see cref="ListModules"/> from the module registry.</summary>
public sealed class ListModulesHandler(ModuleRegistry registry, TypeAdapterConfig mapping)
    : IRequestHandler<ListModules, IReadOnlyList<ModuleSummary>>
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ModuleSummary>> Handle(ListModules request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var modules = request.IncludeDisabled ? registry.Installed : registry.Enabled;
        IReadOnlyList<ModuleSummary> result = modules.Select(m => m.Adapt<ModuleSummary>(mapping)).ToArray();
        return Task.FromResult(result);
    }
}

/// <summary>Mapster mapping of a module descriptor to its summary.</summary>
public sealed class ModuleMappings : IRegister
{
    /// <inheritdoc />
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<ModuleDescriptor, ModuleSummary>()
            .Map(d => d.Key, s => s.Manifest.Key)
            .Map(d => d.NameZh, s => s.Manifest.NameZh)
            .Map(d => d.NameEn, s => s.Manifest.NameEn)
            .Map(d => d.DepartmentCode, s => s.Manifest.DepartmentCode)
            .Map(d => d.DepartmentName, s => JiningReferenceData.DepartmentName(s.Manifest.DepartmentCode))
            .Map(d => d.Version, s => s.Manifest.Version.ToString())
            .Map(d => d.RequiresSdk, s => s.Manifest.RequiresSdk.ToString())
            .Map(d => d.CatalogSize, s => s.ActiveSubjectCount)
            .Map(d => d.RuleSetCount, s => s.Module.RuleSets.Count)
            .Map(d => d.DependsOn, s => s.Manifest.DependsOn);
    }
}
