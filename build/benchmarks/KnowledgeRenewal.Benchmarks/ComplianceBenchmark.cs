using System.Diagnostics;
using System.Globalization;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Persistence;
using KnowledgeRenewal.Credits.UseCases.Compliance;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Credits.Domain;

namespace KnowledgeRenewal.Benchmarks;

/// <summary>
/// Compliance benchmark: a fresh SQLite file with the platform schema (migrated, reference data), N professionals over
/// employers of five departments (health: credits and classes; education: five-year cycle; transport; two departments
/// on the platform's default rules) and ~M credit records of 2023–2025 in every status (fast prepared inserts,
/// deterministic), then, side by side for the year 2025: (a) a raw SQL aggregate baseline — per person and category
/// the SUM of approved hundredths of the cycle, compared with the requirement, inserted into a table — and (b) the
/// real bulk recomputation (<see cref="BulkRecomputation"/>: streamed records, the rule engine, prepared writes,
/// audit). Prints both times, rows/s, the ratio and peak memory; the target is bulk within 2× the baseline and under
/// 30 s (exit code 2 when missed).
/// </summary>
internal static class ComplianceBenchmark
{
    private const int Year = 2025;

    private static readonly string[] Regions = ["370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831", "370832", "370881", "370883"];

    // Department, first and last credit year of its cycle containing 2025, required and professional minimum (hundredths).
    private static readonly (string Department, int From, int To, long Required, long ProfessionalMinimum)[] Requirements =
    [
        (Departments.Health, Year, Year, 7_500, 0),
        (Departments.Education, 2023, 2027, 36_000, 24_000),
        (Departments.Transport, Year, Year, 9_000, 6_000),
        (Departments.AgricultureRural, Year, Year, 9_000, 6_000),
        (Departments.IndustryIt, Year, Year, 9_000, 6_000),
    ];

    public static async Task<int> RunAsync(int people, int records, string work, TextWriter output)
    {
        output.WriteLine($"KnowledgeRenewal compliance benchmark — {people:N0} professionals, ~{records:N0} credit records, year {Year}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var watch = Stopwatch.StartNew();
        await using var platform = await BenchPlatform.StartAsync(Path.Combine(work, "compliance")).ConfigureAwait(false);
        var employers = await EmployersAsync(platform.App.Services).ConfigureAwait(false);
        var written = await GenerateAsync(platform.ConnectionString, employers, people, records).ConfigureAwait(false);
        output.WriteLine($"generated {people:N0} professionals and {written:N0} credit records in {watch.Elapsed.TotalSeconds:F1} s ({new FileInfo(platform.File).Length / 1024.0 / 1024:F0} MB file)");

        var baseline = await BaselineAsync(platform.ConnectionString).ConfigureAwait(false);
        output.WriteLine($"  (a) raw SQL aggregate baseline      {baseline.Rows,9:N0} people  {baseline.Seconds,6:F2} s  {baseline.Rows / baseline.Seconds,9:N0} people/s  {written / baseline.Seconds,10:N0} records/s  peak {baseline.Peak / 1024.0 / 1024,5:F0} MB  met {baseline.Met:N0}  ({baseline.Detail})");
        var bulk = await BulkAsync(platform.App.Services).ConfigureAwait(false);
        output.WriteLine($"  (b) bulk recomputation (real)       {bulk.Rows,9:N0} people  {bulk.Seconds,6:F2} s  {bulk.Rows / bulk.Seconds,9:N0} people/s  {written / bulk.Seconds,10:N0} records/s  peak {bulk.Peak / 1024.0 / 1024,5:F0} MB  met {bulk.Met:N0}  ({bulk.Detail})");
        var again = await BulkAsync(platform.App.Services).ConfigureAwait(false);
        output.WriteLine($"      bulk again (nothing changed)    {again.Rows,9:N0} people  {again.Seconds,6:F2} s  {again.Rows / again.Seconds,9:N0} people/s  {written / again.Seconds,10:N0} records/s  peak {again.Peak / 1024.0 / 1024,5:F0} MB  ({again.Detail})");

        var ratio = bulk.Seconds / baseline.Seconds;
        var met = ratio <= 2.0 && bulk.Seconds < 30;
        output.WriteLine($"  ratio bulk / baseline = {ratio:F2} (target ≤ 2.00 and bulk < 30 s: {(met ? "met" : "NOT met")})");
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:F0} MB; allocated in total {GC.GetTotalAllocatedBytes() / 1024.0 / 1024 / 1024:F1} GB");
        return met ? 0 : 2;
    }

