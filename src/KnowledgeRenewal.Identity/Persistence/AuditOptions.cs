using System.Globalization;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>Configuration section <c>Audit</c> (the chain key, <c>Audit:ChainKey</c>, is read by <see cref="AuditKey"/>).</summary>
internal sealed class AuditOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Audit";

    /// <summary>Audit records are kept at least this long (MLPS 2.0 / 网络安全法 第二十一条: logs kept ≥ 6 months).</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>Days records are kept before the purge removes them; at least <see cref="MinimumRetentionDays"/>.</summary>
    public int RetentionDays { get; set; } = MinimumRetentionDays;

    /// <summary>Whether the background purge runs (the purge endpoint works either way).</summary>
    public bool PurgeEnabled { get; set; } = true;

    /// <summary>Time between two background purges.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Time from start-up to the first background purge.</summary>
    public TimeSpan PurgeInitialDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The retention the purge applies: never less than <see cref="MinimumRetentionDays"/>, whatever is configured.</summary>
    public int EffectiveRetentionDays => Math.Max(RetentionDays, MinimumRetentionDays);

    /// <summary>Problems with these options, each with its fix (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (RetentionDays < MinimumRetentionDays)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"Audit:RetentionDays is {RetentionDays}, but audit records must be kept at least {MinimumRetentionDays} days (MLPS 2.0 level 3; Cybersecurity Law art. 21). Set Audit:RetentionDays to {MinimumRetentionDays} or more, or remove it to use the default of {MinimumRetentionDays}."));
        }

        if (PurgeInterval < TimeSpan.FromMinutes(1))
        {
            problems.Add($"Audit:PurgeInterval is {PurgeInterval}; set it to at least 00:01:00 (default 1.00:00:00, once a day), or set Audit:PurgeEnabled=false.");
        }

        if (PurgeInitialDelay < TimeSpan.Zero)
        {
            problems.Add($"Audit:PurgeInitialDelay is {PurgeInitialDelay}; it cannot be negative.");
        }

        return problems;
    }
}
