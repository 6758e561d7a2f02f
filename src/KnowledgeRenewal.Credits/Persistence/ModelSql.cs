using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>
/// Table and column names, parameters and value conversions taken from the EF model, so that the raw ADO.NET
/// statements of compliance recomputation read and write exactly what EF would — on SQLite, PostgreSQL and SQL
/// Server alike — on the context's connection, in its current transaction.
/// </summary>
internal sealed class ModelSql(DbContext db)
{
    private readonly ISqlGenerationHelper sql = db.GetService<ISqlGenerationHelper>();

    /// <summary>Which database this is (some statements differ).</summary>
    public DatabaseKind Kind { get; } = db.Database.ProviderName switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseKind.PostgreSql,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseKind.SqlServer,
        _ => DatabaseKind.Sqlite,
    };

    /// <summary>The delimited table of <typeparamref name="T"/>.</summary>
    public string Table<T>()
    {
        var entity = Entity<T>();
        return sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
    }

    /// <summary>The delimited column of a property of <typeparamref name="T"/>.</summary>
    public string Column<T>(string property)
    {
        var entity = Entity<T>();
        return sql.DelimitIdentifier(Property(entity, property).GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);
    }

    /// <summary>The property's metadata (mapping and converter).</summary>
    public IProperty Property<T>(string property) => Property(Entity<T>(), property);

    /// <summary>The context's connection (open it first).</summary>
    public DbConnection Connection => db.Database.GetDbConnection();

    /// <summary>A model value of a property of <typeparamref name="T"/> as the provider stores it (through the model's converter, if any).</summary>
    public object? ProviderValue<T>(string property, object? value)
    {
        var converter = Property(Entity<T>(), property).GetTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    /// <summary>Converts model values of a property of <typeparamref name="T"/> as the provider stores them (look the converter up once, use it per row).</summary>
    public Func<object?, object?> Converter<T>(string property)
    {
        var converter = Property(Entity<T>(), property).GetTypeMapping().Converter;
        return converter is null ? static value => value : value => value is null ? null : converter.ConvertToProvider(value);
    }

    /// <summary>A command on the context's connection, in its current transaction (if any).</summary>
    public DbCommand Command(string text)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    /// <summary>Adds a parameter typed like <paramref name="property"/> of <typeparamref name="T"/>.</summary>
    public BoundParameter Parameter<T>(DbCommand command, string property, string name)
    {
        ArgumentNullException.ThrowIfNull(command);
        var metadata = Property(Entity<T>(), property);
        var mapping = metadata.GetRelationalTypeMapping();
        var parameter = mapping.CreateParameter(command, name, null, nullable: true);
        command.Parameters.Add(parameter);
        return new BoundParameter(parameter, mapping.Converter);
    }

    private IEntityType Entity<T>() =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");

    private static IProperty Property(IEntityType entity, string name) =>
        entity.FindProperty(name) ?? throw new InvalidOperationException($"{entity.ClrType.Name}.{name} is not mapped.");
}

/// <summary>The databases the platform runs on.</summary>
internal enum DatabaseKind
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>A parameter and the model's value converter of its property.</summary>
internal sealed class BoundParameter(DbParameter parameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
{
    /// <summary>Sets the model value (converted as EF converts it).</summary>
    public void Set(object? value) =>
        parameter.Value = value is null ? DBNull.Value : converter is null ? value : converter.ConvertToProvider(value) ?? DBNull.Value;
}

/// <summary>Reads an enum column stored the way the model stores it (by name or by number), without per-row reflection.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class EnumColumn<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byText = new(StringComparer.Ordinal);
    private readonly (byte[] Text, TEnum Value)[] utf8;

    /// <summary>Reads the model's conversion of <typeparamref name="TEnum"/> from <paramref name="property"/>.</summary>
    public EnumColumn(IProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var converter = property.GetTypeMapping().Converter;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (converter?.ConvertToProvider(value) is string text)
            {
                byText[text] = value;
            }
        }

        utf8 = [.. byText.Select(p => (System.Text.Encoding.UTF8.GetBytes(p.Key), p.Value))];
    }

    /// <summary>The value at <paramref name="column"/> of a SQLite statement's current row.</summary>
    public TEnum Read(SqliteStatement statement, int column)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return utf8.Length == 0 ? (TEnum)Enum.ToObject(typeof(TEnum), statement.Int64(column)) : Read(statement.Utf8(column));
    }

    /// <summary>The value stored as <paramref name="text"/> (UTF-8: the name, or the number when the model stores numbers).</summary>
    public TEnum Read(ReadOnlySpan<byte> text)
    {
        if (utf8.Length == 0)
        {
            return System.Buffers.Text.Utf8Parser.TryParse(text, out long number, out var consumed) && consumed == text.Length
                ? (TEnum)Enum.ToObject(typeof(TEnum), number)
                : throw new InvalidOperationException($"'{System.Text.Encoding.UTF8.GetString(text)}' is not a stored {typeof(TEnum).Name}.");
        }

        foreach (var (bytes, value) in utf8)
        {
            if (text.SequenceEqual(bytes))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"'{System.Text.Encoding.UTF8.GetString(text)}' is not a stored {typeof(TEnum).Name}.");
    }

    /// <summary>The value at <paramref name="ordinal"/>.</summary>
    public TEnum Read(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (byText.Count == 0)
        {
            return (TEnum)Enum.ToObject(typeof(TEnum), reader.GetInt32(ordinal));
        }

        var text = reader.GetString(ordinal);
        return byText.TryGetValue(text, out var value)
            ? value
            : throw new InvalidOperationException($"'{text}' is not a stored {typeof(TEnum).Name}.");
    }
}
