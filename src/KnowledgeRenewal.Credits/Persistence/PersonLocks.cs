using System.Globalization;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Serializes recomputations of the same people: two transactions that change one person's records at the same time
/// would otherwise each compute the person's compliance without the other's record, and the later write would
/// win with a stale result. The people's registry rows are locked for update (in key order, so two recomputations
/// cannot deadlock) until the transaction ends, before their records are read. SQLite needs nothing: it has one writer
/// at a time, and the transaction that changed the records holds the write lock already.
/// </summary>
internal static class PersonLocks
{
    /// <summary>Locks <paramref name="people"/> (sorted) in <paramref name="db"/>'s current transaction.</summary>
    public static async Task LockAsync(PlatformDbContext db, IReadOnlyList<Guid> people, CancellationToken cancellationToken)
    {
        var provider = TableCommand.ProviderOf(db);
        if (provider == DatabaseProvider.Sqlite || people.Count == 0)
        {
            return;
        }

        var table = TableCommand.TableOf<Professional>(db);
        var id = TableCommand.ColumnOf<Professional>(db, nameof(Professional.Id));
        TableCommand command;
        if (provider == DatabaseProvider.PostgreSql)
        {
            command = TableCommand.Text(db, $"SELECT {id} FROM {table} WHERE {id} = ANY(@ids) ORDER BY {id} FOR NO KEY UPDATE")
                .Parameter("@ids", people.ToArray());
        }
        else
        {
            var names = people.Select((_, i) => "@id" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command = TableCommand.Text(db, $"SELECT {id} FROM {table} WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE {id} IN ({string.Join(", ", names)}) ORDER BY {id}");
            for (var i = 0; i < names.Length; i++)
            {
                command.Parameter<Professional>(nameof(Professional.Id), names[i], people[i]);
            }
        }

        using (command)
        {
            await using var reader = await command.ReadAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }
    }

    /// <summary>
    /// Takes the compliance table for a bulk chunk: concurrent incremental writers wait until the chunk commits (and
    /// then recompute with what they changed), so neither overwrites the other with a stale result.
    /// </summary>
    public static async Task LockTableAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var table = TableCommand.TableOf<CycleCompliance>(db);
        var text = TableCommand.ProviderOf(db) switch
        {
            DatabaseProvider.PostgreSql => $"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE",
            DatabaseProvider.SqlServer => $"SELECT COUNT_BIG(*) FROM {table} WITH (TABLOCKX, HOLDLOCK)",
            _ => null, // SQLite: the transaction took the database's write lock when it began (BEGIN IMMEDIATE).
        };
        if (text is null)
        {
            return;
        }

        using var command = TableCommand.Text(db, text);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }
}
