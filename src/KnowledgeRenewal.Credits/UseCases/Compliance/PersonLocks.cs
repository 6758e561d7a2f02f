using System.Globalization;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;
namespace KnowledgeRenewal.Credits.UseCases.Compliance;

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
        var sql = new ModelSql(db);
        if (sql.Kind == DatabaseKind.Sqlite || people.Count == 0)
        {
            return;
        }

        var table = sql.Table<Professional>();
        var id = sql.Column<Professional>(nameof(Professional.Id));
        await using var command = sql.Command("");
        if (sql.Kind == DatabaseKind.PostgreSql)
        {
            command.CommandText = $"SELECT {id} FROM {table} WHERE {id} = ANY(@ids) ORDER BY {id} FOR NO KEY UPDATE";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@ids";
            parameter.Value = people.ToArray();
            command.Parameters.Add(parameter);
        }
        else
        {
            var names = people.Select((_, i) => "@id" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"SELECT {id} FROM {table} WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE {id} IN ({string.Join(", ", names)}) ORDER BY {id}";
            for (var i = 0; i < names.Length; i++)
            {
                sql.Parameter<Professional>(command, nameof(Professional.Id), names[i]).Set(people[i]);
            }
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    /// <summary>
    /// Takes the compliance table for a bulk chunk: concurrent incremental writers wait until the chunk commits (and
    /// then recompute with what they changed), so neither overwrites the other with a stale result.
    /// </summary>
    public static async Task LockTableAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var sql = new ModelSql(db);
        var table = sql.Table<CycleCompliance>();
        var text = sql.Kind switch
        {
            DatabaseKind.PostgreSql => $"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE",
            DatabaseKind.SqlServer => $"SELECT COUNT_BIG(*) FROM {table} WITH (TABLOCKX, HOLDLOCK)",
            _ => null, // SQLite: the transaction took the database's write lock when it began (BEGIN IMMEDIATE).
        };
        if (text is null)
        {
            return;
        }

        await using var command = sql.Command(text);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
