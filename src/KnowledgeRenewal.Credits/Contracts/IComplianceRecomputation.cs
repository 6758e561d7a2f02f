using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.Credits.Contracts;

/// <summary>
/// Recomputes a whole year's compliance at once — the operator's <c>recompute-compliance</c> command. The same bulk
/// recomputation the recompute jobs of the API run; the caller acts as the platform (<c>SystemScope</c>).
/// </summary>
public interface IComplianceRecomputation
{
    /// <summary>The scopes one may name: the enabled modules' keys (the platform's own book is <c>platform</c>).</summary>
    IReadOnlyList<string> ModuleScopes { get; }

    /// <summary>Whether <paramref name="scope"/> names a rule book (<c>platform</c> or an enabled module).</summary>
    bool IsScope(string scope);

    /// <summary>
    /// Recomputes <paramref name="year"/> for everyone (or one scope's people), reporting each chunk's progress, and
    /// audits it for <paramref name="actor"/>.
    /// </summary>
    Task<RecomputationSummary> RecomputeYearAsync(int year, string? scope, AuditActor actor, IProgress<RecomputationProgress> progress, CancellationToken cancellationToken);
}

/// <summary>How far a recomputation is.</summary>
/// <param name="Total">Person-cycles to look at.</param>
/// <param name="Done">Person-cycles looked at.</param>
public readonly record struct RecomputationProgress(int Total, int Done);

/// <summary>What a recomputation did.</summary>
/// <param name="People">Person-cycles evaluated.</param>
/// <param name="Records">Credit records read.</param>
/// <param name="Inserted">Compliance rows added.</param>
/// <param name="Updated">Rows whose values changed.</param>
/// <param name="Deleted">Rows removed (the person's cycle is now another one).</param>
/// <param name="Unchanged">Rows that were right already.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record RecomputationSummary(int People, long Records, int Inserted, int Updated, int Deleted, int Unchanged, TimeSpan Elapsed);
