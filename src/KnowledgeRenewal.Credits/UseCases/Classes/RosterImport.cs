using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Ledger;
using KnowledgeRenewal.Credits.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Classes;

/// <summary>
/// Runs a roster job (学员名单) for the import worker, on a database context with the uploader's scope.
/// <para>
/// First every row is checked — field rules on the reading thread (<see cref="RosterRowRules.Check"/>), then, in
/// batches with one query per look-up, against the registry (people by ID-number hash, whoever may see them) and the
/// ledger (the class's records, other providers' overlapping classes): <see cref="RosterRowRules.Resolve"/> decides
/// what each row does. A bad row anywhere rejects the file (all or nothing, the default) before anything is
/// written; valid-rows-only mode leaves the bad rows out.
/// </para>
/// <para>
/// Then ONE transaction: new records with prepared statements (approved on entry by the uploader; flagged ones
/// pending), the records a correction replaces revoked (or, pending, rejected) with a reason, the ledger change
/// published (<see cref="LedgerChanges.PublishAsync"/>), the audit records and the job's outcome — committed
/// together or not at all. The same roster again changes nothing; people missing from a new roster keep their
/// records and are reported as warnings.
/// </para>
/// </summary>
public sealed class RosterImport(
    IdNumberHasher hasher,
    LedgerCatalog catalog,
    LedgerChanges ledgerChanges,
    ModuleRegistry modules,
    IBulkAuditWriter auditWriter,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    IImportProgress progress) : IRosterImport
{
    /// <inheritdoc />
    public async Task<(ImportOutcome Outcome, bool Recorded)> RunAsync(PlatformDbContext db, ImportWorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ProgramCalendar.Today(clock);
        var trainingClass = item.TargetId is { } classId
            ? await db.TrainingClasses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == classId, cancellationToken).ConfigureAwait(false)
            : null;
        if (trainingClass is not { Status: TrainingClassStatus.Finished })
        {
            var error = new ImportError(0, "", "file", RosterProblemCodes.ClassNotFinished, "班次不存在或尚未结业，不能记录学员名单。");
            return (new ImportOutcome(ImportJobStatus.Rejected, 0, 0, 0, 0, 0, 1, ImportJobs.Serialize([error]), error.Message), false);
        }

        // 1. Check every row; nothing is written yet.
        var errors = new ImportErrorCollector(settings.MaxReportedErrors);
        var rules = new RosterRowRules(item.File.Header, trainingClass, today, hasher);
        var duplicates = new DuplicateRows(item.File.Header, "idNumber", "身份证号");
        var lookups = new RosterImportLookups(db);
        var changes = new List<RosterChange>();
        var listed = new HashSet<Guid>();
        var processed = 0;
        await foreach (var batch in ImportBatches.CheckedAsync(item, settings, row => rules.Check(row, errors), c => !duplicates.IsDuplicate(c.Hash, c.Row, errors), cancellationToken).ConfigureAwait(false))
        {
            var people = await lookups.PeopleAsync([.. batch.Items.Select(c => c.Hash)], cancellationToken).ConfigureAwait(false);
            var ids = people.Values.Select(p => p.Id).ToList();
            var records = await lookups.ClassRecordsAsync(trainingClass.Id, ids, cancellationToken).ConfigureAwait(false);
            var overlaps = await lookups.OverlapsAsync(trainingClass, ids, cancellationToken).ConfigureAwait(false);
            foreach (var candidate in batch.Items)
            {
                var person = people.GetValueOrDefault(candidate.Hash);
                RosterSubject? subject = null;
                string? subjectError = null;
                if (person is not null)
                {
                    listed.Add(person.Id);
                    (subject, subjectError) = await SubjectAsync(trainingClass, candidate, person, cancellationToken).ConfigureAwait(false);
                }

                var key = person?.Id ?? Guid.Empty;
                if (rules.Resolve(candidate, person, subject, subjectError, [.. records[key]], [.. overlaps[key]], errors) is { } change)
                {
                    changes.Add(change);
                }
            }

            processed = batch.Processed;
            progress.Report(item.JobId, ImportJobStatus.Validating, processed);
        }

        var report = errors.Count == 0 ? null : ImportJobs.Serialize(errors.Snapshot());
        if (item.Mode == ImportMode.AllOrNothing && errors.Count > 0)
        {
            return (new ImportOutcome(ImportJobStatus.Rejected, processed, 0, 0, 0, errors.RowCount, errors.Count, report, null), false);
        }

        var accepted = changes.Where(c => !errors.HasErrors(c.Row)).ToList();
        var missing = await lookups.MissingAsync(trainingClass.Id, listed, cancellationToken).ConfigureAwait(false);

        // 2. One transaction: records, replaced records, ledger change, audit, the job's outcome.
        progress.Report(item.JobId, ImportJobStatus.Importing, processed);
        await using var cache = await SqliteTuning.LargerCacheAsync(db, cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using var writer = new RosterBulkWriter(db);
        var actor = new LedgerActor(item.Access.UserId, item.Actor.UserName ?? "unknown");
        var upload = new RosterUpload(item.JobId, item.FileName);
        var replaced = await ReplacedAsync(lookups, accepted, cancellationToken).ConfigureAwait(false);
        var changed = new List<PersonYear>();
        foreach (var change in accepted)
        {
            if (change.Action == RosterAction.Unchanged)
            {
                writer.Skip();
                continue;
            }

            var record = RosterRowRules.ToRecord(change, trainingClass, upload, actor, now);
            writer.Add(record, correction: change.Action == RosterAction.Correct);
            if (change.Previous is { Live: true } previous && change.Action == RosterAction.Correct)
            {
                var old = replaced[previous.Id];
                if (old.ConcurrencyStamp != previous.ConcurrencyStamp)
                {
                    throw new ImportConcurrencyException(change.Row);
                }

                var reason = RosterRowRules.CorrectionReason(previous, change, item.FileName);
                if (previous.Status == CreditRecordStatus.Approved)
                {
                    old.Revoke(actor, now, reason, record.Id);
                }
                else
                {
                    old.Reject(actor, now, reason);
                }

                writer.Replace(old, previous.Status, previous.ConcurrencyStamp, change.Row);
            }

            changed.Add(new PersonYear(change.Person.Id, record.CreditYear));
        }

        writer.Flush();
        await ledgerChanges.PublishAsync(db, changed, cancellationToken).ConfigureAwait(false);
        await writer.AppendAuditAsync(db, auditWriter, item.Actor, item.JobId, cancellationToken).ConfigureAwait(false);
        var warnings = Warnings(accepted, missing, item.File.Header, settings.MaxReportedErrors);
        var outcome = new ImportOutcome(
            ImportJobStatus.Completed, processed, writer.Created, writer.Updated, writer.Unchanged, errors.RowCount, errors.Count, report, null,
            writer.Flagged, missing.Count, warnings.Count == 0 ? null : ImportJobs.Serialize(warnings));
        await ImportJobs.FinishAsync(db, item.JobId, outcome, clock.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (outcome, true);
    }

    // The subject a row is recorded under, in the person's catalogs (public, or their sector's module's); the module
    // is the subject's, else the person's; the class's credit class when that module has it.
    private async Task<(RosterSubject? Subject, string? Error)> SubjectAsync(TrainingClass trainingClass, RosterCandidate candidate, RosterPerson person, CancellationToken cancellationToken)
    {
        var (choice, error) = await catalog.TryResolveAsync(candidate.SubjectCode, candidate.Category, person.DepartmentCode, cancellationToken).ConfigureAwait(false);
        if (candidate.SubjectCode is not null && choice is null)
        {
            return (null, error);
        }

        var module = choice?.ModuleKey ?? catalog.ModuleFor(person.DepartmentCode);
        var creditClass = trainingClass.CreditClass is { } key && module is not null
            && modules.FindEnabled(module)?.Module.CreditClasses.Any(c => c.Key == key) == true
                ? key
                : null;
        return (new RosterSubject(choice?.Code, choice?.Name, module, creditClass), null);
    }

    // The records corrections replace (still pending or approved), read inside the transaction.
    private static async Task<Dictionary<Guid, CreditRecord>> ReplacedAsync(RosterImportLookups lookups, List<RosterChange> accepted, CancellationToken cancellationToken)
    {
        var ids = accepted.Where(c => c.Action == RosterAction.Correct && c.Previous is { Live: true }).Select(c => c.Previous!.Id).ToList();
        var found = new Dictionary<Guid, CreditRecord>();
        foreach (var chunk in ids.Chunk(2000))
        {
            foreach (var record in await lookups.RecordsAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                found[record.Id] = record;
            }
        }

        return found;
    }

    // What the uploader should know besides errors: each flagged row, and each person of an earlier roster whom this
    // one no longer lists (their record stays; revoking it is a decision for the ledger's reviewers).
    private static List<ImportError> Warnings(List<RosterChange> accepted, List<MissingTrainee> missing, ImportHeader header, int capacity)
    {
        var column = header.ColumnFor("idNumber");
        var warnings = accepted
            .Where(c => c.Flag is not null)
            .Select(c => new ImportError(
                c.Row,
                column,
                "idNumber",
                c.Flag == RecordWarning.DuplicateClass ? RosterProblemCodes.FlagDuplicateClass : RosterProblemCodes.FlagDayOverload,
                $"已记入，待审核（{LedgerLabels.Flag(c.Flag!.Value)}）：{c.FlagDetail}"))
            .Concat(missing.Select(m => new ImportError(
                0,
                column,
                "idNumber",
                RosterProblemCodes.PersonMissing,
                $"{m.Name}（{m.IdNumberMasked}）在本班次此前上传的名单中（学时记录{LedgerLabels.Status(m.Status)}），本次名单中没有。其学时记录保留不变、不会自动撤销；如确需撤销，请联系主管部门在学时记录中办理撤销。")))
            .Take(capacity)
            .ToList();
        return warnings;
    }
}
