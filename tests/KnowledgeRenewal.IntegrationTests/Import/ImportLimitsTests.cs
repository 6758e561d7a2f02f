using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Import;

/// <summary>A platform with small import limits (so that limit tests need small files).</summary>
public sealed class SmallLimitsPlatform() : ImportPlatform(new Dictionary<string, string?>
{
    ["Registry:Import:MaxFileBytes"] = "200000",
    ["Registry:Import:MaxRows"] = "500",
    ["Registry:Import:MaxColumns"] = "20",
    ["Registry:Import:MaxUncompressedBytes"] = "4000000",
});

/// <summary>Whatever is wrong with a file, the answer is a 4xx problem with a stable code — never a 500.</summary>
public sealed class ImportLimitsTests(SmallLimitsPlatform platform) : IClassFixture<SmallLimitsPlatform>
{
    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(2000, platform.EmployerA1);
        using var response = await client.UploadAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "big.csv");
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ImportProblemCodes.FileTooLarge);
    }

    [Fact]
    public async Task More_rows_than_allowed_are_refused()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        using var csv = await client.UploadAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(501, platform.EmployerA1)), "rows.csv");
        await csv.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.TooManyRows);
        using var xlsx = await client.UploadAsync("professionals", ImportSheets.Xlsx(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(501, platform.EmployerA1)), "rows.xlsx");
        await xlsx.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.TooManyRows);
    }

    [Fact]
    public async Task Too_many_columns_are_refused_also_a_million_of_them()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var header = ImportSheets.ProfessionalHeader.Concat(Enumerable.Range(0, 10).Select(i => "备注" + i)).ToArray();
        using var wide = await client.UploadAsync("professionals", ImportSheets.Csv(header, [Enumerable.Repeat("x", header.Length).ToArray()]), "wide.csv");
        await wide.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.TooManyColumns);

        var million = Encoding.ASCII.GetBytes(string.Join(',', Enumerable.Repeat("a", 90_000)) + "\r\n");
        using var csv = await client.UploadAsync("professionals", million, "million.csv");
        await csv.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.TooManyColumns);

        var sheet = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>身份证号</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>""";
        using var xlsx = await client.UploadAsync("professionals", ImportSheets.Package(sheet), "wide.xlsx");
        await xlsx.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.TooManyColumns);
    }

    [Fact]
    public async Task Files_that_are_not_what_their_name_says_are_refused()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];
        using (var response = await client.UploadAsync("professionals", png, "photo.xlsx"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NotXlsx);
        }

        using (var response = await client.UploadAsync("professionals", png, "photo.csv"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NotCsv);
        }

        var valid = ImportSheets.Xlsx(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(3, platform.EmployerA1));
        using (var response = await client.UploadAsync("professionals", valid[..(valid.Length / 2)], "broken.xlsx"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NotXlsx);
        }

        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        using (var response = await client.UploadAsync("professionals", xls, "old.xlsx"))
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NotXlsx);
            Assert.Contains(".xls", problem.Detail, StringComparison.Ordinal);
        }

        using (var response = await client.UploadAsync("professionals", valid, "staff.pdf"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.UnsupportedFileType);
        }

        // A zip that is not a workbook.
        using var zipStream = new MemoryStream();
        using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        using (var response = await client.UploadAsync("professionals", zipStream.ToArray(), "archive.xlsx"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NotXlsx);
        }
    }

    [Fact]
    public async Task Wrong_headers_are_refused_naming_the_missing_ones()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        string[] header = ["身份证号", "姓名", "单位", "文化程度"];
        using var response = await client.UploadAsync("professionals", ImportSheets.Csv(header, [["1", "2", "3", "4"]]), "wrong.csv");
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.MissingHeaders);
        Assert.Contains("工作单位统一社会信用代码", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("最高学历", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(["工作单位统一社会信用代码", "最高学历"], problem.FieldErrors.Select(e => e.Field));

        using var none = await client.UploadAsync("professionals", ImportSheets.Csv(["a", "b"], [["1", "2"]]), "none.csv");
        await none.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.MissingHeaders);

        using var employers = await client.UploadAsync("employers", ImportSheets.Csv(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(1, platform.EmployerA1)), "people-as-employers.csv");
        await employers.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.MissingHeaders);
    }

    [Fact]
    public async Task Formulas_are_refused_but_phone_numbers_and_negative_numbers_are_not_formulas()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(2, platform.EmployerA1, first: 10);
        var sheet = rows.Select(r => r.Select(v => (ImportSheets.Cell)v).ToArray()).ToList();
        sheet[1][1] = new ImportSheets.Cell(null, 1, "LEFT(\"张三\",2)");
        using (var response = await client.UploadAsync("professionals", ImportSheets.Xlsx(sheet.Prepend([.. ImportSheets.ProfessionalHeader.Select(h => (ImportSheets.Cell)h)])), "formula.xlsx"))
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.Formula);
            Assert.Equal("B3", problem.FieldErrors[0].Field);
        }

        rows[1][10] = "=HYPERLINK(\"http://example.invalid\",\"点我\")";
        using (var response = await client.UploadAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "formula.csv"))
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.Formula);
            Assert.Equal("K3", problem.FieldErrors[0].Field);
        }

        rows[1][10] = "-";
        rows[1][4] = "+86 139-0000-1234";
        var job = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "phone.csv");
        Assert.True(job.Status() == "Completed", job.ToString());
    }

    [Fact]
    public async Task Empty_sheets_and_sheets_without_data_rows_are_refused()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var empty = """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>""";
        using (var response = await client.UploadAsync("professionals", ImportSheets.Package(empty), "empty.xlsx"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NoDataRows);
        }

        using (var response = await client.UploadAsync("professionals", ImportSheets.Xlsx(ImportSheets.ProfessionalHeader, []), "header-only.xlsx"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NoDataRows);
        }

        using (var response = await client.UploadAsync("professionals", [], "empty.csv"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NoDataRows);
        }

        using (var response = await client.UploadAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, [["", "", "", "", "", "", "", "", "", "", "", "", ""]]), "blank-rows.csv"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NoDataRows);
        }
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_without_unpacking_it_all()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        sheet.Append(' ', 8_000_000).Append("</sheetData></worksheet>");
        var bomb = ImportSheets.Package(sheet.ToString());
        Assert.True(bomb.Length < 100_000, $"{bomb.Length} bytes");

        using var response = await client.UploadAsync("professionals", bomb, "bomb.xlsx");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.TooLargeUncompressed);
    }

    [Fact]
    public async Task Requests_that_are_not_a_file_upload_get_a_problem()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        using (var json = await client.PostAsync(new Uri("/api/registry/imports/professionals", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, ImportProblemCodes.MultipartRequired);
        }

        using (var form = new MultipartFormDataContent { { new StringContent("x"), "other" } })
        using (var response = await client.PostAsync(new Uri("/api/registry/imports/professionals", UriKind.Relative), form))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.FileMissing);
        }

        var file = ImportSheets.Csv(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(1, platform.EmployerA1, first: 20));
        using (var response = await client.UploadAsync("professionals", file, "a.csv", mode: "some-rows"))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.InvalidMode);
        }

        using (var response = await client.UploadAsync("professionals", file, "a.csv", idempotencyKey: new string('k', 200)))
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.InvalidIdempotencyKey);
        }

        using var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc"));
        broken.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
        using (var response = await client.PostAsync(new Uri("/api/registry/imports/professionals", UriKind.Relative), broken))
        {
            Assert.True(response.StatusCode is HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        using var missing = await client.GetAsync(new Uri($"/api/registry/imports/{Guid.NewGuid()}", UriKind.Relative));
        await missing.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
    }
}
