using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain.Import;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>A row's write was refused by the database because its record changed since it was read (another writer).</summary>
public sealed class ImportConcurrencyException(int row)
    : Exception($"Row {row}: the record changed while the import ran.")
{
    /// <summary>The row.</summary>
    public int Row { get; } = row;
}

/// <summary>
/// Writes an import's resolved rows with prepared ADO.NET statements (one INSERT or UPDATE per row, no EF change
/// tracking) inside the import's open transaction, and summarizes them for the audit log — raw writes bypass the
/// audit interceptor, so <see cref="AppendAuditAsync"/> must run in the same transaction before it commits. Updates
/// compare the concurrency stamp read by the look-up: a record changed in between fails the whole import.
/// </summary>
public abstract class RegistryBulkWriter : IDisposable
{
    private readonly List<(string EntityType, string Action, List<Guid> Keys, SortedSet<string> Properties)> audit = [];

    /// <summary>Records created.</summary>
    public int Created { get; protected set; }

    /// <summary>Records updated.</summary>
    public int Updated { get; protected set; }

    /// <summary>Rows that changed nothing.</summary>
    public int Unchanged { get; protected set; }

    /// <summary>A writer for professionals on <paramref name="db"/>'s current transaction.</summary>
    public static ProfessionalBulkWriter ForProfessionals(PlatformDbContext db, DateTime now) => new(db, now);

    /// <summary>A writer for employers on <paramref name="db"/>'s current transaction.</summary>
    public static EmployerBulkWriter ForEmployers(PlatformDbContext db) => new(db);

    /// <summary>
    /// Appends the import's audit records (one per entity type and action, with the count, up to
    /// <see cref="AuditKeys.MaxKeys"/> keys, the changed properties and the job) for
    /// <paramref name="actor"/> — the requester — in the current transaction.
    /// </summary>
    public Task AppendAuditAsync(PlatformDbContext db, IBulkAuditWriter writer, AuditActor actor, Guid jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Flush();
        var entries = audit.Where(a => a.Keys.Count > 0).Select(a =>
        {
            var keys = AuditKeys.Join(a.Keys);
            var details = string.Create(CultureInfo.InvariantCulture, $"count={a.Keys.Count}; import={jobId:D}");
            if (a.Properties.Count > 0)
            {
                details += "; properties=" + string.Join(",", a.Properties);
            }

            return new AuditEntry(actor, new AuditEvent(a.Action, AuditOutcome.Success, a.EntityType, keys, details));
        }).ToList();
        return writer.AppendAsync(db, entries, cancellationToken);
    }

    /// <summary>Writes what the writer still holds back (batched rows); <see cref="AppendAuditAsync"/> does it first.</summary>
    public virtual void Flush()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the prepared commands.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Notes a written row for the audit log.</summary>
    protected void Note(string entityType, string action, Guid key, IEnumerable<string>? properties = null)
    {
        var index = audit.FindIndex(a => a.EntityType == entityType && a.Action == action);
        if (index < 0)
        {
            audit.Add((entityType, action, [], new SortedSet<string>(StringComparer.Ordinal)));
            index = audit.Count - 1;
        }

        audit[index].Keys.Add(key);
        if (properties is not null)
        {
            audit[index].Properties.UnionWith(properties);
        }
    }
}

/// <summary>Writes professionals and their employment history.</summary>
public sealed class ProfessionalBulkWriter : RegistryBulkWriter
{
    private static readonly string[] UpdatedColumns =
    [
        nameof(Professional.Name), nameof(Professional.PhoneCipher), nameof(Professional.PhoneMasked), nameof(Professional.EmployerId),
        nameof(Professional.RegionCode), nameof(Professional.DepartmentCode), nameof(Professional.TitleSeries), nameof(Professional.TitleLevel),
        nameof(Professional.Specialty), nameof(Professional.Education), nameof(Professional.Status), nameof(Professional.ConcurrencyStamp),
        nameof(Professional.UpdatedAt),
    ];

    private readonly PlatformDbContext db;
    private readonly DateTime now;
    private TableCommand? insert;
    private TableCommand? update;
    private TableCommand? insertEmployment;
    private TableCommand? closeEmployment;

