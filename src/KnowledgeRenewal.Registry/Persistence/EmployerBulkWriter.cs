using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>
/// Writes employers (organizations of kind Employer) with the import's change number (ADR 0023); an employer whose
/// sector changed gets a tombstone with its old sector (<see cref="WriteTombstonesAsync"/>).
/// </summary>
internal sealed class EmployerBulkWriter : RegistryBulkWriter
{
    private static readonly string[] UpdatedColumns =
        [nameof(Employer.Name), nameof(Employer.Ownership), nameof(Employer.DepartmentCode), nameof(Employer.ConcurrencyStamp), nameof(Employer.ChangeVersion)];

    private readonly PlatformDbContext db;
    private readonly ChangeTombstones tombstones;
    private readonly Dictionary<Guid, ChangeScopeKeys> moved = [];
    private TableCommand? insert;
    private TableCommand? update;
    private long? changeVersion;

    /// <summary>A writer on <paramref name="db"/>'s current transaction.</summary>
    public EmployerBulkWriter(PlatformDbContext db, ChangeTombstones tombstones)
    {
        this.db = db;
        this.tombstones = tombstones;
    }

    /// <summary>Writes one resolved row (an unchanged row is only counted).</summary>
    public void Write(EmployerChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var record = change.Record;
        if (change.Action is ImportAction.Create or ImportAction.Update)
        {
            record.ChangeVersion = changeVersion ??= ChangeVersions.Next(db); // the import's change number (ADR 0023)
        }

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

                if (change.Existing is { } before && RegistryChangeTracking.EmployerKeys(before.RegionCode, before.DepartmentCode, before.Id) is var keys
                    && keys != RegistryChangeTracking.EmployerKeys(record.RegionCode, record.DepartmentCode, record.Id))
                {
                    moved[record.Id] = keys;
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
    public override Task WriteTombstonesAsync(CancellationToken cancellationToken) =>
        changeVersion is { } version ? tombstones.WriteMovedAsync<Employer>(db, moved, version, cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        insert?.Dispose();
        update?.Dispose();
    }
}
