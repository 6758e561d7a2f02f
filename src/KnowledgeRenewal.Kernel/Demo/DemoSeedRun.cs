using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.ReferenceData;

namespace KnowledgeRenewal.Kernel.Demo;

/// <summary>Records that a demo seeder has run on this database.</summary>
public sealed class DemoSeedRun
{
    /// <summary>The seeder's key.</summary>
    public required string SeederKey { get; init; }

    /// <summary>The seeder's data-set version that ran.</summary>
    public int Version { get; set; }

    /// <summary>When it ran (UTC).</summary>
    public DateTime SeededAt { get; set; }
}
