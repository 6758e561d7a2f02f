using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Import;

/// <summary>Employer imports (upsert by credit code, scope, immutable region), the templates, and masked, audited exports.</summary>
public sealed partial class EmployerImportAndExportTests(ImportPlatform platform) : IClassFixture<ImportPlatform>
{
    [Fact]
    public async Task Employers_are_created_updated_in_place_and_refused_outside_the_scope()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var (a, b, c) = (ImportPlatform.Code('1', ImportPlatform.CountyA, 101), ImportPlatform.Code('9', ImportPlatform.CountyA, 102), ImportPlatform.Code('1', ImportPlatform.CountyB, 103));
        List<string[]> rows =
        [
            [a, "任城区第二人民医院", "公有制", ImportPlatform.CountyA, "health"],
            [b, "济宁某某科技有限公司", "非公有制", ImportPlatform.CountyA, ""],
            [c, "邹城市某医院", "公有制", ImportPlatform.CountyB, "health"],
        ];

        var job = await county.ImportAsync("employers", ImportSheets.Csv(ImportSheets.EmployerHeader, rows), "单位.csv", mode: "valid-rows-only");

        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((2, 1), (job.Count("created"), job.Count("rejected")));
        var error = Assert.Single(job.Errors());
        Assert.Equal((4, "所属区域代码", "registry.out_of_scope"), (error.Row, error.Column, error.Code));
        var created = await platform.QueryAsync(db => db.Employers.AsNoTracking().Where(e => e.Code == a || e.Code == b).ToListAsync());
        Assert.Equal(2, created.Count);
        var bureau = await platform.QueryAsync(db => db.Organizations.Where(o => o.Code == "CB-" + ImportPlatform.CountyA).Select(o => o.Id).SingleAsync());
        Assert.All(created, e => Assert.Equal((bureau, OrganizationType.Employer), (e.ParentId!.Value, e.Type)));
        Assert.Equal(Ownership.NonPublic, created.Single(e => e.Code == b).Ownership);

        // Again, with one name corrected: updated in place, the other unchanged.
        rows[0][1] = "任城区第二人民医院（北院）";
        var again = await county.ImportAsync("employers", ImportSheets.Xlsx(ImportSheets.EmployerHeader, rows.Take(2)), "单位.xlsx");
        Assert.Equal((0, 1, 1), (again.Count("created"), again.Count("updated"), again.Count("unchanged")));
        Assert.Equal("任城区第二人民医院（北院）", await platform.QueryAsync(db => db.Employers.Where(e => e.Code == a).Select(e => e.Name).SingleAsync()));
        var audit = await platform.QueryAsync(db => db.AuditRecords.Where(r => r.Details!.Contains("import=" + again.GetProperty("id").GetString())).ToListAsync());
        Assert.Equal("count=1; import=" + again.GetProperty("id").GetString() + "; properties=Name", Assert.Single(audit).Details);

