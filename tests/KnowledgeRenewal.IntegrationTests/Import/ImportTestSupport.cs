using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Import;

/// <summary>
/// A platform of its own for import tests (they write thousands of rows), with employers in two counties and two
/// sectors: A1 and A2 in 任城区 (health), B in 邹城市 (education).
/// </summary>
public class ImportPlatform : PlatformFixtureBase
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    public ImportPlatform()
        : this(new Dictionary<string, string?>())
    {
    }

    protected ImportPlatform(IReadOnlyDictionary<string, string?> settings) => this.settings = settings;

    public string EmployerA1 { get; } = Code('1', CountyA, 1);

    public string EmployerA2 { get; } = Code('1', CountyA, 2);

    public string EmployerB { get; } = Code('2', CountyB, 3);

    public Guid EmployerA1Id { get; private set; }

    public Guid EmployerA2Id { get; private set; }

    public Guid EmployerBId { get; private set; }

    /// <inheritdoc/>
    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    /// <inheritdoc/>
    protected override async Task SeedAsync()
    {
        EmployerA1Id = await AddEmployerAsync(EmployerA1, "任城区人民医院（测试）", CountyA, "health");
        EmployerA2Id = await AddEmployerAsync(EmployerA2, "任城区妇幼保健院（测试）", CountyA, "health");
        EmployerBId = await AddEmployerAsync(EmployerB, "邹城市第一中学（测试）", CountyB, "education");
        await Accounts.CreateAsync("import.hr.a1", [Sdk.PlatformRoles.EmployerHr], EmployerA1);
    }

    public Task<Guid> AddEmployerAsync(string code, string name, string region, string? department) => QueryAsync(async db =>
    {
        var parent = await db.Organizations.Where(o => o.Code == "CB-" + region).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        var employer = new Employer { Code = code, Name = name, RegionCode = region, DepartmentCode = department, Ownership = Ownership.Public, ParentId = parent, CreatedAt = DateTime.UtcNow };
        db.Employers.Add(employer);
        await db.SaveChangesAsync();
        return employer.Id;
    });

    /// <summary>Professionals whose ID number is one of these.</summary>
    public Task<List<Professional>> ProfessionalsAsync(IEnumerable<string> idNumbers)
    {
        var hasher = Factory.Services.GetRequiredService<IdNumberHasher>();
        var hashes = idNumbers.Select(n => hasher.Hash(Parse(n))).ToList();
        return QueryAsync(db => db.Professionals.AsNoTracking().Include(p => p.Employments).Where(p => hashes.Contains(p.IdNumberHash)).ToListAsync());
    }

    public static ResidentIdNumber Parse(string idNumber) =>
        ResidentIdNumber.TryParse(idNumber, DateOnly.MaxValue, out var number, out var error) ? number : throw new ArgumentException(error);

    public static string Code(char category, string division, int seed)
    {
        var random = new Random(seed);
        return UnifiedSocialCreditCode.Generate('1', category, division, random.Next).Value;
    }
}

/// <summary>Import files for tests: professional rows, CSV in any encoding, and hand-written xlsx (title rows, merged cells, formulas, numbers).</summary>
public static class ImportSheets
{
    public static readonly string[] ProfessionalHeader =
        ["身份证号", "姓名", "性别", "出生日期", "手机号码", "工作单位统一社会信用代码", "所属区域代码", "所属行业代码", "职称系列", "职称级别", "专业", "最高学历", "人员状态"];

    public static readonly string[] EmployerHeader = ["统一社会信用代码", "单位名称", "所有制", "所属区域代码", "所属行业代码"];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "孔", "孟"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"];
    private static readonly string[] Levels = ["初级", "中级", "副高级", "正高级", "未评定"];
    private static readonly string[] Educations = ["大专", "本科", "硕士研究生", "博士研究生"];

    /// <summary>A valid resident ID number, distinct for every <paramref name="n"/> below 10,000,000.</summary>
    public static string IdNumber(int n, string division = "370811")
    {
        var birth = new DateOnly(1965, 1, 1).AddDays(n % 10_000);
        var first17 = division + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n / 10_000 % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }

    /// <summary>A valid mobile number.</summary>
    public static string Phone(int n) => "139" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Professional rows (13 template columns) for ID numbers <paramref name="first"/>… at <paramref name="employerCode"/>.</summary>
    public static List<string[]> Professionals(int count, string employerCode, int first = 0, string division = "370811")
    {
        var rows = new List<string[]>(count);
        for (var i = first; i < first + count; i++)
        {
            var id = IdNumber(i, division);
            var number = ImportPlatform.Parse(id);
            rows.Add([
                id,
                Surnames[i % Surnames.Length] + GivenNames[i / Surnames.Length % GivenNames.Length],
                number.IsMale ? "男" : "女",
                number.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Phone(i),
                employerCode,
                "",
                "",
                "卫生技术",
                Levels[i % Levels.Length],
                "临床医学",
                Educations[i % Educations.Length],
                "在职",
            ]);
        }

        return rows;
    }

