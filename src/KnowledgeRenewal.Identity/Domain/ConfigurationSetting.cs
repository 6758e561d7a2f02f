namespace KnowledgeRenewal.Identity.Domain;

/// <summary>One setting as the platform last started with (a secret's value is kept only as a short hash).</summary>
public sealed class ConfigurationSetting
{
    /// <summary>The configuration key, e.g. <c>Modules:health:Enabled</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The value (or a hash fingerprint of a secret).</summary>
    public string? Value { get; set; }

    /// <summary>When it last changed (UTC).</summary>
    public DateTime ChangedAt { get; set; }
}
