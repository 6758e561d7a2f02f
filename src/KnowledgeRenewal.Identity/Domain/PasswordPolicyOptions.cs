namespace KnowledgeRenewal.Identity.Domain;

/// <summary>Configuration section <c>Security:Passwords</c>.</summary>
public sealed class PasswordPolicyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Security:Passwords";

    /// <summary>MLPS 2.0 (等保) mode: at least 8 characters from 3 of 4 classes; on by default.</summary>
    public bool MlpsMode { get; set; } = true;

    /// <summary>Minimum length (MLPS mode never goes below 8).</summary>
    public int MinimumLength { get; set; } = 8;

    /// <summary>Days after which a password must be changed; 0 turns rotation off.</summary>
    public int RotationDays { get; set; } = 90;

    /// <summary>The effective minimum length.</summary>
    public int EffectiveMinimumLength => MlpsMode ? Math.Max(8, MinimumLength) : Math.Max(6, MinimumLength);
}
