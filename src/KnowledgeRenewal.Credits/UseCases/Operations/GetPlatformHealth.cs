using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.Persistence;
using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain.Import;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KnowledgeRenewal.Credits.UseCases.Operations;

/// <summary>
/// The platform's health for the system administrator: the database (the same readiness checks as
/// <c>/health/ready</c>, the provider, migrations applied and pending) and background work (import and roster jobs of
/// the last <see cref="RecentDays"/> days, this instance's compliance recomputations, the last audit purge) — counts
/// and times only, no personal data.
/// </summary>
/// <remarks>
/// It lives in the credit-hours area, the last area that sees all of it: the registry's import jobs and the audit log
/// through their areas' contracts, and its own recomputation jobs (which no later area may read).
/// </remarks>
internal sealed record GetPlatformHealth : IRequest<PlatformHealth>
{
    /// <summary>How far back failed jobs are counted.</summary>
    public const int RecentDays = 7;
}

/// <summary>The platform's health.</summary>
/// <param name="CheckedAt">When it was read (UTC).</param>
/// <param name="Database">The database.</param>
/// <param name="Imports">Import and roster jobs.</param>
/// <param name="Recomputes">Compliance recomputations of this instance.</param>
/// <param name="LastAuditPurge">The last purge of the audit log, if any.</param>
internal sealed record PlatformHealth(DateTime CheckedAt, DatabaseHealth Database, ImportHealth Imports, RecomputeHealth Recomputes, AuditPurgeInfo? LastAuditPurge)
{
    /// <summary>Whether everything is well: the database ready, no migration pending, nothing failed recently.</summary>
    public bool AllWell => Database.Ready && Database.PendingMigrations.Count == 0 && Imports.FailedRecently == 0 && Recomputes.Failed == 0;
}

/// <summary>The database's health.</summary>
/// <param name="Ready">Whether the readiness checks pass.</param>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Checks">Each readiness check.</param>
/// <param name="Provider">The database product (PostgreSQL, SQLite).</param>
/// <param name="AppliedMigrations">Migrations applied.</param>
/// <param name="LastMigration">The newest applied migration.</param>
/// <param name="PendingMigrations">Migrations not applied yet.</param>
internal sealed record DatabaseHealth(bool Ready, string Status, IReadOnlyList<HealthCheckLine> Checks, string Provider, int AppliedMigrations, string? LastMigration, IReadOnlyList<string> PendingMigrations);

/// <summary>One readiness check.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Milliseconds">How long it took.</param>
/// <param name="Description">What it said, if anything.</param>
internal sealed record HealthCheckLine(string Name, string Status, double Milliseconds, string? Description);

/// <summary>Import and roster jobs.</summary>
/// <param name="Running">Queued, validating or importing now.</param>
/// <param name="FailedRecently">Failed in the last days.</param>
/// <param name="CompletedRecently">Completed in the last days.</param>
/// <param name="LastFailure">The newest failure, if any.</param>
internal sealed record ImportHealth(int Running, int FailedRecently, int CompletedRecently, JobFailure? LastFailure);

/// <summary>A failed job.</summary>
/// <param name="At">When it ended (UTC).</param>
/// <param name="Kind">What kind of job, in words.</param>
/// <param name="Reason">Why, in Chinese.</param>
internal sealed record JobFailure(DateTime At, string Kind, string? Reason);

/// <summary>Compliance recomputations this instance knows.</summary>
/// <param name="Running">Queued or running.</param>
/// <param name="Completed">Completed.</param>
/// <param name="Failed">Failed.</param>
/// <param name="Latest">The newest job (without who asked for it: the administrator's view names no accounts).</param>
internal sealed record RecomputeHealth(int Running, int Completed, int Failed, RecomputeBrief? Latest);

/// <summary>A recomputation job as the health shows it.</summary>
/// <param name="Year">The year recomputed.</param>
/// <param name="Status">Queued, Running, Completed or Failed.</param>
/// <param name="StatusLabel">In Chinese.</param>
/// <param name="RequestedAt">When it was asked for (UTC).</param>
/// <param name="CompletedAt">When it ended (UTC).</param>
/// <param name="FailureReason">Why it failed, in Chinese.</param>
internal sealed record RecomputeBrief(int Year, RecomputeJobStatus Status, string StatusLabel, DateTime RequestedAt, DateTime? CompletedAt, string? FailureReason);

/// <summary>The last audit purge.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="Purged">Records removed.</param>
/// <param name="RetentionDays">The retention applied.</param>
internal sealed record AuditPurgeInfo(DateTime At, long? Purged, int? RetentionDays);

