using System.Globalization;
using System.Text;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.Persistence;

/// <summary>A professional and their credit records of the years read.</summary>
/// <param name="Owner">Who they belong to.</param>
/// <param name="Entries">Their records of the years, as the rule engine sees them.</param>
public sealed record PersonEntries(ComplianceOwner Owner, IReadOnlyList<CreditEntry> Entries);

/// <summary>Which professionals a pass covers: those of one department, or those of every department but some.</summary>
/// <param name="Include">Only this department (a module's), or null.</param>
/// <param name="Exclude">Not these departments (the platform book: every department without an enabled module).</param>
public sealed record DepartmentFilter(string? Include, IReadOnlyList<string> Exclude)
{
    /// <summary>Every professional.</summary>
    public static DepartmentFilter Everyone { get; } = new(null, []);

    /// <summary>The professionals governed by the book of <paramref name="scope"/>.</summary>
    public static DepartmentFilter For(ComplianceRules rules, string scope)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.DepartmentOf(scope) is { } department ? new DepartmentFilter(department, []) : new DepartmentFilter(null, rules.ModuleDepartments);
    }
}

/// <summary>
/// The credit years whose records a chunk reads for each professional: those of <paramref name="Departments"/>' own
/// window for a department listed there, else <paramref name="OthersFrom"/>–<paramref name="OthersTo"/>. A window whose
/// first year is after its last reads no records (the person still comes, without records).
/// </summary>
/// <param name="Departments">Department code, first and last credit year.</param>
/// <param name="OthersFrom">First credit year for the departments not listed.</param>
/// <param name="OthersTo">Last credit year for the departments not listed.</param>
internal sealed record RecordWindows(IReadOnlyList<(string Department, int From, int To)> Departments, int OthersFrom, int OthersTo)
{
    /// <summary>A window of no credit years.</summary>
    public static (int From, int To) Nothing => (9999, 1);

    /// <summary>The same credit years for everyone.</summary>
    public static RecordWindows Uniform(int fromYear, int toYear) => new([], fromYear, toYear);
}

/// <summary>
/// Streams professionals with their credit records of a range of credit years, ordered by person, with plain
/// <see cref="System.Data.Common.DbDataReader"/>s (no EF materialization) on the context's connection and current transaction. The
/// people of a pass are split into chunks by key (one ordered key read, then one range query per chunk: professionals
/// LEFT JOIN records, so people without records come too), so the reader is closed before the chunk is written — the
/// same code runs on every provider, and on one connection inside one transaction. The caller opens the connection
/// (beginning a transaction does).
/// </summary>
internal sealed class PersonRecordStream
{
    private readonly PlatformDbContext db;
    private readonly DatabaseProvider provider;
    private readonly DepartmentFilter filter;
    private readonly EnumColumn<ProfessionalStatus> personStatus;
    private readonly EnumColumn<CreditCategory> category;
    private readonly EnumColumn<ActivityType> activity;
    private readonly EnumColumn<CreditRecordStatus> recordStatus;
    private readonly EnumColumn<Ownership> ownership;
    private readonly EnumColumn<Ownership> storedOwnership;

    public PersonRecordStream(PlatformDbContext db, DepartmentFilter filter)
    {
        this.db = db;
        this.filter = filter;
        provider = TableCommand.ProviderOf(db);
        personStatus = new EnumColumn<ProfessionalStatus>(TableCommand.PropertyOf<Professional>(db, nameof(Professional.Status)));
        category = new EnumColumn<CreditCategory>(TableCommand.PropertyOf<CreditRecord>(db, nameof(CreditRecord.Category)));
        activity = new EnumColumn<ActivityType>(TableCommand.PropertyOf<CreditRecord>(db, nameof(CreditRecord.Activity)));
        recordStatus = new EnumColumn<CreditRecordStatus>(TableCommand.PropertyOf<CreditRecord>(db, nameof(CreditRecord.Status)));
        ownership = new EnumColumn<Ownership>(TableCommand.PropertyOf<Employer>(db, nameof(Employer.Ownership)));
        storedOwnership = new EnumColumn<Ownership>(TableCommand.PropertyOf<CycleCompliance>(db, nameof(CycleCompliance.EmployerOwnership)));
    }

