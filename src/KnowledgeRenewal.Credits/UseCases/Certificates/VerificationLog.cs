using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Credits.UseCases.Certificates;

/// <summary>One verification to log, with the caller it is audited for and when it was accepted (<see cref="Stopwatch"/> ticks).</summary>
/// <param name="Row">The log row.</param>
/// <param name="Actor">The caller (its audit record names them, as when the row was saved in the request).</param>
/// <param name="AcceptedAt">When the entry was accepted.</param>
public sealed record VerificationLogEntry(CertificateVerification Row, AuditActor Actor, long AcceptedAt);

/// <summary>
/// The verification log, written off the request path (ADR 0020): a verification puts its entry into a bounded
/// in-memory channel and answers; <see cref="VerificationLogWorker"/> writes the entries in batches, each in one
/// transaction with its audit records, at most <see cref="CertificateOptions.VerificationLogFlushMilliseconds"/> after
/// they were accepted; a graceful stop writes every entry still waiting. When the channel is full a verification waits
/// for room (back-pressure) up to <see cref="CertificateOptions.VerificationLogWaitMilliseconds"/>, then answers 503
/// <c>certificate.busy</c>: nothing is answered without its entry, and nothing accepted is dropped. After the worker
/// stopped, an entry is written at once, in the request. A singleton.
/// </summary>
public sealed class VerificationLog : IDisposable
{
    /// <summary>The meter of the verification log (entries accepted and written, waits for room, refusals).</summary>
    public const string MeterName = "KnowledgeRenewal.Certificates.VerificationLog";

    private readonly Channel<VerificationLogEntry> channel;
    private readonly IServiceScopeFactory scopes;
    private readonly TimeSpan wait;
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> acceptedCounter;
    private readonly Counter<long> writtenCounter;
    private readonly Counter<long> waitedCounter;
    private readonly Counter<long> refusedCounter;
    private long accepted;
    private long written;
    private volatile bool closed;
    private volatile bool flushRequested;

    /// <summary>Creates the log from the certificates' settings.</summary>
    public VerificationLog(IOptions<CertificateOptions> options, IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        this.scopes = scopes;
        wait = TimeSpan.FromMilliseconds(Math.Max(0, settings.VerificationLogWaitMilliseconds));
        FlushInterval = TimeSpan.FromMilliseconds(Math.Max(1, settings.VerificationLogFlushMilliseconds));
        BatchSize = Math.Max(1, settings.VerificationLogBatch);
        channel = Channel.CreateBounded<VerificationLogEntry>(new BoundedChannelOptions(Math.Max(1, settings.VerificationLogCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        acceptedCounter = meter.CreateCounter<long>("verification_log.accepted", description: "Verification log entries accepted.");
        writtenCounter = meter.CreateCounter<long>("verification_log.written", description: "Verification log entries committed.");
        waitedCounter = meter.CreateCounter<long>("verification_log.waited", description: "Verifications that waited for room in the full log.");
        refusedCounter = meter.CreateCounter<long>("verification_log.refused", description: "Verifications refused (503) because the log stayed full.");
    }

    /// <summary>How long after its acceptance an entry is committed at the latest (the loss on <c>kill -9</c>).</summary>
    public TimeSpan FlushInterval { get; }

    /// <summary>The most entries one batch holds.</summary>
    public int BatchSize { get; }

    /// <summary>Entries waiting for the writer.</summary>
    public int Waiting => channel.Reader.Count;

    internal ChannelReader<VerificationLogEntry> Reader => channel.Reader;

    /// <summary>Whether <see cref="FlushAsync"/> asked the worker to write now; reading it clears it.</summary>
    internal bool TakeFlushRequest()
    {
        if (!flushRequested)
        {
            return false;
        }

        flushRequested = false;
        return true;
    }

    /// <summary>
    /// Accepts the entry of one verification (the caller answers after this). Waits for room when the log is full and
    /// throws 503 <c>certificate.busy</c> if none comes in time.
    /// </summary>
    public async ValueTask AppendAsync(CertificateVerification row, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(actor);
        var entry = new VerificationLogEntry(row, actor, Stopwatch.GetTimestamp());
        if (channel.Writer.TryWrite(entry))
        {
            Accepted();
            return;
        }

        if (closed)
        {
            await WriteNowAsync(entry, cancellationToken).ConfigureAwait(false);
            return;
        }

        waitedCounter.Add(1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await channel.Writer.WriteAsync(entry, timeout.Token).ConfigureAwait(false);
            Accepted();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            refusedCounter.Add(1);
            throw new CertificateException(CertificateProblemCodes.Busy, 503, "当前核验请求过多，请稍后再试。");
        }
        catch (ChannelClosedException)
        {
            await WriteNowAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until every entry accepted before the call is committed (asks the worker to write now).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref accepted);
        while (Interlocked.Read(ref written) < target)
        {
            flushRequested = true;
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops accepting into the channel (the worker is stopping): later entries are written at once.</summary>
    internal void Close()
    {
        closed = true;
        channel.Writer.TryComplete();
    }

    /// <summary>Writes <paramref name="entries"/> in one transaction: the rows and their audit records.</summary>
    internal async Task WriteAsync(IReadOnlyList<VerificationLogEntry> entries, CancellationToken cancellationToken)
    {
        using var system = SystemScope.Enter();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<IBulkAuditWriter>();
        await VerificationLogWriter.WriteAsync(db, audit, entries, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref written, entries.Count);
        writtenCounter.Add(entries.Count);
    }

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();

    private void Accepted()
    {
        Interlocked.Increment(ref accepted);
        acceptedCounter.Add(1);
    }

    private async Task WriteNowAsync(VerificationLogEntry entry, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref accepted);
        acceptedCounter.Add(1);
        await WriteAsync([entry], cancellationToken).ConfigureAwait(false);
    }
}
