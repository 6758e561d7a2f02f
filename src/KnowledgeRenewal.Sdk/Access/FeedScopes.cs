namespace KnowledgeRenewal.Sdk;

/// <summary>
/// OAuth scopes an integrator client can be granted (client credentials). Every feed scope is read-only.
/// </summary>
public static class FeedScopes
{
    /// <summary>Reference data and catalogs: departments, regions, modules, subjects, rules.</summary>
    public const string Catalog = "feeds.catalog";

    /// <summary>The organization registry (program office, bureaus, departments, providers, employers).</summary>
    public const string Organizations = "feeds.organizations";

    /// <summary>The professionals of the registry (personal data masked; never the ID number).</summary>
    public const string Registry = "feeds.registry";

    /// <summary>Credit records, compliance and certificate metadata (personal data masked).</summary>
    public const string Credits = "feeds.credits";

    /// <summary>Every feed scope.</summary>
    public static IReadOnlyList<string> All { get; } = [Catalog, Organizations, Registry, Credits];
}