        // The region of a registered employer does not change; a provider's code is not an employer's.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var provider = ImportPlatform.Code('5', ImportPlatform.CountyA, 104);
        await platform.QueryAsync(async db =>
        {
            db.TrainingProviders.Add(new TrainingProvider { Code = provider, Name = "测试施教机构", RegionCode = ImportPlatform.CountyA, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var refused = await office.ImportAsync("employers", ImportSheets.Csv(ImportSheets.EmployerHeader, [[a, "任城区第二人民医院", "公有制", ImportPlatform.CountyB, "health"], [provider, "测试施教机构", "公有制", ImportPlatform.CountyA, ""]]), "bad.csv");
        Assert.Equal("Rejected", refused.Status());
        Assert.Equal(["employer.region_immutable", "organization.duplicate"], refused.Errors().Select(e => e.Code).Order());
    }

    [Fact]
    public async Task The_templates_have_the_Chinese_headers_notes_and_the_codes_and_import_as_an_empty_file()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        foreach (var (kind, schema) in new[] { ("professionals", ImportSchema.Professionals), ("employers", ImportSchema.Employers) })
        {
            var bytes = await county.GetByteArrayAsync(new Uri($"/api/registry/imports/{kind}/template", UriKind.Relative));
            await using var stream = new MemoryStream(bytes);
            Assert.Equal([schema.SheetName, "填写说明", "区域代码", "行业代码"], MiniExcel.GetSheetNames(stream));
            stream.Position = 0;
            var header = (IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false, sheetName: schema.SheetName).First();
            Assert.Equal(schema.Columns.Select(c => c.Header), header.Values.Select(v => v?.ToString()));
            stream.Position = 0;
            var notes = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(notes, n => n["列名"]?.ToString() == schema.Columns[0].Header && n["是否必填"]?.ToString() == "必填");
            stream.Position = 0;
            Assert.Contains(MiniExcel.Query(stream, useHeaderRow: true, sheetName: "区域代码").Cast<IDictionary<string, object?>>(), r => r["代码"]?.ToString() == ImportPlatform.CountyA);

            using var upload = await county.UploadAsync(kind, bytes, "模板.xlsx");
            await upload.AssertProblemAsync(HttpStatusCode.BadRequest, ImportProblemCodes.NoDataRows);
        }

        Assert.Contains("正高级", await ReadNotesAsync(county), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_are_masked_filtered_scoped_and_audited()
    {
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var a = ImportSheets.Professionals(30, platform.EmployerA1, first: 7_000_000);
        var b = ImportSheets.Professionals(10, platform.EmployerB, first: 7_100_000, division: ImportPlatform.CountyB);
        Assert.Equal(40, (await office.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, [.. a, .. b]), "export.csv")).Count("created"));

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        using var response = await county.GetAsync(new Uri("/api/registry/professionals/export?titleLevel=中级", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        // Masked in the cells, and no ID or mobile number anywhere in the workbook's XML.
        var xml = string.Concat(Unzip(bytes));
        Assert.All(a.Concat(b), r => Assert.DoesNotContain(r[0], xml, StringComparison.Ordinal));
        Assert.All(a.Concat(b), r => Assert.DoesNotContain(r[4], xml, StringComparison.Ordinal));
        await using var stream = new MemoryStream(bytes);
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches(MaskedId(), r["身份证号（脱敏）"]?.ToString()));
        Assert.All(rows, r => Assert.Matches(@"^(1\d{2}\*{4}\d{4})?$", r["手机号码（脱敏）"]?.ToString() ?? ""));
        Assert.All(rows, r => Assert.Equal(("中级", ImportPlatform.CountyA), (r["职称级别"]?.ToString(), r["所属区域代码"]?.ToString())));
        Assert.DoesNotContain(rows, r => r["工作单位统一社会信用代码"]?.ToString() == platform.EmployerB);
        Assert.Contains(rows, r => r["工作单位"]?.ToString() == "任城区人民医院（测试）");

        var audit = await platform.QueryAsync(db => db.AuditRecords.Where(r => r.Action == AuditActions.DataExported && r.EntityType == "Professional").OrderByDescending(r => r.Sequence).FirstAsync());
        Assert.Equal($"format=xlsx; rows={rows.Count}; filters=titleLevel=Intermediate", audit.Details);

        using var employers = await county.GetAsync(new Uri("/api/registry/employers/export", UriKind.Relative));
        await using var employerStream = new MemoryStream(await employers.Content.ReadAsByteArrayAsync());
        var employerRows = MiniExcel.Query(employerStream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(employerRows, r => r["统一社会信用代码"]?.ToString() == platform.EmployerA1);
        Assert.DoesNotContain(employerRows, r => r["统一社会信用代码"]?.ToString() == platform.EmployerB);

        using var invalid = await county.GetAsync(new Uri("/api/registry/professionals/export?titleLevel=大师", UriKind.Relative));
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
    }

    private static IEnumerable<string> Unzip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            yield return reader.ReadToEnd();
        }
    }

    private static async Task<string> ReadNotesAsync(HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync(new Uri("/api/registry/imports/professionals/template", UriKind.Relative));
        return string.Concat(Unzip(bytes));
    }

    [GeneratedRegex(@"^\d{4}\*{10}\d{3}[\dX]$")]
    private static partial Regex MaskedId();
}
