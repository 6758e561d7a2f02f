using KnowledgeRenewal.Kernel.Access;

namespace KnowledgeRenewal.Identity.Domain;

/// <summary>
/// Permissions granted to individual accounts on top of their roles (claims of type
/// <see cref="PlatformClaims.Permission"/>, granted by security administrators and audited).
/// </summary>
public static class PlatformPermissions
{
    /// <summary>May see personal data unmasked (stating a purpose; every unmasking is audited).</summary>
    public const string UnmaskPersonalData = "personal-data.unmask";

    /// <summary>Every permission.</summary>
    public static IReadOnlyList<string> All { get; } = [UnmaskPersonalData];
}
