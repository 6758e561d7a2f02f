using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;

namespace KnowledgeRenewal.Registry.Persistence;

/// <summary>Writes employers (organizations of kind Employer).</summary>
internal sealed class EmployerBulkWriter : RegistryBulkWriter
{
    private static readonly string[] UpdatedColumns =
        [nameof(Employer.Name), nameof(Employer.Ownership), nameof(Employer.DepartmentCode), nameof(Employer.ConcurrencyStamp)];

    private readonly PlatformDbContext db;
    private TableCommand? insert;
    private TableCommand? update;

    /// <summary>A writer on <paramref name="db"/>'s current transaction.</summary>
    public EmployerBulkWriter(PlatformDbContext db) => this.db = db;

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
