using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace KnowledgeRenewal.Kernel.Persistence;

/// <summary>
/// The platform's one ADO.NET helper (ADR 0004, 0008): statements built from the EF model (table and column names,
/// the provider's type mappings and the model's value converters), run with plain ADO.NET on the context's
/// connection in its current transaction — on SQLite, PostgreSQL and SQL Server alike, reading and writing exactly
/// what EF would. A prepared INSERT, UPDATE or DELETE of one entity type's table creates its parameters once and only
/// their values change per row, so a bulk write is one prepared statement executed N times; a statement of the
/// caller's own text (<see cref="Text"/>) takes parameters typed like model properties. The model's names and
/// conversions are also at hand for the SQLite-only fast paths (<see cref="TableOf{T}"/>, <see cref="ColumnOf{T}"/>,
/// <see cref="ConverterOf{T}"/>, <see cref="ProviderOf"/>). Not thread-safe.
/// </summary>
public sealed class TableCommand : IDisposable
{
    private readonly DbContext db;
    private readonly DbCommand command;
    private readonly List<Column> columns;
    private int width;

    private TableCommand(DbContext db, string sql, Column[] columns, bool inTransaction = true)
    {
        this.db = db;
        this.columns = [.. columns];
        command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? (inTransaction ? throw new InvalidOperationException("Bulk writes run inside the import's transaction; begin it first.") : null);
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        foreach (var column in columns)
        {
            column.Parameter = column.Mapping.CreateParameter(command, column.Name, null, nullable: true);
            command.Parameters.Add(column.Parameter);
        }

        if (inTransaction)
        {
            command.Prepare();
        }
    }

    /// <summary>The provider <paramref name="db"/> runs on (some statements differ).</summary>
    public static DatabaseProvider ProviderOf(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ProviderName switch
        {
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
            "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
            _ => DatabaseProvider.Sqlite,
        };
    }