    // (a) One statement: approved hundredths of the cycle per person and category, compared with the requirement.
    private static async Task<Measured> BaselineAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, null, """
            CREATE TABLE "BaselineRequirements" ("DepartmentCode" TEXT PRIMARY KEY, "FromYear" INTEGER, "ToYear" INTEGER, "Required" INTEGER, "ProfessionalMinimum" INTEGER);
            CREATE TABLE "BaselineCompliance" ("ProfessionalId" TEXT PRIMARY KEY, "Counted" INTEGER, "ProfessionalCounted" INTEGER, "Required" INTEGER, "Met" INTEGER);
            """).ConfigureAwait(false);
        foreach (var (department, from, to, required, minimum) in Requirements)
        {
            await ExecuteAsync(connection, null, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO \"BaselineRequirements\" VALUES ('{department}', {from}, {to}, {required}, {minimum})")).ConfigureAwait(false);
        }

        GC.Collect();
        using var memory = new ImportBenchmark.PeakSampler();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO "BaselineCompliance" ("ProfessionalId", "Counted", "ProfessionalCounted", "Required", "Met")
                SELECT p."Id", COALESCE(SUM(s."Hundredths"), 0), COALESCE(SUM(CASE WHEN s."Category" = 'Professional' THEN s."Hundredths" END), 0), q."Required",
                       CASE WHEN COALESCE(SUM(s."Hundredths"), 0) >= q."Required"
                             AND COALESCE(SUM(CASE WHEN s."Category" = 'Professional' THEN s."Hundredths" END), 0) >= q."ProfessionalMinimum" THEN 1 ELSE 0 END
                FROM "Professionals" p
                JOIN "BaselineRequirements" q ON q."DepartmentCode" = p."DepartmentCode"
                LEFT JOIN (
                    SELECT r."ProfessionalId", r."Category", SUM(r."HoursHundredths") AS "Hundredths"
                    FROM "CreditRecords" r
                    JOIN "Professionals" rp ON rp."Id" = r."ProfessionalId"
                    JOIN "BaselineRequirements" rq ON rq."DepartmentCode" = rp."DepartmentCode"
                    WHERE r."Status" = 'Approved' AND r."CreditYear" BETWEEN rq."FromYear" AND rq."ToYear"
                    GROUP BY r."ProfessionalId", r."Category") s ON s."ProfessionalId" = p."Id"
                GROUP BY p."Id", q."Required", q."ProfessionalMinimum"
                """).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var peak = memory.Stop();
        var rows = await ScalarAsync(connection, "SELECT COUNT(*) FROM \"BaselineCompliance\"").ConfigureAwait(false);
        var met = await ScalarAsync(connection, "SELECT COUNT(*) FROM \"BaselineCompliance\" WHERE \"Met\" = 1").ConfigureAwait(false);
        return new Measured((int)rows, watch.Elapsed.TotalSeconds, peak, met, string.Create(CultureInfo.InvariantCulture, $"process CPU {cpu.TotalSeconds:F2} s"));
    }

    // (b) The platform's bulk recomputation of the year, as the host command and the background job run it.
    private static async Task<Measured> BulkAsync(IServiceProvider services)
    {
        using var system = SystemScope.Enter();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var bulk = scope.ServiceProvider.GetRequiredService<BulkRecomputation>();
        GC.Collect();
        using var memory = new ImportBenchmark.PeakSampler();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcome = await bulk.RunAsync(db, [Year], moduleKey: null, AuditActor.System, progress: null, CancellationToken.None).ConfigureAwait(false);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var peak = memory.Stop();
        var met = await db.Compliance.CountAsync(c => c.CycleStart <= Year && c.CycleEnd >= Year && c.Status == ComplianceStatus.Met).ConfigureAwait(false);
        var counts = outcome.Counts;
        return new Measured(outcome.People, outcome.Elapsed.TotalSeconds, peak, met,
            $"{outcome.Records:N0} records read; {counts.Inserted:N0} inserted, {counts.Updated:N0} updated, {counts.Unchanged:N0} unchanged; {outcome.Phases}; process CPU {cpu.TotalSeconds:F2} s");
    }

    // Professionals and their records with prepared statements in one transaction; deterministic (seeded, keys from counters).
    internal static async Task<long> GenerateAsync(string connectionString, (Guid Id, string Region, string Department)[] employers, int people, int records)
    {
        var random = new Random(20230324);
        var now = "2025-12-31 08:00:00";
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;").ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        string[] personColumns =
        [
            "Id", "IdNumberHash", "IdNumberCipher", "IdNumberMasked", "Name", "Gender", "BirthDate", "PhoneCipher", "PhoneMasked", "EmployerId", "RegionCode",
            "DepartmentCode", "TitleSeries", "TitleLevel", "Specialty", "Education", "Status", "UserId", "ConcurrencyStamp", "CreatedAt", "UpdatedAt",
        ];
        string[] recordColumns =
        [
            "Id", "ProfessionalId", "Date", "CreditYear", "Category", "Activity", "CreditClass", "HoursHundredths", "EnteredAmount", "EnteredUnit", "Title",
            "Source", "Status", "RecordedByName", "RecordedAt", "RegionCode", "DepartmentCode", "EmployerId", "ConcurrencyStamp",
        ];
        await using var person = Insert(connection, transaction, "Professionals", personColumns);
        await using var record = Insert(connection, transaction, "CreditRecords", recordColumns);
        var perPerson = Math.Max(1, (int)Math.Round(records * 12.0 / 11 / people));
        var titleLevel = Enum.GetValues<TitleLevel>()[^1].ToString();
        var education = Enum.GetValues<EducationLevel>()[^1].ToString();
        long written = 0;
        for (var i = 0; i < people; i++)
        {
            var (employerId, region, department) = employers[i % employers.Length];
            var id = Key(i, 1);
            var employer = employerId.ToString().ToUpperInvariant();
            Set(person, id, "bench-" + i.ToString("D9", CultureInfo.InvariantCulture), "bench", "3708**********" + (i % 10_000).ToString("D4", CultureInfo.InvariantCulture),
                "基准测试人" + (i % 1000).ToString(CultureInfo.InvariantCulture), i % 2 == 0 ? "Male" : "Female", "1980-01-01", null, null, employer, region, department,
                "工程技术", titleLevel, "专业", education, i % 40 == 0 ? "Retired" : "Active", null, Key(i, 2), now, now);
            person.ExecuteNonQuery();

            // About one in twelve has no records at all; the others 0–2× the average, most of them in the benchmark year.
            var count = random.Next(12) == 0 ? 0 : random.Next(0, 2 * perPerson + 1);
            for (var k = 0; k < count && written < records; k++, written++)
            {
                var year = random.Next(10) switch { < 2 => 2023, < 4 => 2024, _ => Year };
                var date = new DateOnly(year, 1, 1).AddDays(random.Next(365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var roll = random.Next(100);
                var online = random.Next(3) == 0;
                var activity = roll < 3 ? "AcademicConference" : online ? "OnlineLearning" : "ClassroomTraining";
                var category = random.Next(100) < 35 ? "Public" : "Professional";
                var creditClass = department == Departments.Health ? (activity == "ClassroomTraining" ? "I" : "II") : null;
                var hours = (random.Next(4, 19) * 100) + (random.Next(4) == 0 ? 50 : 0);
                var status = random.Next(100) switch { < 85 => "Approved", < 93 => "Pending", < 97 => "Rejected", _ => "Revoked" };
                Set(record, Key((int)written, 3), id, date, year, category, activity, creditClass, hours,
                    (hours / 100m).ToString(CultureInfo.InvariantCulture), "Hour", "基准测试培训班", "ProviderClass", status, "system", now, region, department, employer, Key((int)written, 4));
                record.ExecuteNonQuery();
            }
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return written;
    }

    private static string Key(int counter, int kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{counter:X8}-0000-7000-8000-{kind:X12}");

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
        foreach (var (_, i) in columns.Select((c, i) => (c, i)))
        {
            command.Parameters.Add(new SqliteParameter("@p" + i.ToString(CultureInfo.InvariantCulture), null));
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    // Thirty employers: every region, the five departments.
    internal static async Task<(Guid Id, string Region, string Department)[]> EmployersAsync(IServiceProvider services)
    {
        using var system = SystemScope.Enter();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var parents = await db.Organizations.Where(o => o.Type == OrganizationType.CountyBureau).ToDictionaryAsync(o => o.RegionCode, o => o.Id).ConfigureAwait(false);
        var employers = Enumerable.Range(0, 30).Select(i =>
        {
            var region = Regions[i % Regions.Length];
            return new Employer
            {
                Code = UnifiedSocialCreditCode.Generate('1', '2', region, new Random(4000 + i).Next).Value,
                Name = "基准测试单位" + i.ToString(CultureInfo.InvariantCulture),
                RegionCode = region,
                DepartmentCode = Requirements[i % Requirements.Length].Department,
                Ownership = Ownership.Public,
                ParentId = parents.GetValueOrDefault(region),
                CreatedAt = DateTime.UtcNow,
            };
        }).ToList();
        db.Employers.AddRange(employers);
        await db.SaveChangesAsync().ConfigureAwait(false);
        return [.. employers.Select(e => (e.Id, e.RegionCode, e.DepartmentCode!))];
    }

    private sealed record Measured(int Rows, double Seconds, long Peak, long Met, string Detail);

}
