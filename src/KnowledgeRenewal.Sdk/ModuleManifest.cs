namespace KnowledgeRenewal.Sdk;

/// <summary>Who a department module is: the identity the platform lists, routes and toggles it by.</summary>
public sealed record ModuleManifest
{
    /// <summary>
    /// Stable key: lowercase letters, digits and hyphens (e.g. <c>health</c>). It names the configuration
    /// section (<c>Modules:{key}:Enabled</c>), the routes (<c>/api/{key}</c>, <c>/odata/{key}</c>) and table prefixes.
    /// Never change it once data has been recorded.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>Chinese display name, e.g. 卫生健康.</summary>
    public required string NameZh { get; init; }

    /// <summary>English display name, e.g. Health.</summary>
    public required string NameEn { get; init; }

    /// <summary>The line department that owns the module; one of <see cref="Departments"/>.</summary>
    public required string DepartmentCode { get; init; }

    /// <summary>The module's own version.</summary>
    public required Version Version { get; init; }

    /// <summary>The SDK version the module was built against (see <see cref="SdkInfo.IsCompatible"/>).</summary>
    public required Version RequiresSdk { get; init; }

    /// <summary>Keys of other modules that must be present and enabled for this one to start.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>One sentence in Chinese on what the module covers.</summary>
    public string? Description { get; init; }
}