    /// <summary>
    /// A statement of <paramref name="sql"/> on the context's connection, in its current transaction if there is one
    /// (a query needs none); add its parameters with <see cref="Parameter{T}(string, string)"/> or
    /// <see cref="Parameter(string, object?)"/>, then <see cref="Prepare"/> it if it runs many times.
    /// </summary>
    public static TableCommand Text(DbContext db, string sql)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new TableCommand(db, sql, [], inTransaction: false);
    }

    /// <summary>
    /// INSERT of the <paramref name="columns"/> (property names, in this order) of <typeparamref name="T"/>'s table;
    /// set them by position with <see cref="Set"/>.
    /// </summary>
    public static TableCommand Insert<T>(DbContext db, IReadOnlyList<string> columns) => InsertRows<T>(db, 1, columns);

    /// <summary>
    /// INSERT of <paramref name="rows"/> rows of the <paramref name="columns"/> (property names, in this order) in one
    /// statement; the value of column <c>c</c> of row <c>r</c> is at position <c>r × columns + c</c> (<see cref="Set"/>).
    /// </summary>
    public static TableCommand InsertRows<T>(DbContext db, int rows, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var entity = Entity<T>(db, out var table, out var sql);
        var properties = columns.Select(name => Property(entity, name)).ToArray();
        var all = new List<Column>(properties.Length * rows);
        var values = new List<string>(rows);
        for (var row = 0; row < rows; row++)
        {
            var these = properties.Select((p, i) => Column.Of(p, table, $"@r{row}p{i}", entity)).ToArray();
            all.AddRange(these);
            values.Add("(" + string.Join(", ", these.Select(c => c.Name)) + ")");
        }

        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", all.Take(properties.Length).Select(c => sql.DelimitIdentifier(c.ColumnName)))}) VALUES {string.Join(", ", values)}";
        return new TableCommand(db, text, [.. all]) { width = properties.Length };
    }

    /// <summary>DELETE of the rows of <typeparamref name="T"/>'s table WHERE every <paramref name="where"/> property equals its parameter.</summary>
    public static TableCommand Delete<T>(DbContext db, IReadOnlyList<string> where)
    {
        ArgumentNullException.ThrowIfNull(where);
        var entity = Entity<T>(db, out var table, out var sql);
        var whereColumns = where.Select((name, i) => Column.Of(Property(entity, name), table, "@w" + i, entity)).ToArray();
        var text = $"DELETE FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {string.Join(" AND ", whereColumns.Select(c => $"{sql.DelimitIdentifier(c.ColumnName)} = {c.Name}"))}";
        return new TableCommand(db, text, whereColumns);
    }

    /// <summary>The delimited table of <typeparamref name="T"/> (with its schema, if any).</summary>
    public static string TableOf<T>(DbContext db)
    {
        Entity<T>(db, out var table, out var sql);
        return sql.DelimitIdentifier(table.Name, table.Schema);
    }

    /// <summary>The model's metadata of a property of <typeparamref name="T"/> (its type mapping and converter).</summary>
    public static IProperty PropertyOf<T>(DbContext db, string property) => Property(Entity<T>(db, out _, out _), property);

    /// <summary>Converts model values of a property of <typeparamref name="T"/> as the provider stores them: look it up once, use it per row.</summary>
    public static Func<object?, object?> ConverterOf<T>(DbContext db, string property)
    {
        var converter = PropertyOf<T>(db, property).GetTypeMapping().Converter;
        return converter is null ? static value => value : value => value is null ? null : converter.ConvertToProvider(value);
    }

    /// <summary>A model value of a property of <typeparamref name="T"/> as the provider stores it.</summary>
    public static object? ProviderValue<T>(DbContext db, string property, object? value) => ConverterOf<T>(db, property)(value);

    /// <summary>Adds a parameter <paramref name="name"/> typed like <paramref name="property"/> of <typeparamref name="T"/>; its position for <see cref="Set"/>.</summary>
    public int Parameter<T>(string property, string name)
    {
        var entity = Entity<T>(db, out var table, out _);
        var column = Column.Of(Property(entity, property), table, name, entity);
        column.Parameter = column.Mapping.CreateParameter(command, column.Name, null, nullable: true);
        command.Parameters.Add(column.Parameter);
        columns.Add(column);
        return columns.Count - 1;
    }

    /// <summary>Adds a parameter <paramref name="name"/> typed like <paramref name="property"/> of <typeparamref name="T"/> with its value.</summary>
    public TableCommand Parameter<T>(string property, string name, object? value)
    {
        Set(Parameter<T>(property, name), value);
        return this;
    }

    /// <summary>Adds a parameter the provider types from <paramref name="value"/> itself (e.g. a PostgreSQL array).</summary>
    public TableCommand Parameter(string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return this;
    }

    /// <summary>Prepares the statement (after its parameters are added), for one that runs many times.</summary>
    public void Prepare() => command.Prepare();

    /// <summary>Runs the statement; the number of rows affected.</summary>
    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => command.ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Runs the query; its rows.</summary>
    public Task<DbDataReader> ReadAsync(CancellationToken cancellationToken) => command.ExecuteReaderAsync(cancellationToken);

    /// <summary>
    /// INSERT of every column of <typeparamref name="T"/>'s table that the entity type maps (a TPH discriminator
    /// included), except the columns the database computes.
    /// </summary>
    public static TableCommand Insert<T>(DbContext db)
    {
        var entity = Entity<T>(db, out var table, out var sql);
        var properties = entity.GetProperties().Where(p => p.GetComputedColumnSql(table) is null).ToArray();
        var columns = properties.Select((p, i) => Column.Of(p, table, "@p" + i, entity)).ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.ColumnName)))}) VALUES ({string.Join(", ", columns.Select(c => c.Name))})";
        return new TableCommand(db, text, columns);
    }

    /// <summary>
    /// INSERT of <paramref name="rows"/> rows in one statement (<c>VALUES (…), (…)</c>), the columns as
    /// <see cref="Insert{T}"/>: one round trip for many rows, which matters on a server database. Set each row with
    /// <see cref="SetRow"/>.
    /// </summary>
    public static TableCommand InsertRows<T>(DbContext db, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var entity = Entity<T>(db, out var table, out var sql);
        var properties = entity.GetProperties().Where(p => p.GetComputedColumnSql(table) is null).ToArray();
        var columns = new List<Column>(properties.Length * rows);
        var values = new List<string>(rows);
        for (var row = 0; row < rows; row++)
        {
            var these = properties.Select((p, i) => Column.Of(p, table, $"@r{row}p{i}", entity)).ToArray();
            columns.AddRange(these);
            values.Add("(" + string.Join(", ", these.Select(c => c.Name)) + ")");
        }

        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Take(properties.Length).Select(c => sql.DelimitIdentifier(c.ColumnName)))}) VALUES {string.Join(", ", values)}";
        return new TableCommand(db, text, [.. columns]) { width = properties.Length };
    }

    /// <summary>How many rows of <typeparamref name="T"/> one multi-row INSERT may carry: at most 100, and about 2,000 parameters (SQL Server's limit is 2,100).</summary>
    public static int RowsPerInsert<T>(DbContext db)
    {
        var entity = Entity<T>(db, out var table, out _);
        var width = entity.GetProperties().Count(p => p.GetComputedColumnSql(table) is null);
        return Math.Clamp(2000 / Math.Max(1, width), 1, 100);
    }

    /// <summary>Sets the columns of row <paramref name="row"/> of a multi-row INSERT from an entity object.</summary>
    public void SetRow(int row, object entity)
    {
        var from = row * width;
        for (var i = from; i < from + width; i++)
        {
            columns[i].Set(columns[i].Read(entity));
        }
    }

    /// <summary>
    /// UPDATE of <paramref name="set"/> WHERE every <paramref name="where"/> property equals its parameter (set values
    /// first, then where values) and, if given, the SQL <paramref name="extraCondition"/> holds.
    /// </summary>
    public static TableCommand Update<T>(DbContext db, IReadOnlyList<string> set, IReadOnlyList<string> where, string? extraCondition = null)
    {
        var entity = Entity<T>(db, out var table, out var sql);
        var setColumns = set.Select((name, i) => Column.Of(Property(entity, name), table, "@s" + i, entity)).ToArray();
        var whereColumns = where.Select((name, i) => Column.Of(Property(entity, name), table, "@w" + i, entity)).ToArray();
        var text = $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {string.Join(", ", setColumns.Select(c => $"{sql.DelimitIdentifier(c.ColumnName)} = {c.Name}"))} "
            + $"WHERE {string.Join(" AND ", whereColumns.Select(c => $"{sql.DelimitIdentifier(c.ColumnName)} = {c.Name}"))}"
            + (extraCondition is null ? "" : " AND " + extraCondition);
        return new TableCommand(db, text, [.. setColumns, .. whereColumns]);
    }

    /// <summary>The delimited column name of a property of <typeparamref name="T"/> (for extra conditions).</summary>
    public static string ColumnOf<T>(DbContext db, string property)
    {
        var entity = Entity<T>(db, out var table, out var sql);
        return sql.DelimitIdentifier(Property(entity, property).GetColumnName(table)!);
    }

    /// <summary>Sets every column from an entity object (its CLR values; a discriminator gets the type's value).</summary>
    public void SetAll(object entity)
    {
        foreach (var column in columns)
        {
            column.Set(column.Read(entity));
        }
    }

    /// <summary>Sets the <paramref name="index"/>th parameter (in creation order).</summary>
    public void Set(int index, object? value) => columns[index].Set(value);

    /// <summary>Runs the statement; the number of rows affected.</summary>
    public int Execute() => command.ExecuteNonQuery();

    public void Dispose() => command.Dispose();

    private static IEntityType Entity<T>(DbContext db, out StoreObjectIdentifier table, out ISqlGenerationHelper sql)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        sql = db.GetService<ISqlGenerationHelper>();
        return entity;
    }

    private static IProperty Property(IEntityType entity, string name) =>
        entity.FindProperty(name) ?? throw new InvalidOperationException($"{entity.ClrType.Name}.{name} is not mapped.");

    private sealed class Column
    {
        private Func<object, object?> read = null!;

        public required string Name { get; init; }

        public required string ColumnName { get; init; }

        public required RelationalTypeMapping Mapping { get; init; }

        public DbParameter Parameter { get; set; } = null!;

        public static Column Of(IProperty property, StoreObjectIdentifier table, string name, IEntityType entity)
        {
            var column = new Column
            {
                Name = name,
                ColumnName = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {table.Name}."),
                Mapping = property.GetRelationalTypeMapping(),
            };
            if (property == entity.FindDiscriminatorProperty())
            {
                var discriminator = entity.GetDiscriminatorValue();
                column.read = _ => discriminator;
            }
            else if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{entity.ClrType.Name}.{property.Name} is a shadow property; bulk writes need CLR values.");
            }
            else
            {
                var getter = property.GetGetter();
                column.read = getter.GetClrValueUsingContainingEntity;
            }

            return column;
        }

        public object? Read(object entity) => read(entity);

        public void Set(object? value)
        {
            if (value is not null && Mapping.Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }

            Parameter.Value = value ?? DBNull.Value;
        }
    }
}
