using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// A statement prepared with SQLite's own API on an open <see cref="SqliteConnection"/> (in its current transaction:
/// SQLite transactions belong to the connection), for the hot loops of bulk compliance work: values are bound by
/// position and read as UTF-8 spans, without the per-value allocations and conversions of the ADO.NET layer. Values
/// are written exactly as Microsoft.Data.Sqlite writes the model's values (keys as upper-case text, integers,
/// text), so EF reads and queries them as its own. Not thread-safe; dispose it before the connection closes.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    // The statement's pointer for the hot calls (SqliteNative); valid until the statement is disposed.
    private readonly nint pointer;

    private SqliteStatement(sqlite3 db, sqlite3_stmt statement)
    {
        this.db = db;
        this.statement = statement;
        pointer = statement.DangerousGetHandle();
    }

    /// <summary>Prepares <paramref name="text"/> on <paramref name="connection"/> (an open SQLite connection).</summary>
    public static SqliteStatement Prepare(DbConnection connection, string text)
    {
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, text, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return new SqliteStatement(db, statement ?? throw new InvalidOperationException("SQLite prepared no statement."));
    }

    /// <summary>The 1-based position of the parameter <paramref name="name"/> (e.g. <c>@from</c>), or 0 when the text has none.</summary>
    public int Position(string name) => raw.sqlite3_bind_parameter_index(statement, name);

    /// <summary>Binds an integer.</summary>
    public void Bind(int position, long value) => Check(SqliteNative.BindInt64(pointer, position, value));

    /// <summary>Binds a text, or NULL.</summary>
    public void Bind(int position, string? value)
    {
        if (value is null)
        {
            Check(SqliteNative.BindNull(pointer, position));
            return;
        }

        // Short texts (codes, titles, times) are encoded on the stack.
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> utf8 = most <= 512 ? stackalloc byte[512] : new byte[most];
        Bind(position, utf8[..Encoding.UTF8.GetBytes(value, utf8)]);
    }

    /// <summary>Binds UTF-8 text.</summary>
    public unsafe void Bind(int position, ReadOnlySpan<byte> utf8)
    {
        // SQLite reads a NULL pointer as NULL: an empty text needs a non-null one.
        ReadOnlySpan<byte> empty = [0];
        fixed (byte* text = utf8.IsEmpty ? empty : utf8)
        {
            Check(SqliteNative.BindText(pointer, position, text, utf8.Length, SqliteNative.Transient));
        }
    }

    /// <summary>Binds a key as Microsoft.Data.Sqlite does: upper-case text (<c>D</c> format).</summary>
    public void Bind(int position, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        Utf8Formatter.TryFormat(value, text, out _, 'D');
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }

        Bind(position, text);
    }

    /// <summary>Binds a model value already converted to its provider type (text, integer, key, time or NULL).</summary>
    public void BindValue(int position, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                Check(SqliteNative.BindNull(pointer, position));
                break;
            case string text:
                Bind(position, text);
                break;
            case Guid key:
                Bind(position, key);
                break;
            case long number:
                Bind(position, number);
                break;
            case int number:
                Bind(position, number);
                break;
            case DateTime time:
                Bind(position, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case DateOnly day:
                Bind(position, day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"Binding a {value.GetType().Name} is not supported here.");
        }
    }

    /// <summary>Runs a step: true when it produced a row, false when done.</summary>
    public bool Step()
    {
        var rc = SqliteNative.Step(pointer);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return false;
    }

    /// <summary>Runs a statement without rows, then resets it for the next values.</summary>
    public void Execute()
    {
        try
        {
            while (Step())
            {
            }
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Resets the statement (bindings are kept until replaced).</summary>
    public void Reset() => _ = SqliteNative.Reset(pointer); // its code repeats the last step's, already thrown

    /// <summary>Whether the column is NULL in the current row.</summary>
    public bool IsNull(int column) => SqliteNative.ColumnType(pointer, column) == raw.SQLITE_NULL;

    /// <summary>The column as an integer.</summary>
    public long Int64(int column) => SqliteNative.ColumnInt64(pointer, column);

    /// <summary>The column's text as UTF-8 (valid until the next step; empty when NULL).</summary>
    public unsafe ReadOnlySpan<byte> Utf8(int column)
    {
        // The value first, then its length (as SQLite documents the order).
        var value = SqliteNative.ColumnBlob(pointer, column);
        return value == 0 ? default : new ReadOnlySpan<byte>((void*)value, SqliteNative.ColumnBytes(pointer, column));
    }

    /// <summary>The column as a string (null when NULL).</summary>
    public string? Text(int column) => IsNull(column) ? null : Encoding.UTF8.GetString(Utf8(column));

    /// <summary>The column as a key stored as text (either case) or as 16 bytes.</summary>
    public Guid Guid(int column) => Key(Utf8(column));

    /// <summary>A key from a column's bytes: text (either case) or 16 bytes.</summary>
    public static Guid Key(ReadOnlySpan<byte> value)
    {
        if (value.Length == 16)
        {
            return new Guid(value);
        }

        return Utf8Parser.TryParse(value, out Guid key, out var consumed, 'D') && consumed == value.Length
            ? key
            : System.Guid.Parse(Encoding.UTF8.GetString(value), CultureInfo.InvariantCulture);
    }

    /// <summary>The column as a day stored as <c>yyyy-MM-dd</c> text (other forms parsed as Microsoft.Data.Sqlite would).</summary>
    public DateOnly Day(int column) => Day(Utf8(column));

    /// <summary>A day from its <c>yyyy-MM-dd</c> text (other forms parsed as Microsoft.Data.Sqlite would).</summary>
    public static DateOnly Day(ReadOnlySpan<byte> value)
    {
        if (value.Length == 10 && value[4] == '-' && value[7] == '-'
            && Utf8Parser.TryParse(value[..4], out int year, out var y) && y == 4
            && Utf8Parser.TryParse(value.Slice(5, 2), out int month, out var m) && m == 2
            && Utf8Parser.TryParse(value.Slice(8, 2), out int day, out var d) && d == 2)
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.FromDateTime(DateTime.Parse(Encoding.UTF8.GetString(value), CultureInfo.InvariantCulture));
    }

    public void Dispose() => statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