/// <summary>Handles <see cref="GetPlatformHealth"/>.</summary>
internal sealed partial class GetPlatformHealthHandler(PlatformDbContext db, HealthCheckService checks, TimeProvider clock)
    : IRequestHandler<GetPlatformHealth, PlatformHealth>
{
    /// <inheritdoc />
    public async Task<PlatformHealth> Handle(GetPlatformHealth request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow().UtcDateTime;
        return new PlatformHealth(
            now,
            await DatabaseAsync(cancellationToken).ConfigureAwait(false),
            await ImportsAsync(now.AddDays(-GetPlatformHealth.RecentDays), cancellationToken).ConfigureAwait(false),
            await RecomputesAsync(cancellationToken).ConfigureAwait(false),
            await LastPurgeAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<DatabaseHealth> DatabaseAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(check => check.Tags.Contains("ready"), cancellationToken).ConfigureAwait(false);
        var lines = report.Entries.Select(e => new HealthCheckLine(e.Key, e.Value.Status.ToString(), e.Value.Duration.TotalMilliseconds, e.Value.Description)).ToList();
        IReadOnlyList<string> applied = [];
        IReadOnlyList<string> pending = [];
        if (report.Status != HealthStatus.Unhealthy)
        {
            applied = [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)];
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)];
        }

        var provider = db.Database.ProviderName switch
        {
            { } name when name.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) => "PostgreSQL",
            { } name when name.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) => "SQLite",
            var name => name ?? "--",
        };
        return new DatabaseHealth(report.Status == HealthStatus.Healthy, report.Status.ToString(), lines, provider, applied.Count, applied.Count > 0 ? applied[^1] : null, pending);
    }

    private async Task<ImportHealth> ImportsAsync(DateTime since, CancellationToken cancellationToken)
    {
        // Counts over every job (no rows, no names): the administrator's scope reaches no business data.
        var jobs = db.ImportJobs.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking();
        ImportJobStatus[] active = [ImportJobStatus.Queued, ImportJobStatus.Validating, ImportJobStatus.Importing];
        var running = await jobs.CountAsync(j => active.Contains(j.Status), cancellationToken).ConfigureAwait(false);
        var failed = await jobs.CountAsync(j => j.Status == ImportJobStatus.Failed && j.CreatedAt >= since, cancellationToken).ConfigureAwait(false);
        var completed = await jobs.CountAsync(j => j.Status == ImportJobStatus.Completed && j.CreatedAt >= since, cancellationToken).ConfigureAwait(false);
        var last = await jobs.Where(j => j.Status == ImportJobStatus.Failed)
            .OrderByDescending(j => j.CreatedAt)
            .Select(j => new { j.Kind, j.CreatedAt, j.CompletedAt, j.FailureReason })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new ImportHealth(running, failed, completed, last is null ? null : new JobFailure(last.CompletedAt ?? last.CreatedAt, KindName(last.Kind), last.FailureReason));
    }

    private async Task<RecomputeHealth> RecomputesAsync(CancellationToken cancellationToken)
    {
        var views = (await RecomputeJobStore.RecentAsync(db, cancellationToken).ConfigureAwait(false)).Select(RecomputeJobView.Of).ToList();
        return new RecomputeHealth(
            views.Count(v => v.Status is RecomputeJobStatus.Queued or RecomputeJobStatus.Running),
            views.Count(v => v.Status == RecomputeJobStatus.Completed),
            views.Count(v => v.Status == RecomputeJobStatus.Failed),
            views.FirstOrDefault() is { } latest ? new RecomputeBrief(latest.Year, latest.Status, latest.StatusLabel, latest.RequestedAt, latest.CompletedAt, latest.FailureReason) : null);
    }

    private async Task<AuditPurgeInfo?> LastPurgeAsync(CancellationToken cancellationToken)
    {
        // Only the purge's own record (its time and counts), which the audit log's access filter would hide from this role.
        var purge = await db.AuditRecords.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .Where(r => r.Action == AuditActions.AuditPurged)
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.OccurredAt, r.Details })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return purge is null ? null : new AuditPurgeInfo(purge.OccurredAt, Number(CountPattern(), purge.Details), (int?)Number(RetentionPattern(), purge.Details));
    }

    private static long? Number(Regex pattern, string? text) =>
        text is not null && pattern.Match(text) is { Success: true } match && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.Professionals => "专业技术人员导入",
        ImportKind.Employers => "用人单位导入",
        _ => "培训名单上传",
    };

    [GeneratedRegex(@"count=(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"retentionDays=(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex RetentionPattern();
}