    public static byte[] Csv(IReadOnlyList<string> header, IEnumerable<string[]> rows, Encoding? encoding = null, bool bom = false, IEnumerable<string>? titleLines = null)
    {
        var text = new StringBuilder();
        foreach (var line in titleLines ?? [])
        {
            text.Append(line).Append("\r\n");
        }

        text.Append(string.Join(",", header.Select(Quote))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        }

        encoding ??= new UTF8Encoding(false);
        var body = encoding.GetBytes(text.ToString());
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>One cell of a hand-written sheet.</summary>
    public readonly record struct Cell(string? Text, double? Number = null, string? Formula = null)
    {
        public static implicit operator Cell(string text) => new(text);
    }

    /// <summary>
    /// An xlsx written by hand: the rows from row <paramref name="firstRow"/> (inline strings, numbers, formulas),
    /// merged ranges (e.g. "A1:M1"), on the first of the given sheets.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<Cell[]> rows, int firstRow = 1, IEnumerable<string>? merges = null, string sheetName = "Sheet1")
    {
        var sheet = new StringBuilder();
        sheet.Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        var r = firstRow;
        foreach (var row in rows)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\">");
            for (var c = 0; c < row.Length; c++)
            {
                var cell = row[c];
                var reference = Letters(c) + r.ToString(CultureInfo.InvariantCulture);
                if (cell.Formula is not null)
                {
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><f>{SecurityElement.Escape(cell.Formula)}</f><v>{cell.Number ?? 0}</v></c>");
                }
                else if (cell.Number is { } number)
                {
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                }
                else if (!string.IsNullOrEmpty(cell.Text))
                {
                    sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cell.Text)}</t></is></c>");
                }
            }

            sheet.Append("</row>");
            r++;
        }

        sheet.Append("</sheetData>");
        var mergeList = merges?.ToList() ?? [];
        if (mergeList.Count > 0)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{mergeList.Count}\">");
            foreach (var merge in mergeList)
            {
                sheet.Append(CultureInfo.InvariantCulture, $"<mergeCell ref=\"{merge}\"/>");
            }

            sheet.Append("</mergeCells>");
        }

        sheet.Append("</worksheet>");
        return Package(sheet.ToString(), sheetName);
    }

    public static byte[] Xlsx(IReadOnlyList<string> header, IEnumerable<string[]> rows) =>
        Xlsx(rows.Select(r => r.Select(v => (Cell)v).ToArray()).Prepend([.. header.Select(h => (Cell)h)]));

    /// <summary>A workbook package around one sheet's XML.</summary>
    public static byte[] Package(string sheetXml, string sheetName = "Sheet1")
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", sheetXml);
        }

        return stream.ToArray();
    }

    public static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}

/// <summary>Uploading and following import jobs over HTTP.</summary>
public static class ImportHttp
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string kind, byte[] content, string fileName, string? mode = null, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/imports/{kind}" + (mode is null ? "" : "?mode=" + mode)) { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Uploads (expects 202) and waits for the job to end; returns the final job.</summary>
    public static async Task<JsonElement> ImportAsync(this HttpClient client, string kind, byte[] content, string fileName, string? mode = null, string? idempotencyKey = null)
    {
        using var response = await client.UploadAsync(kind, content, fileName, mode, idempotencyKey);
        var accepted = await response.ReadJsonAsync(HttpStatusCode.Accepted, "upload " + fileName);
        Assert.Equal($"/api/registry/imports/{accepted.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return await client.WaitAsync(accepted.GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> WaitAsync(this HttpClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var job = await client.GetJsonAsync($"/api/registry/imports/{id}?wait=30");
            if (job.GetProperty("status").GetString() is "Completed" or "Rejected" or "Failed")
            {
                return job;
            }
        }

        throw new TimeoutException("The import did not end within 5 minutes.");
    }

    public static int Count(this JsonElement job, string property) => job.GetProperty(property).GetInt32();

    public static string Status(this JsonElement job) => job.GetProperty("status").GetString()!;

    public static IEnumerable<(int Row, string Column, string Code, string Message)> Errors(this JsonElement job) =>
        job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!));
}
