using System.Data.Common;
using System.Globalization;
using System.Text;
using KnowledgeRenewal.Core.Compliance;
using KnowledgeRenewal.Core.Ledger;
using KnowledgeRenewal.Core.Registry;
using KnowledgeRenewal.Data;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Host.Compliance;

/// <summary>A professional and their credit records of the years read.</summary>
/// <param name="Owner">Who they belong to.</param>
/// <param name="Entries">Their records of the years, as the rule engine sees them.</param>
public sealed record PersonEntries(ComplianceOwner Owner, IReadOnlyList<CreditEntry> Entries);

/// <summary>A professional of a bulk pass: who, how many records of the cycle's years they have, and those that count.</summary>
/// <param name="Owner">Who they belong to.</param>
/// <param name="Records">Their records of the cycle's credit years, of any status.</param>
/// <param name="Sums">The hours of their summable records (<see cref="SummableRecords"/>), added up by the database.</param>
/// <param name="Entries">Their other approved records of the cycle, to be taken one by one.</param>
public sealed record SummedPerson(ComplianceOwner Owner, int Records, CreditSums Sums, IReadOnlyList<CreditEntry> Entries);

/// <summary>Which professionals a pass covers: those of one department, or those of every department but some.</summary>
/// <param name="Include">Only this department (a module's), or null.</param>
/// <param name="Exclude">Not these departments (the platform book: every department without an enabled module).</param>
public sealed record DepartmentFilter(string? Include, IReadOnlyList<string> Exclude)
{
    /// <summary>The professionals governed by the book of <paramref name="scope"/>.</summary>
    public static DepartmentFilter For(ComplianceRules rules, string scope)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.DepartmentOf(scope) is { } department ? new DepartmentFilter(department, []) : new DepartmentFilter(null, rules.ModuleDepartments);
    }
}

/// <summary>
/// Streams professionals with their credit records of a range of credit years, ordered by person, with plain
/// <see cref="DbDataReader"/>s (no EF materialization) on the context's connection and current transaction. The
/// people of a pass are split into chunks by key (one ordered key read, then one range query per chunk: professionals
/// LEFT JOIN records, so people without records come too), so the reader is closed before the chunk is written — the
/// same code runs on every provider, and on one connection inside one transaction. The caller opens the connection
/// (beginning a transaction does).
/// </summary>
internal sealed class PersonRecordStream
{
    private readonly ModelSql sql;
    private readonly DepartmentFilter filter;
    private readonly EnumColumn<ProfessionalStatus> personStatus;
    private readonly EnumColumn<CreditCategory> category;
    private readonly EnumColumn<ActivityType> activity;
    private readonly EnumColumn<CreditRecordStatus> recordStatus;

    public PersonRecordStream(PlatformDbContext db, DepartmentFilter filter)
    {
        this.filter = filter;
        sql = new ModelSql(db);
        personStatus = new EnumColumn<ProfessionalStatus>(sql.Property<Professional>(nameof(Professional.Status)));
        category = new EnumColumn<CreditCategory>(sql.Property<CreditRecord>(nameof(CreditRecord.Category)));
        activity = new EnumColumn<ActivityType>(sql.Property<CreditRecord>(nameof(CreditRecord.Activity)));
        recordStatus = new EnumColumn<CreditRecordStatus>(sql.Property<CreditRecord>(nameof(CreditRecord.Status)));
    }

