using KnowledgeRenewal.Kernel.Changes;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>
/// Writes professionals and their employment history with the import's change number (ADR 0023); a person whose
/// county, sector or employer changed gets a tombstone with the old ones, and their credit data follows them (the
/// cascades registered for professionals, <see cref="WriteTombstonesAsync"/>).
/// </summary>
internal sealed class ProfessionalBulkWriter : RegistryBulkWriter
{
    private static readonly string[] UpdatedColumns =
    [
        nameof(Professional.Name), nameof(Professional.PhoneCipher), nameof(Professional.PhoneMasked), nameof(Professional.EmployerId),
        nameof(Professional.RegionCode), nameof(Professional.DepartmentCode), nameof(Professional.TitleSeries), nameof(Professional.TitleLevel),
        nameof(Professional.Specialty), nameof(Professional.Education), nameof(Professional.Status), nameof(Professional.ConcurrencyStamp),
        nameof(Professional.UpdatedAt), nameof(Professional.ChangeVersion),
    ];

    private readonly PlatformDbContext db;
    private readonly DateTime now;
    private readonly ChangeTombstones tombstones;
    private readonly Dictionary<Guid, ChangeScopeKeys> moved = [];
    private TableCommand? insert;
    private TableCommand? update;
    private TableCommand? insertEmployment;
    private TableCommand? closeEmployment;
    private long? changeVersion;

    /// <summary>A writer on <paramref name="db"/>'s current transaction.</summary>
    public ProfessionalBulkWriter(PlatformDbContext db, DateTime now, ChangeTombstones tombstones)
    {
        this.db = db;
        this.now = now;
        this.tombstones = tombstones;
    }

    /// <summary>Writes one resolved row (an unchanged row is only counted).</summary>
    public void Write(ProfessionalChange change, DateOnly today)
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

                if (change.Existing is { } before
                    && RegistryChangeTracking.ProfessionalKeys(before.RegionCode, before.DepartmentCode, before.EmployerId, before.UserId) is var keys
                    && keys != RegistryChangeTracking.ProfessionalKeys(record.RegionCode, record.DepartmentCode, record.EmployerId, before.UserId))
                {
                    moved[record.Id] = keys; // the import does not change the account link
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
    public override Task WriteTombstonesAsync(CancellationToken cancellationToken) =>
        changeVersion is { } version ? tombstones.WriteMovedAsync<Professional>(db, moved, version, cancellationToken) : Task.CompletedTask;

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
