using System.Diagnostics;
using System.Globalization;
using System.Text;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Registry.UseCases.Import;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.Benchmarks;

/// <summary>
/// Generates N valid professional rows (deterministic), writes them as UTF-8 CSV and as xlsx, and measures in one run:
/// the real import (inspection as the upload endpoint does it, then the worker's pipeline: read → field rules → hash and
/// encrypt → look-ups → prepared-statement writes in one transaction, audit records included) into a fresh SQLite
/// file per format; and a raw ADO.NET prepared INSERT of the same rows, already parsed, hashed and encrypted, in one
/// transaction — into the same Professionals table of a fresh migrated file (same columns, indexes and foreign keys),
/// and into a plain table of the same columns without indexes. Prints rows/s, the ratios and peak memory.
/// </summary>
internal static class ImportBenchmark
{
    private static readonly string[] Header =
        ["身份证号", "姓名", "性别", "出生日期", "手机号码", "工作单位统一社会信用代码", "所属区域代码", "所属行业代码", "职称系列", "职称级别", "专业", "最高学历", "人员状态"];

    private static readonly string[] Regions = ["370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831", "370832", "370881", "370883"];
    private static readonly string[] Sectors = ["health", "education", "transport"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "孔", "孟", "颜", "曾"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平"];
    private static readonly string[] Levels = ["初级", "中级", "副高级", "正高级", "未评定"];
    private static readonly string[] Educations = ["大专", "本科", "硕士研究生", "博士研究生", "中专及以下"];
    private static readonly string[] Series = ["卫生技术", "中小学教师", "工程技术", "经济", "会计"];

    public static async Task<int> RunAsync(int count, int rounds, string work, TextWriter output)
    {
        output.WriteLine($"KnowledgeRenewal import benchmark — {count:N0} professional rows, {rounds} round(s), {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var employers = Enumerable.Range(0, 30).Select(i => (Code: UnifiedSocialCreditCode.Generate('1', i % 2 == 0 ? '1' : '2', Regions[i % Regions.Length], new Random(1000 + i).Next).Value, Region: Regions[i % Regions.Length], Sector: Sectors[i % Sectors.Length])).ToArray();
        var rows = Rows(count, employers.Select(e => e.Code).ToArray());
        // A materialized list: MiniExcel then writes the sheet's dimension first, as Excel does.
        var csv = Path.Combine(work, "professionals.csv");
        var xlsx = Path.Combine(work, "professionals.xlsx");
        var watch = Stopwatch.StartNew();
        await File.WriteAllTextAsync(csv, Csv(rows), new UTF8Encoding(false)).ConfigureAwait(false);
        MiniExcel.SaveAs(xlsx, rows.Select(r => Header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => (object?)p.Item2)).ToList(), overwriteFile: true);
        output.WriteLine($"files: csv {new FileInfo(csv).Length / 1024.0 / 1024:F1} MB, xlsx {new FileInfo(xlsx).Length / 1024.0 / 1024:F1} MB (generated in {watch.Elapsed.TotalSeconds:F1} s)");

        // Warm-up: JIT and caches for every path, on a small file.
        var warm = Path.Combine(work, "warm.csv");
        await File.WriteAllTextAsync(warm, Csv(rows.Take(2_000).ToList()), new UTF8Encoding(false)).ConfigureAwait(false);
        var warmXlsx = Path.Combine(work, "warm.xlsx");
        MiniExcel.SaveAs(warmXlsx, rows.Take(2_000).Select(r => Header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => (object?)p.Item2)).ToList(), overwriteFile: true);
        await ImportAsync(work, "warm-csv", warm, ImportFormat.Csv, employers, 2_000, null).ConfigureAwait(false);
        await ImportAsync(work, "warm-xlsx", warmXlsx, ImportFormat.Xlsx, employers, 2_000, null).ConfigureAwait(false);
        await BaselineAsync(work, "warm-base", rows.Take(2_000).ToList(), employers, plain: false, null, withEmployment: true).ConfigureAwait(false);

        var results = new List<Result>();
        for (var round = 1; round <= rounds; round++)
        {
            results.Add(await BaselineAsync(work, $"reg-{round}", rows, employers, plain: false, output, withEmployment: true).ConfigureAwait(false));
            results.Add(await BaselineAsync(work, $"base-{round}", rows, employers, plain: false, output).ConfigureAwait(false));
            results.Add(await BaselineAsync(work, $"plain-{round}", rows, employers, plain: true, output).ConfigureAwait(false));
            results.Add(await ImportAsync(work, $"csv-{round}", csv, ImportFormat.Csv, employers, count, output).ConfigureAwait(false));
            results.Add(await ImportAsync(work, $"xlsx-{round}", xlsx, ImportFormat.Xlsx, employers, count, output).ConfigureAwait(false));
        }

        Result Best(string kind) => results.Where(r => r.Kind == kind).MaxBy(r => r.RowsPerSecond)!;
        var baseline = Best("baseline (registry rows: Professionals + Employments, indexes, FKs)");
        var professionalsOnly = Best("baseline (Professionals table only: same columns, indexes, FKs)");
        var plain = Best("baseline (plain table: same columns, no indexes)");
        output.WriteLine();
        output.WriteLine("best of the rounds:");
        foreach (var result in new[] { baseline, professionalsOnly, plain, Best("import csv"), Best("import xlsx") })
        {
            output.WriteLine($"  {result.Kind,-70} {result.RowsPerSecond,9:N0} rows/s  {result.Seconds,6:F2} s  peak working set {result.PeakWorkingSet / 1024.0 / 1024,6:F0} MB");
        }

        var failed = false;
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var import = Best("import " + format);
            var ratio = import.RowsPerSecond / baseline.RowsPerSecond;
            failed |= ratio < 0.5;
            output.WriteLine($"  ratio import {format} / baseline = {ratio:F2} (target ≥ 0.50: {(ratio >= 0.5 ? "met" : "NOT met")}); / Professionals-only baseline = {import.RowsPerSecond / professionalsOnly.RowsPerSecond:F2}; / plain-table baseline = {import.RowsPerSecond / plain.RowsPerSecond:F2}");
        }

