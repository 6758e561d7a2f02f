using System.Globalization;
using System.Runtime.CompilerServices;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>
/// Records every write of business data through <c>SaveChanges</c> in the same transaction as the write: one
/// <c>data.create</c> / <c>data.update</c> / <c>data.delete</c> record per entity type and action per
/// <c>SaveChanges</c> (so a bulk insert of 10,000 rows is one record with <c>count=10000</c>), naming up to
/// <see cref="AuditKeys.MaxKeys"/> keys and, for updates, the changed properties — never values, which may be personal data.
/// If the context has no transaction, one is begun before the save and committed after the audit records are
/// written; if writing them fails, it is rolled back and the save fails. Registered once (singleton) and added to
/// the platform's and every module's context with <see cref="AuditDbContextOptionsExtensions.AddPlatformAudit"/>.
/// <para>
/// Not seen: set-based <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> and raw SQL, which bypass <c>SaveChanges</c> —
/// record those with <see cref="IAuditTrail"/> where they are used.
/// </para>
/// </summary>
internal sealed class AuditSaveChangesInterceptor(AuditWriter writer, IAuditActorProvider actors) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingAudit> pending = [];

    /// <summary>Whether writes of <paramref name="entityType"/> are audited (the audit log itself, bookkeeping and tokens are not).</summary>
    public static bool IsAudited(IEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var type = entityType.ClrType;
        return type != typeof(AuditRecord)
            && type != typeof(AuditChainHead)
            && type != typeof(DemoSeedRun)
            && type != typeof(EventDelivery) // delivery bookkeeping; subscriptions and replays are audited by their use cases
            && type != typeof(Kernel.Events.OutboxEvent)
            && type != typeof(IdentityUserToken<Guid>)
            && type.Namespace?.StartsWith("OpenIddict.", StringComparison.Ordinal) != true;
    }

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        BeginAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await BeginAsync(eventData.Context, sync: false, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        CompleteAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await CompleteAsync(eventData.Context, sync: false, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        AbandonAsync(eventData.Context, sync: true).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AbandonAsync(eventData.Context, sync: false);
    }

    /// <inheritdoc />
    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        AbandonAsync(eventData.Context, sync: true).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AbandonAsync(eventData.Context, sync: false);
    }

    /// <inheritdoc />
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        // EF reports a concurrency conflict here instead of SaveChangesFailed.
        ArgumentNullException.ThrowIfNull(eventData);
        if (!result.IsSuppressed)
        {
            AbandonAsync(eventData.Context, sync: true).GetAwaiter().GetResult();
        }

        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!result.IsSuppressed)
        {
            await AbandonAsync(eventData.Context, sync: false).ConfigureAwait(false);
        }

        return result;
    }

    private async Task BeginAsync(DbContext? context, bool sync, CancellationToken cancellationToken)
    {
        if (context is null)
        {
            return;
        }

        // A save that failed without telling us (e.g. a concurrency conflict the caller resolves and retries) may
        // have left our transaction open: keep owning it.
        IDbContextTransaction? owned = null;
        if (pending.TryGetValue(context, out var stale))
        {
            pending.Remove(context);
            owned = ReferenceEquals(stale.Owned, context.Database.CurrentTransaction) ? stale.Owned : null;
        }

        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        var changes = new List<Change>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if ((entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) && IsAudited(entry.Metadata))
            {
                changes.Add(Change.Of(entry));
            }
        }

        if (changes.Count == 0 && owned is null)
        {
            return;
        }

        if (owned is null && context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null)
        {
            owned = sync
                ? context.Database.BeginTransaction()
                : await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        }

        pending.AddOrUpdate(context, new PendingAudit(changes, owned));
    }

    private async Task CompleteAsync(DbContext? context, bool sync, CancellationToken cancellationToken)
    {
        if (context is null || !pending.TryGetValue(context, out var audit))
        {
            return;
        }

        pending.Remove(context);
        try
        {
            var entries = Summarize(audit.Changes, actors.Current);
            if (entries.Count > 0)
            {
                await writer.AppendCoreAsync(AuditSql.For(context), entries, sync, cancellationToken).ConfigureAwait(false);
            }

            if (audit.Owned is { } transaction)
            {
                if (sync)
                {
                    transaction.Commit();
                    transaction.Dispose();
                }
                else
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        catch
        {
            await RollBackAsync(audit.Owned, sync).ConfigureAwait(false);
            throw;
        }
    }

    private async Task AbandonAsync(DbContext? context, bool sync)
    {
        if (context is not null && pending.TryGetValue(context, out var audit))
        {
            pending.Remove(context);
            await RollBackAsync(audit.Owned, sync).ConfigureAwait(false);
        }
    }

    private static async Task RollBackAsync(IDbContextTransaction? transaction, bool sync)
    {
        if (transaction is null)
        {
            return;
        }

        try
        {
            if (sync)
            {
                transaction.Rollback();
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The original failure is what the caller must see; a failed rollback ends with the connection anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            if (sync)
            {
                transaction.Dispose();
            }
            else
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static List<AuditEntry> Summarize(List<Change> changes, AuditActor actor)
    {
        var entries = new List<AuditEntry>();
        foreach (var group in changes.GroupBy(c => (c.EntityType, c.Action)))
        {
            var items = group.ToList();
            var entityKey = AuditKeys.Join(items, c => c.Key());
            var details = string.Create(CultureInfo.InvariantCulture, $"count={items.Count}");
            if (group.Key.Action == AuditActions.DataUpdated)
            {
                var properties = items.SelectMany(c => c.Properties).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                details += "; properties=" + string.Join(",", properties);
            }

            entries.Add(new AuditEntry(actor, new AuditEvent(group.Key.Action, AuditOutcome.Success, group.Key.EntityType, entityKey, details)));
        }

        return entries;
    }

    private static string TypeName(IEntityType entityType)
    {
        if (entityType.HasSharedClrType)
        {
            return entityType.ShortName();
        }

        var type = entityType.ClrType;
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(",", type.GetGenericArguments().Select(a => a.Name))}>";
    }

    private static string FormatKey(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "?";
        }

        return string.Join("|", key.Properties.Select(p => entry.Property(p.Name).CurrentValue switch
        {
            null => "",
            Guid guid => guid.ToString("D"),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? "",
        }));
    }

    private sealed record PendingAudit(List<Change> Changes, IDbContextTransaction? Owned);

    /// <summary>One changed entity. Keys of new rows are read after the save, when the database has generated them.</summary>
    private sealed class Change
    {
        private readonly EntityEntry entry;
        private readonly string? knownKey;

        private Change(EntityEntry entry, string entityType, string action, string? knownKey, IReadOnlyList<string> properties)
        {
            this.entry = entry;
            this.knownKey = knownKey;
            EntityType = entityType;
            Action = action;
            Properties = properties;
        }

        public string EntityType { get; }

        public string Action { get; }

        public IReadOnlyList<string> Properties { get; }

        public static Change Of(EntityEntry entry) => entry.State switch
        {
            EntityState.Added => new Change(entry, TypeName(entry.Metadata), AuditActions.DataCreated, null, []),
            EntityState.Deleted => new Change(entry, TypeName(entry.Metadata), AuditActions.DataDeleted, FormatKey(entry), []),
            _ => new Change(
                entry,
                TypeName(entry.Metadata),
                AuditActions.DataUpdated,
                FormatKey(entry),
                entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray()),
        };

        public string Key() => knownKey ?? FormatKey(entry);
    }
}

/// <summary>Adds the audit interceptor to a database context.</summary>
internal static class AuditDbContextOptionsExtensions
{
    /// <summary>
    /// Adds the platform's <see cref="AuditSaveChangesInterceptor"/> (registered by
    /// <see cref="AuditServiceCollectionExtensions.AddPlatformAudit"/>) to the context's options; adding it twice
    /// has no further effect.
    /// </summary>
    public static DbContextOptionsBuilder AddPlatformAudit(this DbContextOptionsBuilder options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        var interceptor = services.GetRequiredService<AuditSaveChangesInterceptor>();
        var present = options.Options.FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(interceptor) == true;
        return present ? options : options.AddInterceptors(interceptor);
    }
}
