using KnowledgeRenewal.Identity.Contracts;
using System.Threading.Channels;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.UseCases.PersonalData;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Registry.UseCases.Import;

/// <summary>
/// Runs one import job, in two stages that overlap on their own threads: the file's rows are read (MiniExcel or
/// Sylvan), checked by the field rules, hashed and encrypted; then — in batches, one look-up query per kind per
/// batch — resolved against the registry and written with prepared statements into ONE transaction on a database
/// context that has the requester's scope. Every row is checked even after a bad one; the transaction commits only
/// when the file is clean (all or nothing, the default) and rolls back otherwise, so a bad row anywhere, a database
/// fault or a crash leaves nothing behind. In valid-rows-only mode the writes wait until every row is checked, so
/// duplicates found late are left out too. The import's audit records and the job's outcome are written in the same
/// transaction.
/// </summary>
internal sealed partial class ImportProcessor(
    IServiceScopeFactory scopes,
    IdNumberHasher hasher,
    IPersonalDataProtector protector,
    IBulkAuditWriter auditWriter,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ImportProgress progress,
    ChangeTombstones tombstones,
    ILogger<ImportProcessor> logger)
{
    /// <summary>Runs the job to its end and records the outcome; never throws for a bad file or a database fault.</summary>
    public async Task<ImportOutcome> RunAsync(ImportWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        progress.Report(item.JobId, ImportJobStatus.Validating, 0);
        await BookkeepingAsync(db => ImportJobStore.StartAsync(db, item.JobId, clock.GetUtcNow().UtcDateTime, cancellationToken)).ConfigureAwait(false);
        ImportOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = ActivatorUtilities.CreateInstance<PlatformDbContext>(scope.ServiceProvider, item.Access);
            (outcome, var recorded) = item.Kind switch
            {
                ImportKind.Employers => await EmployersAsync(db, item, scope.ServiceProvider.GetServices<IEmployerOwnershipFollower>(), cancellationToken).ConfigureAwait(false),
                ImportKind.Roster => await scope.ServiceProvider.GetRequiredService<IRosterImport>().RunAsync(db, item, cancellationToken).ConfigureAwait(false),
                _ => await ProfessionalsAsync(db, item, cancellationToken).ConfigureAwait(false),
            };
            if (recorded)
            {
                return outcome;
            }
        }
        catch (Exception exception) when (Unwrap(exception) is ImportFileException file)
        {
            // The file turned out damaged while reading it (inspection passed): a report, not a server error.
            var error = new ImportError(0, "", "file", file.Code, file.Detail ?? file.Title);
            outcome = new ImportOutcome(ImportJobStatus.Rejected, 0, 0, 0, 0, 0, 1, ImportJobs.Serialize([error]), file.Detail);
        }
        catch (Exception exception) when (Unwrap(exception) is ImportConcurrencyException stale)
        {
            outcome = Failure($"导入期间，第 {stale.Row} 行对应的记录被他人修改。本次导入未写入任何数据，请重新导入。");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = Failure("平台正在停止，本次导入已中止，未写入任何数据，请稍后重新上传。");
            await BookkeepingAsync(db => ImportJobStore.FinishAsync(db, item.JobId, outcome, clock.GetUtcNow().UtcDateTime, CancellationToken.None)).ConfigureAwait(false);
            throw;
        }
#pragma warning disable CA1031 // Any other failure (database fault, bug) fails the job — its transaction rolled back — and is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ImportFailed(logger, item.JobId, exception);
            outcome = Failure("导入时发生系统错误（如数据库故障），本次导入未写入任何数据。请稍后重新上传；如反复出现，请联系运维人员（任务编号 " + item.JobId.ToString("D") + "）。");
        }

        await BookkeepingAsync(db => ImportJobStore.FinishAsync(db, item.JobId, outcome, clock.GetUtcNow().UtcDateTime, CancellationToken.None)).ConfigureAwait(false);
        return outcome;
    }

    private async Task<(ImportOutcome Outcome, bool Recorded)> ProfessionalsAsync(PlatformDbContext db, ImportWorkItem item, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ProgramCalendar.Today(clock);
        var header = item.File.Header;
        var errors = new ImportErrorCollector(settings.MaxReportedErrors);
        var rules = new ProfessionalImportRules(header, today, now, item.Access.Scope, hasher, protector);
        var duplicates = new DuplicateRows(header, "idNumber", "身份证号");
        var lookups = new RegistryImportLookups(db);
        var (regions, departments) = await lookups.ReferenceCodesAsync(cancellationToken).ConfigureAwait(false);
        var employers = new Dictionary<string, EmployerRef>(StringComparer.Ordinal);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var deferred = item.Mode == ImportMode.ValidRowsOnly ? new List<ProfessionalChange>() : null;
        var refused = new List<string>();

        await using var cache = await SqliteTuning.LargerCacheAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using var writer = new ProfessionalBulkWriter(db, now, tombstones);
        var processed = 0;
        await foreach (var batch in ImportBatches.CheckedAsync(item, options.Value, row => rules.Check(row, errors), c => !duplicates.IsDuplicate(c.Hash, c.Row, errors), cancellationToken).ConfigureAwait(false))
        {
            var codes = batch.Items.Select(c => c.Value.EmployerCreditCode.Value).Where(asked.Add).ToList();
            foreach (var employer in await lookups.EmployersAsync(codes, cancellationToken).ConfigureAwait(false))
            {
                employers[employer.Code] = employer;
            }

            var (visible, elsewhere) = await lookups.ProfessionalsAsync([.. batch.Items.Select(c => c.Hash)], item.Access.Scope.AllBusinessData, cancellationToken).ConfigureAwait(false);
            var found = new ProfessionalLookups
            {
                Employers = employers,
                Existing = visible.ToDictionary(p => p.IdNumberHash, StringComparer.Ordinal),
                Elsewhere = elsewhere,
                Regions = regions,
                Departments = departments,
            };
            foreach (var candidate in batch.Items)
            {
                if (elsewhere.Contains(candidate.Hash))
                {
                    refused.Add(IdNumberLookups.Describe(candidate.Value.IdNumber.Masked, candidate.Hash));
                }

                if (rules.Resolve(candidate, found, errors) is not { } change)
                {
                    continue;
                }

                if (deferred is not null)
                {
                    deferred.Add(change);
                }
                else if (errors.Count == 0)
                {
                    writer.Write(change, today);
                }
            }

            processed = batch.Processed;
            progress.Report(item.JobId, ImportJobStatus.Validating, processed);
        }

        foreach (var change in deferred?.Where(c => !errors.HasErrors(c.Row)) ?? [])
        {
            writer.Write(change, today);
        }

        var completed = await CompleteAsync(db, transaction, writer, item, errors, processed, cancellationToken).ConfigureAwait(false);
        await AuditRefusedAsync(item, refused, cancellationToken).ConfigureAwait(false);
        return completed;
    }

    // Rows whose number is registered outside the requester's scope were refused without saying so; the matches are
    // exact look-ups all the same, so they are audited (masked, with a hash reference), in a transaction of their own
    // because a rejected file rolls its own back.
    private async Task AuditRefusedAsync(ImportWorkItem item, List<string> refused, CancellationToken cancellationToken)
    {
        if (refused.Count == 0)
        {
            return;
        }

        const int Listed = 20;
        var details = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"registered outside the requester's scope: rows={refused.Count}; ")
            + string.Join(" | ", refused.Take(Listed)) + (refused.Count > Listed ? " | …" : "") + "; purpose=批量导入专业技术人员";
        await BookkeepingAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await auditWriter.AppendAsync(db, [new AuditEntry(item.Actor, new AuditEvent(AuditActions.PersonalDataSearched, AuditOutcome.Denied, nameof(ImportJob), item.JobId.ToString("D"), details))], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return refused.Count;
        }).ConfigureAwait(false);
    }

    private async Task<(ImportOutcome Outcome, bool Recorded)> EmployersAsync(
        PlatformDbContext db, ImportWorkItem item, IEnumerable<IEmployerOwnershipFollower> followers, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var header = item.File.Header;
        var errors = new ImportErrorCollector(settings.MaxReportedErrors);
        var rules = new EmployerImportRules(header, now, item.Access.Scope);
        var duplicates = new DuplicateRows(header, "creditCode", "统一社会信用代码");
        var lookups = new RegistryImportLookups(db);
        var (regions, departments) = await lookups.ReferenceCodesAsync(cancellationToken).ConfigureAwait(false);
        var parents = await lookups.ParentsAsync(cancellationToken).ConfigureAwait(false);
        var deferred = item.Mode == ImportMode.ValidRowsOnly ? new List<EmployerChange>() : null;
        var ownerships = new Dictionary<Guid, Ownership>();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using var writer = new EmployerBulkWriter(db, tombstones);
        void Write(EmployerChange change)
        {
            writer.Write(change);
            if (change.Action == ImportAction.Update && change.ChangedProperties.Contains(nameof(Employer.Ownership)))
            {
                ownerships[change.Record.Id] = change.Record.Ownership;
            }
        }

        var processed = 0;
        await foreach (var batch in ImportBatches.CheckedAsync(
            item,
            options.Value,
            row => rules.Check(row, errors) is { } valid ? new EmployerCandidate(row.Number, valid) : null,
            c => !duplicates.IsDuplicate(c.Value.CreditCode.Value, c.Row, errors),
            cancellationToken).ConfigureAwait(false))
        {
            var existing = await lookups.OrganizationsAsync([.. batch.Items.Select(c => c.Value.CreditCode.Value)], cancellationToken).ConfigureAwait(false);
            var found = new EmployerLookups
            {
                Existing = existing.ToDictionary(o => o.Code, o => o.Organization, StringComparer.Ordinal),
                ParentFor = parents,
                Regions = regions,
                Departments = departments,
            };
            foreach (var (row, value) in batch.Items)
            {
                if (rules.Resolve(row, value, found, errors) is not { } change)
                {
                    continue;
                }

                if (deferred is not null)
                {
                    deferred.Add(change);
                }
                else if (errors.Count == 0)
                {
                    Write(change);
                }
            }

            processed = batch.Processed;
            progress.Report(item.JobId, ImportJobStatus.Validating, processed);
        }

        foreach (var change in deferred?.Where(c => !errors.HasErrors(c.Row)) ?? [])
        {
            Write(change);
        }

        // The rows that carry an employer's ownership (compliance, ADR 0019) follow it in the import's transaction.
        if (ownerships.Count > 0 && (item.Mode != ImportMode.AllOrNothing || errors.Count == 0))
        {
            foreach (var follower in followers)
            {
                await follower.OwnershipChangedAsync(db, ownerships, item.Actor, cancellationToken).ConfigureAwait(false);
            }
        }

        return await CompleteAsync(db, transaction, writer, item, errors, processed, cancellationToken).ConfigureAwait(false);
    }

    // Commits (audit records and the job's outcome in the same transaction), or rolls back a rejected file.
    private async Task<(ImportOutcome Outcome, bool Recorded)> CompleteAsync(
        PlatformDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, RegistryBulkWriter writer, ImportWorkItem item, ImportErrorCollector errors, int processed, CancellationToken cancellationToken)
    {
        var report = errors.Count == 0 ? null : ImportJobs.Serialize(errors.Snapshot());
        if (item.Mode == ImportMode.AllOrNothing && errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return (new ImportOutcome(ImportJobStatus.Rejected, processed, 0, 0, 0, errors.RowCount, errors.Count, report, null), false);
        }

        progress.Report(item.JobId, ImportJobStatus.Importing, processed);
        await writer.WriteTombstonesAsync(cancellationToken).ConfigureAwait(false);
        await writer.AppendAuditAsync(db, auditWriter, item.Actor, item.JobId, cancellationToken).ConfigureAwait(false);
        var outcome = new ImportOutcome(ImportJobStatus.Completed, processed, writer.Created, writer.Updated, writer.Unchanged, errors.RowCount, errors.Count, report, null);
        await ImportJobStore.FinishAsync(db, item.JobId, outcome, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (outcome, true);
    }

    private async Task BookkeepingAsync(Func<PlatformDbContext, Task<int>> action)
    {
        using var system = SystemScope.Enter();
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<PlatformDbContext>()).ConfigureAwait(false);
    }

    private static ImportOutcome Failure(string reason) => new(ImportJobStatus.Failed, 0, 0, 0, 0, 0, 0, null, reason);

    private static Exception Unwrap(Exception exception) =>
        exception is ChannelClosedException { InnerException: { } inner } ? Unwrap(inner)
        : exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0])
        : exception;

    private sealed record EmployerCandidate(int Row, ValidEmployer Value);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Error, Message = "Import job {JobId} failed; its transaction was rolled back.")]
    private static partial void ImportFailed(ILogger logger, Guid jobId, Exception exception);
}
