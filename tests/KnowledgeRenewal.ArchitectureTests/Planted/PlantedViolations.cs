using KnowledgeRenewal.ArchitectureTests.Planted.Credits.Domain;
using KnowledgeRenewal.ArchitectureTests.Planted.Credits.UseCases;
using Microsoft.EntityFrameworkCore;

// Deliberate violations of the area rules, in a namespace of their own: AreaBoundaryTests runs the rules on them to
// show that each rule fails when broken. Nothing uses these types.
namespace KnowledgeRenewal.ArchitectureTests.Planted
{
    /// <summary>The namespace root of the planted areas.</summary>
    internal static class PlantedAreas
    {
        public const string Root = "KnowledgeRenewal.ArchitectureTests.Planted";
    }
}

namespace KnowledgeRenewal.ArchitectureTests.Planted.Credits.Domain
{
    /// <summary>Another area's published domain type.</summary>
    public sealed record CreditFact(int Hours);
}

namespace KnowledgeRenewal.ArchitectureTests.Planted.Credits.UseCases
{
    /// <summary>Another area's use case (internal to it).</summary>
    public sealed class CreditHandler
    {
        public int Count { get; } = 1;

        public int Handle() => Count;
    }
}

namespace KnowledgeRenewal.ArchitectureTests.Planted.Registry.Web
{
    /// <summary>Breaks the rule: uses another area's use case.</summary>
    public sealed class ReachesIntoCredits
    {
        public CreditHandler Handler { get; } = new();

        public int Call() => Handler.Handle();
    }

    /// <summary>Keeps the rule: uses another area's domain.</summary>
    public sealed class UsesPublishedSurface
    {
        public CreditFact Fact { get; } = new(3);

        public int Read() => Fact.Hours;
    }
}

namespace KnowledgeRenewal.ArchitectureTests.Planted.Registry.Domain
{
    /// <summary>Breaks the rule: a domain type that knows EF Core.</summary>
    public sealed class LeakyRule
    {
        public DbContext? Context { get; set; }
    }

    /// <summary>Keeps the rule: a plain domain type.</summary>
    public sealed class PureRule
    {
        public int Limit { get; set; } = 3;
    }
}
