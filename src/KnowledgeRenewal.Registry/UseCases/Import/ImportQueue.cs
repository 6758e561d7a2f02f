using System.Collections.Concurrent;
using System.Threading.Channels;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Sdk;

using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// The requester of an import, frozen when the request was accepted: the worker's database context sees exactly
/// what the requester saw (the same access-scope filter parameters), without a request and without
/// <c>SystemScope</c>. A role change in the seconds between acceptance and processing is not seen.
/// </summary>
public sealed class RequesterAccess(AccessScope scope, Guid? userId, Guid? organizationId, IReadOnlyList<string> roles, string? clientId) : ICurrentAccess
{
    /// <summary>The snapshot of the current caller.</summary>
    public static RequesterAccess Of(ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return new RequesterAccess(access.Scope, access.UserId, access.OrganizationId, [.. access.Roles], access.ClientId);
    }

    /// <inheritdoc />
    public AccessScope Scope { get; } = scope;

    /// <inheritdoc />
    public Guid? UserId { get; } = userId;

    /// <inheritdoc />
    public Guid? OrganizationId { get; } = organizationId;

    /// <inheritdoc />
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <inheritdoc />
    public string? ClientId { get; } = clientId;
}

/// <summary>An accepted import, waiting for the worker.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Kind">Professionals or employers.</param>
/// <param name="Mode">All or nothing, or valid rows only.</param>
/// <param name="FilePath">The uploaded file (deleted when the job ends).</param>
/// <param name="File">What inspection found.</param>
/// <param name="Access">The requester's scope.</param>
/// <param name="Actor">The requester, as the audit log names them.</param>
/// <param name="TargetId">What the file is for, when its kind has a target (a roster: the class).</param>
/// <param name="FileName">The uploaded file's name (rosters name it on every record).</param>
public sealed record ImportWorkItem(Guid JobId, ImportKind Kind, ImportMode Mode, string FilePath, InspectedFile File, RequesterAccess Access, AuditActor Actor, Guid? TargetId = null, string FileName = "");

/// <summary>Accepted imports, in order; bounded (<see cref="ImportOptions.QueueCapacity"/>).</summary>
public sealed class ImportJobChannel(Microsoft.Extensions.Options.IOptions<ImportOptions> options)
{
    private readonly Channel<ImportWorkItem> channel = Channel.CreateBounded<ImportWorkItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues an import; false when the queue is full.</summary>
    public bool TryEnqueue(ImportWorkItem item) => channel.Writer.TryWrite(item);

    /// <summary>The imports, as they come.</summary>
    public IAsyncEnumerable<ImportWorkItem> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Live progress of running imports (the database row is updated only when a phase ends: the import's transaction holds the rest).</summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, Entry> jobs = new();

    /// <summary>A job was queued.</summary>
    public void Track(Guid jobId) => jobs.TryAdd(jobId, new Entry());

    /// <summary>Rows checked so far, and the phase.</summary>
    public void Report(Guid jobId, ImportJobStatus status, int processed)
    {
        if (jobs.TryGetValue(jobId, out var entry))
        {
            entry.Status = status;
            entry.Processed = processed;
        }
    }

    /// <summary>The live state of a running job, if this instance runs it.</summary>
    public (ImportJobStatus Status, int Processed)? Current(Guid jobId) =>
        jobs.TryGetValue(jobId, out var entry) && entry.Status is { } status ? (status, entry.Processed) : null;

    /// <summary>Completes when the job ends; null when this instance does not run it.</summary>
    public Task? WhenFinished(Guid jobId) => jobs.TryGetValue(jobId, out var entry) ? entry.Finished.Task : null;

    /// <summary>The job ended.</summary>
    public void Finish(Guid jobId)
    {
        if (jobs.TryRemove(jobId, out var entry))
        {
            entry.Finished.TrySetResult();
        }
    }

    private sealed class Entry
    {
        public ImportJobStatus? Status { get; set; }

        public int Processed { get; set; }

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