    /// <summary>The keys of the pass's professionals, in the database's key order.</summary>
    public async Task<List<Guid>> PeopleAsync(CancellationToken cancellationToken)
    {
        var id = TableCommand.ColumnOf<Professional>(db, nameof(Professional.Id));
        var text = $"SELECT p.{id} FROM {TableCommand.TableOf<Professional>(db)} p{Where(null)} ORDER BY p.{id}";
        var people = new List<Guid>();
        if (provider == DatabaseProvider.Sqlite)
        {
            using var statement = SqliteStatement.Prepare(db.Database.GetDbConnection(), text);
            BindFilter(statement);
            while (statement.Step())
            {
                people.Add(statement.Guid(0));
            }

            return people;
        }

        using var command = TableCommand.Text(db, text);
        BindFilter(command);
        await using var reader = await command.ReadAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            people.Add(reader.GetGuid(0));
        }

        return people;
    }

    /// <summary>
    /// The professionals with keys after <paramref name="after"/> (null: from the first) up to <paramref name="last"/>,
    /// with their records of the credit years <paramref name="fromYear"/>–<paramref name="toYear"/>.
    /// </summary>
    public Task<List<PersonEntries>> ChunkAsync(Guid? after, Guid last, int fromYear, int toYear, CancellationToken cancellationToken) =>
        ChunkAsync(after, last, RecordWindows.Uniform(fromYear, toYear), cancellationToken);

    /// <summary>
    /// The professionals with keys after <paramref name="after"/> (null: from the first) up to <paramref name="last"/>,
    /// each with their records of their department's credit years in <paramref name="windows"/>.
    /// </summary>
    public async Task<List<PersonEntries>> ChunkAsync(Guid? after, Guid last, RecordWindows windows, CancellationToken cancellationToken)
    {
        string P(string property) => "p." + TableCommand.ColumnOf<Professional>(db, property);
        string R(string property) => "r." + TableCommand.ColumnOf<CreditRecord>(db, property);

        // A bound of the person's window: a parameter, or one per department chosen by the person's department.
        string Bound(string name) => windows.Departments.Count == 0
            ? "@" + name
            : $"CASE {P(nameof(Professional.DepartmentCode))} "
              + string.Concat(windows.Departments.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"WHEN @wd{i} THEN @{name}{i} ")))
              + $"ELSE @{name} END";

        // The credit year is the year of the date: the date range lets the (person, date) index seek exactly the cycle's records.
        var text =
            $"SELECT {P(nameof(Professional.Id))}, {P(nameof(Professional.RegionCode))}, {P(nameof(Professional.DepartmentCode))}, {P(nameof(Professional.EmployerId))}, {P(nameof(Professional.Status))}, "
            + $"{R(nameof(CreditRecord.Id))}, {R(nameof(CreditRecord.Date))}, {R(nameof(CreditRecord.Category))}, {R(nameof(CreditRecord.Activity))}, {R(nameof(CreditRecord.Hours))}, {R(nameof(CreditRecord.Status))}, {R(nameof(CreditRecord.CreditClass))}, "
            + $"e.{TableCommand.ColumnOf<Employer>(db, nameof(Employer.Ownership))} "
            + $"FROM {TableCommand.TableOf<Professional>(db)} p "
            + $"LEFT JOIN {TableCommand.TableOf<Employer>(db)} e ON e.{TableCommand.ColumnOf<Employer>(db, nameof(Employer.Id))} = {P(nameof(Professional.EmployerId))} "
            + $"LEFT JOIN {TableCommand.TableOf<CreditRecord>(db)} r ON {R(nameof(CreditRecord.ProfessionalId))} = {P(nameof(Professional.Id))} "
            + $"AND {R(nameof(CreditRecord.Date))} >= {Bound("fromDay")} AND {R(nameof(CreditRecord.Date))} <= {Bound("toDay")} "
            + $"AND {R(nameof(CreditRecord.CreditYear))} >= {Bound("from")} AND {R(nameof(CreditRecord.CreditYear))} <= {Bound("to")}"
            + Where(after, chunk: true) + $" ORDER BY {P(nameof(Professional.Id))}";
        if (provider == DatabaseProvider.Sqlite)
        {
            return SqliteChunk(text, after, last, windows);
        }

        using var command = TableCommand.Text(db, text);
        BindFilter(command);
        foreach (var (suffix, department, fromYear, toYear) in Windows(windows))
        {
            if (department is not null)
            {
                command.Parameter<Professional>(nameof(Professional.DepartmentCode), "@wd" + suffix, department);
            }

            command.Parameter<CreditRecord>(nameof(CreditRecord.CreditYear), "@from" + suffix, fromYear);
            command.Parameter<CreditRecord>(nameof(CreditRecord.CreditYear), "@to" + suffix, toYear);
            command.Parameter<CreditRecord>(nameof(CreditRecord.Date), "@fromDay" + suffix, FirstDay(fromYear));
            command.Parameter<CreditRecord>(nameof(CreditRecord.Date), "@toDay" + suffix, LastDay(toYear));
        }

        if (after is { } lower)
        {
            command.Parameter<Professional>(nameof(Professional.Id), "@after", lower);
        }

        command.Parameter<Professional>(nameof(Professional.Id), "@last", last);
        await using var reader = await command.ReadAsync(cancellationToken).ConfigureAwait(false);
        var people = new List<PersonEntries>();
        Guid current = default;
        List<CreditEntry>? entries = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var person = reader.GetGuid(0);
            if (entries is null || person != current)
            {
                current = person;
                entries = [];
                var owner = new ComplianceOwner(
                    person, reader.GetString(1), reader.GetString(2), reader.GetGuid(3), personStatus.Read(reader, 4) == ProfessionalStatus.Active,
                    reader.IsDBNull(12) ? default : ownership.Read(reader, 12));
                people.Add(new PersonEntries(owner, entries));
            }

            if (!reader.IsDBNull(5))
            {
                entries.Add(new CreditEntry(
                    reader.GetGuid(5),
                    reader.GetFieldValue<DateOnly>(6),
                    category.Read(reader, 7),
                    activity.Read(reader, 8),
                    CreditHours.FromHundredths(reader.GetInt64(9)),
                    recordStatus.Read(reader, 10),
                    reader.IsDBNull(11) ? null : reader.GetString(11)));
            }
        }

        return people;
    }

    // The same chunk on SQLite with SQLite's own statement API: no per-value allocations and conversions of the
    // ADO.NET layer; the person's columns are read once per person. (Packing each person's records into one text in
    // SQL — group_concat — was tried: SQLite's string building cost as much as the calls it saved.)
    private List<PersonEntries> SqliteChunk(string text, Guid? after, Guid last, RecordWindows windows)
    {
        using var statement = SqliteStatement.Prepare(db.Database.GetDbConnection(), text);
        BindFilter(statement);
        foreach (var (suffix, department, fromYear, toYear) in Windows(windows))
        {
            if (department is not null)
            {
                statement.BindValue(statement.Position("@wd" + suffix), TableCommand.ProviderValue<Professional>(db, nameof(Professional.DepartmentCode), department));
            }

            statement.Bind(statement.Position("@from" + suffix), fromYear);
            statement.Bind(statement.Position("@to" + suffix), toYear);
            statement.BindValue(statement.Position("@fromDay" + suffix), TableCommand.ProviderValue<CreditRecord>(db, nameof(CreditRecord.Date), FirstDay(fromYear)));
            statement.BindValue(statement.Position("@toDay" + suffix), TableCommand.ProviderValue<CreditRecord>(db, nameof(CreditRecord.Date), LastDay(toYear)));
        }

        if (after is { } lower)
        {
            statement.BindValue(statement.Position("@after"), TableCommand.ProviderValue<Professional>(db, nameof(Professional.Id), lower));
        }

        statement.BindValue(statement.Position("@last"), TableCommand.ProviderValue<Professional>(db, nameof(Professional.Id), last));
        var people = new List<PersonEntries>();
        Span<byte> currentKey = stackalloc byte[64];
        var currentLength = -1;
        List<CreditEntry>? entries = null;
        var classes = new List<string>();
        var codes = new List<string>();
        while (statement.Step())
        {
            var key = statement.Utf8(0);
            if (entries is null || currentLength < 0 || !key.SequenceEqual(currentKey[..currentLength]))
            {
                // Keys are 36 characters of text (or 16 bytes); a longer one is simply not remembered.
                currentLength = key.Length <= currentKey.Length ? key.Length : -1;
                if (currentLength >= 0)
                {
                    key.CopyTo(currentKey);
                }

                entries = new List<CreditEntry>(16);
                var owner = new ComplianceOwner(
                    SqliteStatement.Key(key), Intern(codes, statement.Utf8(1)), Intern(codes, statement.Utf8(2)), statement.Guid(3), personStatus.Read(statement, 4) == ProfessionalStatus.Active,
                    statement.IsNull(12) ? default : ownership.Read(statement, 12));
                people.Add(new PersonEntries(owner, entries));
            }

            // A record's key is never empty: an empty value is the NULL of a person without records.
            var record = statement.Utf8(5);
            if (record.Length > 0)
            {
                entries.Add(new CreditEntry(
                    SqliteStatement.Key(record),
                    statement.Day(6),
                    category.Read(statement, 7),
                    activity.Read(statement, 8),
                    CreditHours.FromHundredths(statement.Int64(9)),
                    recordStatus.Read(statement, 10),
                    statement.IsNull(11) ? null : Intern(classes, statement.Utf8(11))));
            }
        }

        return people;
    }

    // The windows' parameters: a suffix, the department (null for the others' window) and the credit years.
    private static IEnumerable<(string Suffix, string? Department, int From, int To)> Windows(RecordWindows windows) =>
        windows.Departments
            .Select((w, i) => (i.ToString(CultureInfo.InvariantCulture), (string?)w.Department, w.From, w.To))
            .Append(("", null, windows.OthersFrom, windows.OthersTo));

    // The days bounding credit years (an empty window — first year after last — stays empty; years are kept in range).
    private static DateOnly FirstDay(int year) => new(Math.Clamp(year, 1, 9999), 1, 1);

    private static DateOnly LastDay(int year) => new(Math.Clamp(year, 1, 9999), 12, 31);

    // Repeated short texts (credit classes, scopes, titles, codes) are few: one string each, up to a bound.
    private static string Intern(List<string> known, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 256)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> buffer = stackalloc char[256];
        var text = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        foreach (var candidate in known)
        {
            if (text.SequenceEqual(candidate))
            {
                return candidate;
            }
        }

        var added = new string(text);
        if (known.Count < 64)
        {
            known.Add(added);
        }

        return added;
    }

    /// <summary>
    /// The stored compliance rows of the chunk's people (those of the pass's departments with keys in the range) whose
    /// cycles overlap the credit years.
    /// </summary>
    public async Task<List<StoredComplianceRow>> StoredAsync(Guid? after, Guid last, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        string C(string property) => "c." + TableCommand.ColumnOf<CycleCompliance>(db, property);
        var status = new EnumColumn<ComplianceStatus>(TableCommand.PropertyOf<CycleCompliance>(db, nameof(CycleCompliance.Status)));
        var department = DepartmentCondition();
        var text =
            $"SELECT {C(nameof(CycleCompliance.Id))}, {C(nameof(CycleCompliance.ProfessionalId))}, {C(nameof(CycleCompliance.CycleStart))}, {C(nameof(CycleCompliance.CycleEnd))}, "
            + $"{C(nameof(CycleCompliance.RuleScope))}, {C(nameof(CycleCompliance.RuleSetTitle))}, {C(nameof(CycleCompliance.Status))}, {C(nameof(CycleCompliance.Counted))}, "
            + $"{C(nameof(CycleCompliance.Required))}, {C(nameof(CycleCompliance.PublicCounted))}, {C(nameof(CycleCompliance.ProfessionalCounted))}, {C(nameof(CycleCompliance.Missing))}, "
            + $"{C(nameof(CycleCompliance.RegionCode))}, {C(nameof(CycleCompliance.DepartmentCode))}, {C(nameof(CycleCompliance.EmployerId))}, {C(nameof(CycleCompliance.EmployerOwnership))} "
            + $"FROM {TableCommand.TableOf<CycleCompliance>(db)} c"
            + (department is null ? " " : $" JOIN {TableCommand.TableOf<Professional>(db)} p ON p.{TableCommand.ColumnOf<Professional>(db, nameof(Professional.Id))} = {C(nameof(CycleCompliance.ProfessionalId))} ")
            + $"WHERE {C(nameof(CycleCompliance.CycleStart))} <= @to AND {C(nameof(CycleCompliance.CycleEnd))} >= @from "
            + (after is null ? "" : $"AND {C(nameof(CycleCompliance.ProfessionalId))} > @after ")
            + $"AND {C(nameof(CycleCompliance.ProfessionalId))} <= @last"
            + (department is null ? "" : " AND " + department);
        if (provider == DatabaseProvider.Sqlite)
        {
            return SqliteStored(text, status, after, last, fromYear, toYear);
        }

        using var command = TableCommand.Text(db, text);
        BindFilter(command);
        command.Parameter<CycleCompliance>(nameof(CycleCompliance.CycleStart), "@to", toYear);
        command.Parameter<CycleCompliance>(nameof(CycleCompliance.CycleEnd), "@from", fromYear);
        if (after is { } lower)
        {
            command.Parameter<CycleCompliance>(nameof(CycleCompliance.ProfessionalId), "@after", lower);
        }

        command.Parameter<CycleCompliance>(nameof(CycleCompliance.ProfessionalId), "@last", last);
        await using var reader = await command.ReadAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<StoredComplianceRow>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StoredComplianceRow(reader.GetGuid(0), new ComplianceRow(
                reader.GetGuid(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                status.Read(reader, 6),
                CreditHours.FromHundredths(reader.GetInt64(7)),
                CreditHours.FromHundredths(reader.GetInt64(8)),
                CreditHours.FromHundredths(reader.GetInt64(9)),
                CreditHours.FromHundredths(reader.GetInt64(10)),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetString(12),
                reader.GetString(13),
                reader.GetGuid(14),
                storedOwnership.Read(reader, 15))));
        }

        return rows;
    }

    // The same stored rows on SQLite with SQLite's own statement API.
    private List<StoredComplianceRow> SqliteStored(string text, EnumColumn<ComplianceStatus> status, Guid? after, Guid last, int fromYear, int toYear)
    {
        using var statement = SqliteStatement.Prepare(db.Database.GetDbConnection(), text);
        BindFilter(statement);
        statement.Bind(statement.Position("@to"), toYear);
        statement.Bind(statement.Position("@from"), fromYear);
        if (after is { } lower)
        {
            statement.BindValue(statement.Position("@after"), TableCommand.ProviderValue<CycleCompliance>(db, nameof(CycleCompliance.ProfessionalId), lower));
        }

        statement.BindValue(statement.Position("@last"), TableCommand.ProviderValue<CycleCompliance>(db, nameof(CycleCompliance.ProfessionalId), last));
        var rows = new List<StoredComplianceRow>();
        var texts = new List<string>();
        while (statement.Step())
        {
            rows.Add(new StoredComplianceRow(statement.Guid(0), new ComplianceRow(
                statement.Guid(1),
                checked((int)statement.Int64(2)),
                checked((int)statement.Int64(3)),
                Intern(texts, statement.Utf8(4)),
                statement.IsNull(5) ? null : Intern(texts, statement.Utf8(5)),
                status.Read(statement, 6),
                CreditHours.FromHundredths(statement.Int64(7)),
                CreditHours.FromHundredths(statement.Int64(8)),
                CreditHours.FromHundredths(statement.Int64(9)),
                CreditHours.FromHundredths(statement.Int64(10)),
                statement.Text(11),
                Intern(texts, statement.Utf8(12)),
                Intern(texts, statement.Utf8(13)),
                statement.Guid(14),
                storedOwnership.Read(statement, 15))));
        }

        return rows;
    }

    // The pass's department condition and, for a chunk, its key range.
    private string Where(Guid? after, bool chunk = false)
    {
        var id = "p." + TableCommand.ColumnOf<Professional>(db, nameof(Professional.Id));
        var conditions = new List<string>();
        if (DepartmentCondition(indexed: !chunk) is { } department)
        {
            conditions.Add(department);
        }

        if (after is not null)
        {
            conditions.Add($"{id} > @after");
        }

        if (chunk)
        {
            conditions.Add($"{id} <= @last");
        }

        return conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
    }

    // Which professionals (alias p) the pass covers, or null for everyone. A chunk is a key range: on SQLite (no
    // statistics) the department's index would win and every chunk would scan the whole department and sort it; a
    // unary plus keeps the key's range search.
    private string? DepartmentCondition(bool indexed = false)
    {
        var department = "p." + TableCommand.ColumnOf<Professional>(db, nameof(Professional.DepartmentCode));
        if (filter.Include is not null)
        {
            return !indexed && provider == DatabaseProvider.Sqlite ? $"+{department} = @department" : $"{department} = @department";
        }

        return filter.Exclude.Count > 0
            ? $"{department} NOT IN ({string.Join(", ", filter.Exclude.Select((_, i) => "@exclude" + i.ToString(CultureInfo.InvariantCulture)))})"
            : null;
    }

    private void BindFilter(SqliteStatement statement)
    {
        if (filter.Include is { } include)
        {
            statement.BindValue(statement.Position("@department"), TableCommand.ProviderValue<Professional>(db, nameof(Professional.DepartmentCode), include));
        }
        else
        {
            for (var i = 0; i < filter.Exclude.Count; i++)
            {
                statement.BindValue(statement.Position("@exclude" + i.ToString(CultureInfo.InvariantCulture)), TableCommand.ProviderValue<Professional>(db, nameof(Professional.DepartmentCode), filter.Exclude[i]));
            }
        }
    }

    private void BindFilter(TableCommand command)
    {
        if (filter.Include is { } include)
        {
            command.Parameter<Professional>(nameof(Professional.DepartmentCode), "@department", include);
        }
        else
        {
            for (var i = 0; i < filter.Exclude.Count; i++)
            {
                command.Parameter<Professional>(nameof(Professional.DepartmentCode), "@exclude" + i.ToString(CultureInfo.InvariantCulture), filter.Exclude[i]);
            }
        }
    }
}
