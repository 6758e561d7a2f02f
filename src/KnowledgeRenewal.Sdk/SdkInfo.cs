namespace KnowledgeRenewal.Sdk;

/// <summary>Version of the module SDK this platform build provides.</summary>
/// <remarks>
/// A module states in <see cref="ModuleManifest.RequiresSdk"/> the SDK version it was built against.
/// It loads when the major versions are equal and the platform's minor version is at least the module's
/// (minor versions only add; a major version may break). See modules/README.md.
/// </remarks>
public static class SdkInfo
{
    /// <summary>The SDK version of this platform build.</summary>
    public static Version Version { get; } = new(1, 2);

    /// <summary>Whether a module built against <paramref name="required"/> can run on SDK <paramref name="provided"/>.</summary>
    public static bool IsCompatible(Version required, Version provided)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(provided);
        return required.Major == provided.Major && required.Minor <= provided.Minor;
    }
}