    internal ProfessionalBulkWriter(PlatformDbContext db, DateTime now)
    {
        this.db = db;
        this.now = now;
    }

    /// <summary>Writes one resolved row (an unchanged row is only counted).</summary>
    public void Write(ProfessionalChange change, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(change);
        var record = change.Record;
        switch (change.Action)
        {
            case ImportAction.Create:
                insert ??= TableCommand.Insert<Professional>(db);
                insert.SetAll(record);
                insert.Execute();
                OpenEmployment(record.Id, record.EmployerId, today);
                Note(nameof(Professional), AuditActions.DataCreated, record.Id);
                Created++;
                break;

            case ImportAction.Update:
                update ??= TableCommand.Update<Professional>(db, UpdatedColumns, [nameof(Professional.Id), nameof(Professional.ConcurrencyStamp)]);
                update.SetAll(record);
                update.Set(UpdatedColumns.Length + 1, change.ExpectedStamp);
                if (update.Execute() != 1)
                {
                    throw new ImportConcurrencyException(change.Row);
                }

                if (change.Moved)
                {
                    closeEmployment ??= TableCommand.Update<Employment>(
                        db, [nameof(Employment.EndedOn)], [nameof(Employment.ProfessionalId)], TableCommand.ColumnOf<Employment>(db, nameof(Employment.EndedOn)) + " IS NULL");
                    closeEmployment.SetAll(new Employment { ProfessionalId = record.Id, EndedOn = change.EndOfCurrent });
                    if (closeEmployment.Execute() > 0)
                    {
                        Note(nameof(Employment), AuditActions.DataUpdated, record.Id, [nameof(Employment.EndedOn)]);
                    }

                    OpenEmployment(record.Id, record.EmployerId, today);
                }

                Note(nameof(Professional), AuditActions.DataUpdated, record.Id, change.ChangedProperties);
                Updated++;
                break;

            default:
                Unchanged++;
                break;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        insert?.Dispose();
        update?.Dispose();
        insertEmployment?.Dispose();
        closeEmployment?.Dispose();
    }

    private void OpenEmployment(Guid professionalId, Guid employerId, DateOnly today)
    {
        insertEmployment ??= TableCommand.Insert<Employment>(db);
        var employment = new Employment { ProfessionalId = professionalId, EmployerId = employerId, StartedOn = today, RecordedAt = now };
        insertEmployment.SetAll(employment);
        insertEmployment.Execute();
        Note(nameof(Employment), AuditActions.DataCreated, employment.Id);
    }
}

/// <summary>Writes employers (organizations of kind Employer).</summary>
public sealed class EmployerBulkWriter : RegistryBulkWriter
{
    private static readonly string[] UpdatedColumns =
        [nameof(Employer.Name), nameof(Employer.Ownership), nameof(Employer.DepartmentCode), nameof(Employer.ConcurrencyStamp)];

    private readonly PlatformDbContext db;
    private TableCommand? insert;
    private TableCommand? update;

    internal EmployerBulkWriter(PlatformDbContext db) => this.db = db;

    /// <summary>Writes one resolved row (an unchanged row is only counted).</summary>
    public void Write(EmployerChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var record = change.Record;
        switch (change.Action)
        {
            case ImportAction.Create:
                insert ??= TableCommand.Insert<Employer>(db);
                insert.SetAll(record);
                insert.Execute();
                Note(nameof(Employer), AuditActions.DataCreated, record.Id);
                Created++;
                break;

            case ImportAction.Update:
                update ??= TableCommand.Update<Employer>(db, UpdatedColumns, [nameof(Employer.Id), nameof(Employer.ConcurrencyStamp)]);
                update.SetAll(record);
                update.Set(UpdatedColumns.Length + 1, change.ExpectedStamp);
                if (update.Execute() != 1)
                {
                    throw new ImportConcurrencyException(change.Row);
                }

                Note(nameof(Employer), AuditActions.DataUpdated, record.Id, change.ChangedProperties);
                Updated++;
                break;

            default:
                Unchanged++;
                break;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        insert?.Dispose();
        update?.Dispose();
    }
}