    /// <summary>The keys of the pass's professionals, in the database's key order.</summary>
    public async Task<List<Guid>> PeopleAsync(CancellationToken cancellationToken)
    {
        var id = sql.Column<Professional>(nameof(Professional.Id));
        await using var command = sql.Command($"SELECT p.{id} FROM {sql.Table<Professional>()} p{Where(null)} ORDER BY p.{id}");
        BindFilter(command);
        var people = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
    public async Task<List<PersonEntries>> ChunkAsync(Guid? after, Guid last, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        string P(string property) => "p." + sql.Column<Professional>(property);
        string R(string property) => "r." + sql.Column<CreditRecord>(property);
        var text =
            $"SELECT {P(nameof(Professional.Id))}, {P(nameof(Professional.RegionCode))}, {P(nameof(Professional.DepartmentCode))}, {P(nameof(Professional.EmployerId))}, {P(nameof(Professional.Status))}, "
            + $"{R(nameof(CreditRecord.Id))}, {R(nameof(CreditRecord.Date))}, {R(nameof(CreditRecord.Category))}, {R(nameof(CreditRecord.Activity))}, {R(nameof(CreditRecord.Hours))}, {R(nameof(CreditRecord.Status))}, {R(nameof(CreditRecord.CreditClass))} "
            + $"FROM {sql.Table<Professional>()} p LEFT JOIN {sql.Table<CreditRecord>()} r ON {R(nameof(CreditRecord.ProfessionalId))} = {P(nameof(Professional.Id))} "
            + $"AND {R(nameof(CreditRecord.CreditYear))} >= @from AND {R(nameof(CreditRecord.CreditYear))} <= @to"
            + Where(after, chunk: true) + $" ORDER BY {P(nameof(Professional.Id))}";
        await using var command = sql.Command(text);
        BindFilter(command);
        sql.Parameter<CreditRecord>(command, nameof(CreditRecord.CreditYear), "@from").Set(fromYear);
        sql.Parameter<CreditRecord>(command, nameof(CreditRecord.CreditYear), "@to").Set(toYear);
        if (after is { } lower)
        {
            sql.Parameter<Professional>(command, nameof(Professional.Id), "@after").Set(lower);
        }

        sql.Parameter<Professional>(command, nameof(Professional.Id), "@last").Set(last);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
                var owner = new ComplianceOwner(person, reader.GetString(1), reader.GetString(2), reader.GetGuid(3), personStatus.Read(reader, 4) == ProfessionalStatus.Active);
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

    /// <summary>
    /// The professionals with keys after <paramref name="after"/> (null: from the first) up to <paramref name="last"/>
    /// for the evaluation of <paramref name="cycle"/> under <paramref name="set"/> (null: no rules apply), without
    /// handing every record over. One statement, grouped by person and by "record taken one by one": per person one
    /// row with the count of their records of the cycle's credit years and the sums per bucket of the summable ones
    /// (<see cref="SummableRecords"/>: approved, dated in the cycle, of an accepted activity, touching no cap), added up
    /// by the database; plus one row per approved record of the cycle that must be taken one by one (capped
    /// activities, buckets with a maximum), with the few columns the rule engine needs. Each record is read once.
    /// </summary>
    public async Task<List<SummedPerson>> SummedChunkAsync(Guid? after, Guid last, CreditRuleSet? set, CycleWindow cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        string P(string property) => "p." + sql.Column<Professional>(property);
        var plan = set is null ? null : SummableRecords.Of(set);
        var people = new List<SummedPerson>();
        await using var command = sql.Command("");
        var person = $"{P(nameof(Professional.Id))}, {P(nameof(Professional.RegionCode))}, {P(nameof(Professional.DepartmentCode))}, {P(nameof(Professional.EmployerId))}, {P(nameof(Professional.Status))}";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"SELECT {person}, COUNT({R(nameof(CreditRecord.Id))})");
        var buckets = new List<string>();
        string? single = null;
        if (plan is not null)
        {
            var conditions = new RecordConditions(this, command, plan, cycle);
            var hours = R(nameof(CreditRecord.Hours));
            text.Append(CultureInfo.InvariantCulture, $", COALESCE(SUM(CASE WHEN {conditions.Summable} THEN {hours} END), 0)");
            foreach (var bucket in plan.Buckets)
            {
                var byCategory = Enum.TryParse<CreditCategory>(bucket, out var bucketCategory) && bucketCategory.ToString() == bucket
                    ? $"CASE WHEN {R(nameof(CreditRecord.Category))} = {conditions.Bind<CreditRecord>(nameof(CreditRecord.Category), bucketCategory)} THEN {hours} ELSE 0 END"
                    : "0";
                var byClass = $"CASE WHEN {conditions.EffectiveClass} = {conditions.Bind<CreditRecord>(nameof(CreditRecord.CreditClass), bucket)} THEN {hours} ELSE 0 END";
                text.Append(CultureInfo.InvariantCulture, $", COALESCE(SUM(CASE WHEN {conditions.Summable} THEN {byCategory} + {byClass} END), 0)");
                buckets.Add(bucket);
            }

            if (plan.HasCaps)
            {
                // A record taken one by one is a group of its own (its key); the aggregates of one record are its values.
                single = $"CASE WHEN {conditions.OneByOne} THEN {R(nameof(CreditRecord.Id))} END";
                text.Append(CultureInfo.InvariantCulture, $", {single}, MIN({R(nameof(CreditRecord.Date))}), MIN({R(nameof(CreditRecord.Category))}), MIN({R(nameof(CreditRecord.Activity))}), ")
                    .Append(CultureInfo.InvariantCulture, $"MIN({hours}), MIN({R(nameof(CreditRecord.CreditClass))})");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $" FROM {sql.Table<Professional>()} p LEFT JOIN {sql.Table<CreditRecord>()} r ON {R(nameof(CreditRecord.ProfessionalId))} = {P(nameof(Professional.Id))} ")
            .Append(CultureInfo.InvariantCulture, $"AND {R(nameof(CreditRecord.CreditYear))} >= @from AND {R(nameof(CreditRecord.CreditYear))} <= @to")
            .Append(Where(after, chunk: true))
            .Append(CultureInfo.InvariantCulture, $" GROUP BY {person}{(single is null ? "" : ", " + single)} ORDER BY {P(nameof(Professional.Id))}");
        command.CommandText = text.ToString();
        BindChunk(command, after, last, cycle);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new KeyValuePair<string, CreditHours>[buckets.Count];
        var at = 7 + buckets.Count;
        Guid current = default;
        List<CreditEntry>? entries = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetGuid(0);
            var records = (int)Long(reader, 5);
            var one = single is not null && !reader.IsDBNull(at);
            if (entries is null || id != current)
            {
                current = id;
                entries = [];
                var owner = new ComplianceOwner(id, reader.GetString(1), reader.GetString(2), reader.GetGuid(3), personStatus.Read(reader, 4) == ProfessionalStatus.Active);
                people.Add(new SummedPerson(owner, 0, CreditSums.None, entries));
            }

            var summed = people[^1];
            if (one)
            {
                entries.Add(new CreditEntry(
                    reader.GetGuid(at),
                    reader.GetFieldValue<DateOnly>(at + 1),
                    category.Read(reader, at + 2),
                    activity.Read(reader, at + 3),
                    CreditHours.FromHundredths(Long(reader, at + 4)),
                    CreditRecordStatus.Approved,
                    reader.IsDBNull(at + 5) ? null : reader.GetString(at + 5)));
                people[^1] = summed with { Records = summed.Records + records };
            }
            else
            {
                var sums = CreditSums.None;
                if (plan is not null)
                {
                    for (var b = 0; b < buckets.Count; b++)
                    {
                        values[b] = KeyValuePair.Create(buckets[b], CreditHours.FromHundredths(Long(reader, 7 + b)));
                    }

                    sums = CreditSums.Of(CreditHours.FromHundredths(Long(reader, 6)), values);
                }

                people[^1] = summed with { Records = summed.Records + records, Sums = sums };
            }
        }

        return people;
    }

    /// <summary>
    /// The stored compliance rows of the chunk's people (those of the pass's departments with keys in the range) whose
    /// cycles overlap the credit years.
    /// </summary>
    public async Task<List<StoredComplianceRow>> StoredAsync(Guid? after, Guid last, int fromYear, int toYear, CancellationToken cancellationToken)
    {
        string C(string property) => "c." + sql.Column<CycleCompliance>(property);
        var status = new EnumColumn<ComplianceStatus>(sql.Property<CycleCompliance>(nameof(CycleCompliance.Status)));
        var department = DepartmentCondition();
        var text =
            $"SELECT {C(nameof(CycleCompliance.Id))}, {C(nameof(CycleCompliance.ProfessionalId))}, {C(nameof(CycleCompliance.CycleStart))}, {C(nameof(CycleCompliance.CycleEnd))}, "
            + $"{C(nameof(CycleCompliance.RuleScope))}, {C(nameof(CycleCompliance.RuleSetTitle))}, {C(nameof(CycleCompliance.Status))}, {C(nameof(CycleCompliance.Counted))}, "
            + $"{C(nameof(CycleCompliance.Required))}, {C(nameof(CycleCompliance.PublicCounted))}, {C(nameof(CycleCompliance.ProfessionalCounted))}, {C(nameof(CycleCompliance.Missing))}, "
            + $"{C(nameof(CycleCompliance.RegionCode))}, {C(nameof(CycleCompliance.DepartmentCode))}, {C(nameof(CycleCompliance.EmployerId))} "
            + $"FROM {sql.Table<CycleCompliance>()} c"
            + (department is null ? " " : $" JOIN {sql.Table<Professional>()} p ON p.{sql.Column<Professional>(nameof(Professional.Id))} = {C(nameof(CycleCompliance.ProfessionalId))} ")
            + $"WHERE {C(nameof(CycleCompliance.CycleStart))} <= @to AND {C(nameof(CycleCompliance.CycleEnd))} >= @from "
            + (after is null ? "" : $"AND {C(nameof(CycleCompliance.ProfessionalId))} > @after ")
            + $"AND {C(nameof(CycleCompliance.ProfessionalId))} <= @last"
            + (department is null ? "" : " AND " + department);
        await using var command = sql.Command(text);
        BindFilter(command);
        sql.Parameter<CycleCompliance>(command, nameof(CycleCompliance.CycleStart), "@to").Set(toYear);
        sql.Parameter<CycleCompliance>(command, nameof(CycleCompliance.CycleEnd), "@from").Set(fromYear);
        if (after is { } lower)
        {
            sql.Parameter<CycleCompliance>(command, nameof(CycleCompliance.ProfessionalId), "@after").Set(lower);
        }

        sql.Parameter<CycleCompliance>(command, nameof(CycleCompliance.ProfessionalId), "@last").Set(last);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
                reader.GetGuid(14))));
        }

        return rows;
    }

    private string R(string property) => "r." + sql.Column<CreditRecord>(property);

    private static long Long(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private void BindChunk(DbCommand command, Guid? after, Guid last, CycleWindow cycle)
    {
        BindFilter(command);
        sql.Parameter<CreditRecord>(command, nameof(CreditRecord.CreditYear), "@from").Set(cycle.StartYear);
        sql.Parameter<CreditRecord>(command, nameof(CreditRecord.CreditYear), "@to").Set(cycle.EndYear);
        if (after is { } lower)
        {
            sql.Parameter<Professional>(command, nameof(Professional.Id), "@after").Set(lower);
        }

        sql.Parameter<Professional>(command, nameof(Professional.Id), "@last").Set(last);
    }

    /// <summary>
    /// The conditions on a credit record (alias r) of <see cref="SummableRecords"/> as SQL, with their values bound as
    /// parameters of the command: the same tests as <see cref="SummableRecords.Accepts"/> and
    /// <see cref="SummableRecords.IsSummable"/>, written null-safe (a record without a class is never "in" a list).
    /// </summary>
    private sealed class RecordConditions
    {
        private readonly PersonRecordStream stream;
        private readonly DbCommand command;
        private int count;

        public RecordConditions(PersonRecordStream stream, DbCommand command, SummableRecords plan, CycleWindow cycle)
        {
            this.stream = stream;
            this.command = command;
            var activity = stream.R(nameof(CreditRecord.Activity));
            var creditClass = stream.R(nameof(CreditRecord.CreditClass));
            // On SQLite (no statistics) the status index would win and every chunk would scan all approved records: a
            // unary plus keeps the search by person.
            var status = (stream.sql.Kind == DatabaseKind.Sqlite ? "+" : "") + stream.R(nameof(CreditRecord.Status));
            var counts = $"{status} = {Bind<CreditRecord>(nameof(CreditRecord.Status), CreditRecordStatus.Approved)} "
                + $"AND {stream.R(nameof(CreditRecord.Date))} >= {Bind<CreditRecord>(nameof(CreditRecord.Date), cycle.Start)} "
                + $"AND {stream.R(nameof(CreditRecord.Date))} <= {Bind<CreditRecord>(nameof(CreditRecord.Date), cycle.End)}";
            if (plan.Accepted.Count > 0)
            {
                counts += $" AND {activity} IN ({List(nameof(CreditRecord.Activity), plan.Accepted.Cast<object>())})";
            }

            var capped = new List<string>();
            if (plan.CappedActivities.Count > 0)
            {
                capped.Add($"{activity} IN ({List(nameof(CreditRecord.Activity), plan.CappedActivities.Cast<object>())})");
            }

            if (plan.CappedCategories.Count > 0)
            {
                capped.Add($"{stream.R(nameof(CreditRecord.Category))} IN ({List(nameof(CreditRecord.Category), plan.CappedCategories.Cast<object>())})");
            }

            if (plan.CappedClasses.Count > 0)
            {
                capped.Add($"({creditClass} IS NOT NULL AND {creditClass} IN ({List(nameof(CreditRecord.CreditClass), plan.CappedClasses)}))");
            }

            if (plan.ActivitiesOfCappedClasses.Count > 0)
            {
                capped.Add($"({creditClass} IS NULL AND {activity} IN ({List(nameof(CreditRecord.Activity), plan.ActivitiesOfCappedClasses.Cast<object>())}))");
            }

            var anyCap = capped.Count == 0 ? null : "(" + string.Join(" OR ", capped) + ")";
            Summable = "(" + counts + (anyCap is null ? "" : " AND NOT " + anyCap) + ")";
            OneByOne = "(" + counts + " AND " + (anyCap ?? "1 = 0") + ")";
            EffectiveClass = plan.RuleClasses.Count == 0
                ? creditClass
                : $"COALESCE({creditClass}, CASE {activity}{string.Concat(plan.RuleClasses.Select(r => $" WHEN {Bind<CreditRecord>(nameof(CreditRecord.Activity), r.Activity)} THEN {Bind<CreditRecord>(nameof(CreditRecord.CreditClass), r.CreditClass)}"))} END)";
        }

        /// <summary>Approved, of the cycle, accepted and touching no cap.</summary>
        public string Summable { get; }

        /// <summary>Approved, of the cycle, accepted and touching a cap.</summary>
        public string OneByOne { get; }

        /// <summary>The class the record counts in (its own, else its activity rule's).</summary>
        public string EffectiveClass { get; }

        /// <summary>Binds <paramref name="value"/> as a parameter typed like the property; returns its name.</summary>
        public string Bind<T>(string property, object value)
        {
            var name = "@k" + (count++).ToString(CultureInfo.InvariantCulture);
            stream.sql.Parameter<T>(command, property, name).Set(value);
            return name;
        }

        private string List(string property, IEnumerable<object> values) => string.Join(", ", values.Select(v => Bind<CreditRecord>(property, v)));
    }

    // The pass's department condition and, for a chunk, its key range.
    private string Where(Guid? after, bool chunk = false)
    {
        var id = "p." + sql.Column<Professional>(nameof(Professional.Id));
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
        var department = "p." + sql.Column<Professional>(nameof(Professional.DepartmentCode));
        if (filter.Include is not null)
        {
            return !indexed && sql.Kind == DatabaseKind.Sqlite ? $"+{department} = @department" : $"{department} = @department";
        }

        return filter.Exclude.Count > 0
            ? $"{department} NOT IN ({string.Join(", ", filter.Exclude.Select((_, i) => "@exclude" + i.ToString(CultureInfo.InvariantCulture)))})"
            : null;
    }

    private void BindFilter(DbCommand command)
    {
        if (filter.Include is { } include)
        {
            sql.Parameter<Professional>(command, nameof(Professional.DepartmentCode), "@department").Set(include);
        }
        else
        {
            for (var i = 0; i < filter.Exclude.Count; i++)
            {
                sql.Parameter<Professional>(command, nameof(Professional.DepartmentCode), "@exclude" + i.ToString(CultureInfo.InvariantCulture)).Set(filter.Exclude[i]);
            }
        }
    }
}