        using var process = Process.GetCurrentProcess();
        output.WriteLine($"process peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:F0} MB; GC heap now {GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024:F0} MB; allocated in total {GC.GetTotalAllocatedBytes() / 1024.0 / 1024 / 1024:F1} GB");
        return failed ? 2 : 0;
    }

    private static async Task<Result> ImportAsync(string work, string name, string file, ImportFormat format, (string Code, string Region, string Sector)[] employers, int expected, TextWriter? output)
    {
        await using var platform = await PlatformAsync(work, name, employers).ConfigureAwait(false);
        var services = platform.App.Services;
        var options = services.GetRequiredService<IOptions<ImportOptions>>().Value;
        var requester = new RequesterAccess(new AccessScope { AllBusinessData = true, UserId = Guid.NewGuid() }, null, null, [PlatformRoles.ProgramOfficeAdmin], null);
        var actor = new AuditActor(requester.Scope.UserId, "benchmark.office", PlatformRoles.ProgramOfficeAdmin, null, null, "127.0.0.1", null);
        var upload = Path.Combine(work, name + Path.GetExtension(file));
        File.Copy(file, upload, overwrite: true);
        var jobId = Guid.CreateVersion7();

        GC.Collect();
        var (allocated, gen0, gen1, gen2, pause) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        using var memory = new PeakSampler();
        var watch = Stopwatch.StartNew();
        var inspected = ImportFiles.Inspect(upload, format, ImportSchema.Professionals, options);
        await CreateJobAsync(services, jobId, format, requester, inspected).ConfigureAwait(false);
        var outcome = await services.GetRequiredService<ImportProcessor>().RunAsync(new ImportWorkItem(jobId, ImportKind.Professionals, ImportMode.AllOrNothing, upload, inspected, requester, actor), CancellationToken.None).ConfigureAwait(false);
        watch.Stop();
        var peak = memory.Stop();
        var gc = $"GC: {(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / 1024:F0} MB allocated, {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} gen0/1/2 collections, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms paused";

        if (outcome.Status != ImportJobStatus.Completed || outcome.Created != expected)
        {
            throw new InvalidOperationException($"{name}: the import ended {outcome.Status} with {outcome.Created} created ({outcome.FailureReason}; {outcome.Errors?[..Math.Min(outcome.Errors.Length, 500)]}).");
        }

        var stored = await platform.ScalarAsync("""SELECT COUNT(*) FROM "Professionals" """).ConfigureAwait(false);
        var audited = await platform.ScalarAsync("""SELECT COUNT(*) FROM "AuditRecords" WHERE "Details" LIKE '%import=""" + jobId.ToString("D") + "%'").ConfigureAwait(false);
        if (stored != expected || audited == 0)
        {
            throw new InvalidOperationException($"{name}: {stored} rows stored, {audited} audit records.");
        }

        var result = new Result("import " + format.ToString().ToUpperInvariant().ToLowerInvariant(), expected, watch.Elapsed.TotalSeconds, peak);
        output?.WriteLine($"  {name,-8} {result.Kind,-70} {result.RowsPerSecond,9:N0} rows/s  {result.Seconds,6:F2} s  peak {peak / 1024.0 / 1024,5:F0} MB  ({audited} audit records; {gc})");
        return result;
    }

    private static async Task CreateJobAsync(IServiceProvider services, Guid id, ImportFormat format, RequesterAccess requester, InspectedFile inspected)
    {
        using var system = SystemScope.Enter();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.ImportJobs.Add(new ImportJob
        {
            Id = id,
            Kind = ImportKind.Professionals,
            FileName = "professionals." + format.ToString().ToUpperInvariant().ToLowerInvariant(),
            Format = format,
            FileSha256 = new string('0', 64),
            Mode = ImportMode.AllOrNothing,
            HeaderRow = inspected.Header.Row,
            TotalRows = inspected.DataRows,
            RequestedByUserId = requester.Scope.UserId,
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    // The raw ADO.NET baseline: the same rows, parsed, hashed and encrypted beforehand, one prepared INSERT per row in one
    // transaction. A registered professional is two rows of the registry — the person and their open employment — so
    // the baseline that compares with the import writes both; the professionals-only variant is printed too.
    private static async Task<Result> BaselineAsync(string work, string name, List<string[]> rows, (string Code, string Region, string Sector)[] employers, bool plain, TextWriter? output, bool withEmployment = false)
    {
        await using var platform = await PlatformAsync(work, name, employers).ConfigureAwait(false);
        var services = platform.App.Services;
        var hasher = services.GetRequiredService<IdNumberHasher>();
        var protector = services.GetRequiredService<IPersonalDataProtector>();
        var employerIds = await EmployerIdsAsync(platform).ConfigureAwait(false);
        var today = ProgramCalendar.Today(TimeProvider.System);
        var now = DateTime.UtcNow;
        var prepared = rows.Select(r =>
        {
            var (valid, _) = ProfessionalRules.Validate(new ProfessionalInput { IdNumber = r[0], Name = r[1], Phone = r[4], EmployerCreditCode = r[5], TitleSeries = r[8], TitleLevel = r[9], Specialty = r[10], Education = r[11], Status = r[12] }, today);
            var employer = employerIds[r[5]];
            return new object?[]
            {
                Guid.CreateVersion7().ToString().ToUpperInvariant(), hasher.Hash(valid!.IdNumber), protector.Protect(valid.IdNumber.Value), valid.IdNumber.Masked,
                valid.Name, valid.Gender.ToString(), valid.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                protector.Protect(valid.Phone!), MobileNumber.Mask(valid.Phone!), employer.Id.ToString().ToUpperInvariant(), employer.Region, employer.Sector,
                valid.TitleSeries, valid.TitleLevel.ToString(), valid.Specialty, valid.Education.ToString(), valid.Status.ToString(), null,
                Guid.NewGuid().ToString().ToUpperInvariant(), now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture), now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            };
        }).ToList();
        string[] columns =
        [
            "Id", "IdNumberHash", "IdNumberCipher", "IdNumberMasked", "Name", "Gender", "BirthDate", "PhoneCipher", "PhoneMasked", "EmployerId", "RegionCode",
            "DepartmentCode", "TitleSeries", "TitleLevel", "Specialty", "Education", "Status", "UserId", "ConcurrencyStamp", "CreatedAt", "UpdatedAt",
        ];
        var table = plain ? "ProfessionalsPlain" : "Professionals";
        await using var connection = new SqliteConnection(platform.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA foreign_keys = ON;" + (plain ? $"CREATE TABLE \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))});" : "");
            await setup.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        GC.Collect();
        using var memory = new PeakSampler();
        var watch = Stopwatch.StartNew();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false))
        {
            await using var employment = connection.CreateCommand();
            employment.Transaction = transaction;
            employment.CommandText = "INSERT INTO \"Employments\" (\"Id\", \"ProfessionalId\", \"EmployerId\", \"StartedOn\", \"EndedOn\", \"RecordedAt\") VALUES (@e0, @e1, @e2, @e3, NULL, @e4)";
            var employmentParameters = Enumerable.Range(0, 5).Select(i => employment.Parameters.Add(new SqliteParameter("@e" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text))).ToArray();
            employment.Prepare();
            var startedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var recordedAt = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("@p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text))).ToArray();
            insert.Prepare();
            foreach (var row in prepared)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
                if (withEmployment)
                {
                    employmentParameters[0].Value = Guid.CreateVersion7().ToString().ToUpperInvariant();
                    employmentParameters[1].Value = row[0];
                    employmentParameters[2].Value = row[9];
                    employmentParameters[3].Value = startedOn;
                    employmentParameters[4].Value = recordedAt;
                    employment.ExecuteNonQuery();
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }

        watch.Stop();
        var peak = memory.Stop();
        var result = new Result(
            plain ? "baseline (plain table: same columns, no indexes)"
            : withEmployment ? "baseline (registry rows: Professionals + Employments, indexes, FKs)"
            : "baseline (Professionals table only: same columns, indexes, FKs)",
            rows.Count,
            watch.Elapsed.TotalSeconds,
            peak);
        output?.WriteLine($"  {name,-8} {result.Kind,-70} {result.RowsPerSecond,9:N0} rows/s  {result.Seconds,6:F2} s  peak {peak / 1024.0 / 1024,5:F0} MB");
        return result;
    }

    // A platform on a fresh SQLite file: migrated, reference data seeded, the employers registered.
    private static async Task<BenchPlatform> PlatformAsync(string work, string name, (string Code, string Region, string Sector)[] employers)
    {
        var platform = await BenchPlatform.StartAsync(Path.Combine(work, name)).ConfigureAwait(false);
        using (SystemScope.Enter())
        {
            await using var scope = platform.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var parents = await db.Organizations.Where(o => o.Type == OrganizationType.CountyBureau).ToDictionaryAsync(o => o.RegionCode, o => o.Id).ConfigureAwait(false);
            foreach (var (code, region, sector) in employers)
            {
                db.Employers.Add(new Employer { Code = code, Name = "基准测试单位" + code[^4..], RegionCode = region, DepartmentCode = sector, Ownership = Ownership.Public, ParentId = parents.GetValueOrDefault(region), CreatedAt = DateTime.UtcNow });
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        return platform;
    }

    private static List<string[]> Rows(int count, string[] employers)
    {
        var rows = new List<string[]>(count);
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1962, 1, 1).AddDays(i % 14_000);
            var division = Regions[i % Regions.Length];
            var first17 = division + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (i / 14_000 % 1000).ToString("D3", CultureInfo.InvariantCulture);
            var id = first17 + ResidentIdNumber.CheckCharacterOf(first17);
            var male = (first17[16] - '0') % 2 == 1;
            rows.Add([
                id,
                Surnames[i % Surnames.Length] + Given[i / Surnames.Length % Given.Length] + (i % 3 == 0 ? Given[i % Given.Length] : ""),
                male ? "男" : "女",
                birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "13" + (5 + (i % 5)).ToString(CultureInfo.InvariantCulture) + (i % 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
                employers[i % employers.Length],
                "",
                "",
                Series[i % Series.Length],
                Levels[i % Levels.Length],
                "专业" + (i % 50).ToString(CultureInfo.InvariantCulture),
                Educations[i % Educations.Length],
                "在职",
            ]);
        }

        return rows;
    }

    private static string Csv(List<string[]> rows)
    {
        var text = new StringBuilder(rows.Count * 140);
        text.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row)).Append("\r\n");
        }

        return text.ToString();
    }

    private sealed record Result(string Kind, int Rows, double Seconds, long PeakWorkingSet)
    {
        public double RowsPerSecond => Rows / Seconds;
    }

    private static async Task<Dictionary<string, (Guid Id, string Region, string Sector)>> EmployerIdsAsync(BenchPlatform platform)
    {
        using var system = SystemScope.Enter();
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return await db.Employers.ToDictionaryAsync(e => e.Code, e => (e.Id, e.RegionCode, e.DepartmentCode!)).ConfigureAwait(false);
    }

    // Samples the working set every 50 ms: the peak of one measurement (the process peak only grows).
    internal sealed class PeakSampler : IDisposable
    {
        private readonly Thread thread;
        private volatile bool running = true;
        private long peak;

        public PeakSampler()
        {
            thread = new Thread(() =>
            {
                while (running)
                {
                    peak = Math.Max(peak, Environment.WorkingSet);
                    Thread.Sleep(50);
                }
            }) { IsBackground = true };
            thread.Start();
        }

        public long Stop()
        {
            running = false;
            thread.Join();
            return Math.Max(peak, Environment.WorkingSet);
        }

        public void Dispose()
        {
            if (running)
            {
                Stop();
            }
        }
    }
}
