using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Credits.UseCases.Compliance;

/// <summary>Runs <see cref="BulkRecomputation"/> for one year in a scope of its own (<see cref="IComplianceRecomputation"/>).</summary>
internal sealed class RecomputeYear(ComplianceRules rules, BulkRecomputation bulk, IServiceScopeFactory scopes) : IComplianceRecomputation
{
    /// <inheritdoc />
    public IReadOnlyList<string> ModuleScopes => [.. rules.All.Skip(1).Select(b => b.Scope)];

    /// <inheritdoc />
    public bool IsScope(string scope) => rules.Book(scope) is not null;

    /// <inheritdoc />
    public async Task<RecomputationSummary> RecomputeYearAsync(int year, string? scope, AuditActor actor, IProgress<RecomputationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var outcome = await bulk.RunAsync(db, [year], scope, actor, new Relay(progress), cancellationToken).ConfigureAwait(false);
        var counts = outcome.Counts;
        return new RecomputationSummary(outcome.People, outcome.Records, counts.Inserted, counts.Updated, counts.Deleted, counts.Unchanged, outcome.Elapsed);
    }

    // Reports on the caller's thread, in order (Progress<T> would post to the thread pool).
    private sealed class Relay(IProgress<RecomputationProgress> to) : IProgress<BulkProgress>
    {
        public void Report(BulkProgress value) => to.Report(new RecomputationProgress(value.Total, value.Done));
    }
}
