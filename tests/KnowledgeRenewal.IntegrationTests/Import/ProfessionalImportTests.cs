using System.Globalization;
using System.Net;
using System.Text;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Import;

/// <summary>
/// Importing professionals over HTTP into a real database: all rows or none, a report naming each bad row, upsert by
/// ID number (the same file twice changes nothing; corrections update in place; a new employer is a move with
/// history), idempotency keys, GBK CSV from Excel, title rows and merged header cells, scope, and database faults.
/// </summary>
public sealed class ProfessionalImportTests(ImportPlatform platform) : IClassFixture<ImportPlatform>
{
    private static readonly string[] Levels = ["初级", "中级", "副高级", "正高级", "未评定"];

    [Fact]
    public async Task A_clean_file_creates_everyone_with_an_open_employment_audited_in_the_same_transaction()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(1000, platform.EmployerA1, first: 100_000);

        var job = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows, bom: true), "人员.csv");

        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((1000, 0, 0, 0, 1000, 1000), (job.Count("created"), job.Count("updated"), job.Count("unchanged"), job.Count("rejected"), job.Count("totalRows"), job.Count("processedRows")));
        Assert.Equal("all-or-nothing", job.GetProperty("mode").GetString());
        var stored = await platform.ProfessionalsAsync(rows.Select(r => r[0]));
        Assert.Equal(1000, stored.Count);
        var today = ProgramCalendar.Today(TimeProvider.System);
        Assert.All(stored, p =>
        {
            Assert.Equal(platform.EmployerA1Id, p.EmployerId);
            Assert.Equal(ImportPlatform.CountyA, p.RegionCode);
            Assert.Equal("health", p.DepartmentCode);
            var employment = Assert.Single(p.Employments);
            Assert.Equal((platform.EmployerA1Id, today, (DateOnly?)null), (employment.EmployerId, employment.StartedOn, employment.EndedOn));
            Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", p.IdNumberMasked);
            Assert.Matches(@"^1\d{2}\*{4}\d{4}$", p.PhoneMasked!);
        });
        var one = stored.Single(p => p.IdNumberHash == platform.Factory.Services.GetRequiredService<IdNumberHasher>().Hash(ImportPlatform.Parse(rows[10][0])));
        Assert.Equal((rows[10][1], Levels[(100_000 + 10) % Levels.Length]), (one.Name, RegistryLabels.TitleLevels[one.TitleLevel]));
        var protector = platform.Factory.Services.GetRequiredService<IPersonalDataProtector>();
        Assert.Equal(rows[10][4], protector.Unprotect(one.PhoneCipher!));

        // One record per entity type and action, for the requester, naming the job; never a value.
        var id = job.GetProperty("id").GetString()!;
        var audit = await platform.QueryAsync(db => db.AuditRecords.Where(r => r.Details!.Contains("import=" + id)).ToListAsync());
        var created = Assert.Single(audit, r => r.EntityType == nameof(Professional) && r.Action == AuditActions.DataCreated);
        Assert.StartsWith("count=1000; import=", created.Details, StringComparison.Ordinal);
        Assert.Contains(audit, r => r.EntityType == nameof(Employment) && r.Action == AuditActions.DataCreated && r.Details!.StartsWith("count=1000", StringComparison.Ordinal));
        Assert.All(audit, r => Assert.Equal(job.GetProperty("requestedByUserName").GetString(), r.UserName));
        Assert.All(audit, r => Assert.DoesNotContain(rows[10][0], r.Details + r.EntityKey, StringComparison.Ordinal));

        // A raw read of the database file shows no ID number and no phone number.
        if (!TestDatabase.UsesPostgres)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(platform.Database.ConnectionString).DataSource;
            var bytes = await File.ReadAllBytesAsync(path);
            var text = Encoding.ASCII.GetString(bytes) + Encoding.Unicode.GetString(bytes);
            Assert.DoesNotContain(rows[10][0], text, StringComparison.Ordinal);
            Assert.DoesNotContain(rows[10][4], text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_same_file_again_changes_nothing_and_a_corrected_file_updates_in_place_and_moves_with_history()
    {
        var client = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var rows = ImportSheets.Professionals(20, platform.EmployerA1, first: 200_000);
        var file = ImportSheets.Xlsx(ImportSheets.ProfessionalHeader, rows);
        Assert.Equal(20, (await client.ImportAsync("professionals", file, "staff.xlsx")).Count("created"));
        var before = await platform.ProfessionalsAsync(rows.Select(r => r[0]));

        var again = await client.ImportAsync("professionals", file, "staff.xlsx");
        Assert.True(again.Status() == "Completed", again.ToString());
        Assert.Equal((0, 0, 20), (again.Count("created"), again.Count("updated"), again.Count("unchanged")));
        var after = await platform.ProfessionalsAsync(rows.Select(r => r[0]));
        Assert.Equal(before.Select(p => (p.Id, p.ConcurrencyStamp, p.UpdatedAt)).Order(), after.Select(p => (p.Id, p.ConcurrencyStamp, p.UpdatedAt)).Order());
        Assert.All(after, p => Assert.Single(p.Employments));

        // Time passes: the employments began years ago. Then a corrected sheet: five new titles, five new employers.
        await platform.QueryAsync(db => db.Employments.Where(e => before.Select(p => p.Id).Contains(e.ProfessionalId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedOn, new DateOnly(2020, 1, 1))));
        var corrected = rows.Select(r => r.ToArray()).ToList();
        for (var i = 0; i < 5; i++)
        {
            corrected[i][9] = "正高级";
            corrected[i][4] = ImportSheets.Phone(900 + i);
        }

        for (var i = 5; i < 10; i++)
        {
            corrected[i][5] = platform.EmployerA2;
        }

        var fix = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, corrected), "staff-corrected.csv");
        Assert.True(fix.Status() == "Completed", fix.ToString());
        Assert.Equal((0, 10, 10), (fix.Count("created"), fix.Count("updated"), fix.Count("unchanged")));

        var today = ProgramCalendar.Today(TimeProvider.System);
        var now = (await platform.ProfessionalsAsync(rows.Select(r => r[0]))).ToDictionary(p => p.IdNumberHash);
        var hasher = platform.Factory.Services.GetRequiredService<IdNumberHasher>();
        var protector = platform.Factory.Services.GetRequiredService<IPersonalDataProtector>();
        for (var i = 0; i < 10; i++)
        {
            var person = now[hasher.Hash(ImportPlatform.Parse(rows[i][0]))];
            var old = before.Single(p => p.Id == person.Id);
            Assert.NotEqual(old.ConcurrencyStamp, person.ConcurrencyStamp);
            if (i < 5)
            {
                Assert.Equal(TitleLevel.Senior, person.TitleLevel);
                Assert.Equal(ImportSheets.Phone(900 + i), protector.Unprotect(person.PhoneCipher!));
                Assert.Single(person.Employments);
            }
            else
            {
                Assert.Equal(platform.EmployerA2Id, person.EmployerId);
                var history = person.Employments.OrderBy(e => e.StartedOn).ToList();
                Assert.Equal(2, history.Count);
                Assert.Equal((platform.EmployerA1Id, new DateOnly(2020, 1, 1), (DateOnly?)today.AddDays(-1)), (history[0].EmployerId, history[0].StartedOn, history[0].EndedOn));
                Assert.Equal((platform.EmployerA2Id, today, (DateOnly?)null), (history[1].EmployerId, history[1].StartedOn, history[1].EndedOn));
            }
        }

        var audit = await platform.QueryAsync(db => db.AuditRecords.Where(r => r.Details!.Contains("import=" + fix.GetProperty("id").GetString())).ToListAsync());
        var updated = Assert.Single(audit, r => r.EntityType == nameof(Professional) && r.Action == AuditActions.DataUpdated);
        Assert.Equal("count=10; import=" + fix.GetProperty("id").GetString() + "; properties=EmployerId,Phone,TitleLevel", updated.Details);
    }

    [Fact]
    public async Task A_bad_row_at_700_of_1000_leaves_nothing_behind_and_the_report_names_row_column_code_and_message()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(1000, platform.EmployerA1, first: 300_000);
        var bad = rows[699][0];
        rows[699][0] = bad[..17] + (bad[17] == '0' ? '1' : '0'); // a typing error in the check character

        var job = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "人员.csv");

        Assert.True(job.Status() == "Rejected", job.ToString());
        Assert.Equal((0, 0, 0, 1, 1000), (job.Count("created"), job.Count("updated"), job.Count("unchanged"), job.Count("rejected"), job.Count("processedRows")));
        var error = Assert.Single(job.Errors());
        Assert.Equal((701, "身份证号", "id_number.checksum"), (error.Row, error.Column, error.Code));
        Assert.Contains("校验位", error.Message, StringComparison.Ordinal);
        Assert.Empty(await platform.ProfessionalsAsync(rows.Where((_, i) => i != 699).Select(r => r[0])));

        // The report as xlsx: the same row, column, code and message.
        using var response = await client.GetAsync(new Uri(job.GetProperty("report").GetString()!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var report = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var lines = MiniExcel.Query(report, useHeaderRow: true, sheetName: "错误明细").Cast<IDictionary<string, object?>>().ToList();
        var line = Assert.Single(lines);
        Assert.Equal(("701", "身份证号", "id_number.checksum"), (line["行号"]?.ToString(), line["列"]?.ToString(), line["错误代码"]?.ToString()));
        Assert.Contains("校验位", line["说明"]?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_fault_at_row_700_leaves_nothing_behind_and_fails_the_job()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(1000, platform.EmployerA1, first: 400_000);
        var hash = platform.Factory.Services.GetRequiredService<IdNumberHasher>().Hash(ImportPlatform.Parse(rows[699][0]));
        await InjectFaultAsync(hash);
        try
        {
            var job = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "人员.csv");

            Assert.True(job.Status() == "Failed", job.ToString());
            Assert.Contains("未写入任何数据", job.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, job.Count("created"));
            Assert.Empty(await platform.ProfessionalsAsync(rows.Select(r => r[0])));
            var id = job.GetProperty("id").GetString()!;
            Assert.Empty(await platform.QueryAsync(db => db.AuditRecords.Where(r => r.Details!.Contains("import=" + id)).ToListAsync()));
        }
        finally
        {
            await RemoveFaultAsync();
        }

        // The platform carries on: the same file imports once the fault is gone.
        var retry = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "人员.csv");
        Assert.Equal(1000, retry.Count("created"));
    }

    [Fact]
    public async Task Valid_rows_only_writes_the_good_rows_and_reports_the_others_naming_both_rows_of_a_duplicate()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(10, platform.EmployerA1, first: 500_000);
        rows[2][4] = "12345";          // bad phone (row 4)
        rows[7][0] = rows[4][0];       // the same person twice (rows 6 and 9)
        rows[7][3] = "";

        var job = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "人员.csv", mode: "valid-rows-only");

        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((7, 3), (job.Count("created"), job.Count("rejected")));
        var errors = job.Errors().ToList();
        Assert.Contains(errors, e => e is { Row: 4, Column: "手机号码", Code: "phone.invalid" });
        Assert.Contains(errors, e => e is { Row: 6, Column: "身份证号", Code: ImportProblemCodes.DuplicateInFile } && e.Message.Contains("第 9 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 9, Column: "身份证号", Code: ImportProblemCodes.DuplicateInFile } && e.Message.Contains("第 6 行", StringComparison.Ordinal));
        Assert.Equal(7, (await platform.ProfessionalsAsync(rows.Select(r => r[0]))).Count);
    }

    [Fact]
    public async Task An_idempotency_key_returns_the_first_job_without_importing_again()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var file = ImportSheets.Csv(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(5, platform.EmployerA1, first: 600_000));
        var key = Guid.NewGuid().ToString();
        var first = await client.ImportAsync("professionals", file, "a.csv", idempotencyKey: key);

        using var replay = await client.UploadAsync("professionals", file, "a.csv", idempotencyKey: key);
        var second = await replay.ReadJsonAsync(HttpStatusCode.OK, "replay");

        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.Equal("Completed", second.Status());
        Assert.Equal(5, second.Count("created"));
        Assert.Equal(1, await platform.QueryAsync(db => db.ImportJobs.CountAsync(j => j.IdempotencyKey == key)));

        // The same key for another file is a client error.
        using var other = await client.UploadAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(1, platform.EmployerA1, first: 600_100)), "b.csv", idempotencyKey: key);
        await other.AssertProblemAsync(HttpStatusCode.Conflict, ImportProblemCodes.IdempotencyKeyReused);

        // Another account's key is its own.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var elsewhere = await office.UploadAsync("professionals", file, "a.csv", idempotencyKey: key);
        Assert.Equal(HttpStatusCode.Accepted, elsewhere.StatusCode);
        await office.WaitAsync((await elsewhere.ReadJsonAsync(HttpStatusCode.Accepted)).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task A_GBK_csv_as_Excel_saves_it_on_Chinese_Windows_is_read_correctly()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(30, platform.EmployerA1, first: 700_000);
        rows[0][1] = "颜真卿";
        rows[1][1] = "孔繁森";
        rows[2][1] = "欧阳修";
        var gbk = ImportTextEncoding.Gb18030;
        var file = ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows, gbk, titleLines: ["济宁市专业技术人员信息登记表,,,,,,,,,,,,", "填报单位：任城区人民医院,,,,,,,,,,,,"]);
        Assert.False(System.Text.Unicode.Utf8.IsValid(file));

        var job = await client.ImportAsync("professionals", file, "人员（GBK）.csv");

        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((3, 30), (job.Count("headerRow"), job.Count("created")));
        var stored = await platform.ProfessionalsAsync(rows.Take(3).Select(r => r[0]));
        Assert.Equal(["孔繁森", "欧阳修", "颜真卿"], stored.Select(p => p.Name).Order());
        Assert.All(stored, p => Assert.Equal("卫生技术", p.TitleSeries));
    }

    [Fact]
    public async Task An_xlsx_with_a_title_row_and_merged_header_cells_is_read_and_merged_data_cells_are_filled()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(6, platform.EmployerA2, first: 800_000);
        ImportSheets.Cell Blank() => new(null);
        List<ImportSheets.Cell[]> sheet =
        [
            // Row 1: the title, merged over all columns. Rows 2–3: a two-row header; most headers are merged down
            // over both rows, "职称" spans series and level above their own headers.
            ["济宁市专业技术人员信息登记表", Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank()],
            ["身份证号", "姓名", "性别", "出生日期", "手机号码", "工作单位统一社会信用代码", "所属区域代码", "所属行业代码", "职称", Blank(), "专业", "最高学历", "人员状态"],
            [Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), "职称系列", "职称级别", Blank(), Blank(), Blank()],
        ];
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Select(v => (ImportSheets.Cell)v).ToArray();
            if (i > 0)
            {
                cells[5] = Blank(); // the employer code is merged down over the block of people (F4:F9)
            }

            sheet.Add(cells);
        }

        string[] merges = ["A1:M1", .. "ABCDEFGH".Select(c => $"{c}2:{c}3"), "I2:J2", "K2:K3", "L2:L3", "M2:M3", "F4:F9"];
        var job = await client.ImportAsync("professionals", ImportSheets.Xlsx(sheet, merges: merges), "登记表.xlsx");

        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((3, 6), (job.Count("headerRow"), job.Count("created")));
        var stored = await platform.ProfessionalsAsync(rows.Select(r => r[0]));
        Assert.All(stored, p => Assert.Equal(platform.EmployerA2Id, p.EmployerId));
        Assert.All(stored, p => Assert.Equal("卫生技术", p.TitleSeries));
    }

    [Fact]
    public async Task Long_numbers_Excel_rounded_are_reported_as_such()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(2, platform.EmployerA1, first: 900_000);
        var sheet = rows.Select(r => r.Select(v => (ImportSheets.Cell)v).ToArray()).ToList();
        sheet[0][0] = new ImportSheets.Cell(null, double.Parse(rows[0][0][..17] + "0", CultureInfo.InvariantCulture));
        sheet[1][4] = new ImportSheets.Cell(null, double.Parse(rows[1][4], CultureInfo.InvariantCulture)); // a phone typed as a number is fine
        var xlsx = await client.ImportAsync("professionals", ImportSheets.Xlsx(sheet.Prepend([.. ImportSheets.ProfessionalHeader.Select(h => (ImportSheets.Cell)h)])), "numbers.xlsx", mode: "valid-rows-only");
        Assert.True(xlsx.Status() == "Completed", xlsx.ToString());
        Assert.Equal(1, xlsx.Count("created"));
        var error = Assert.Single(xlsx.Errors());
        Assert.Equal((2, "身份证号", ImportProblemCodes.NumberPrecision), (error.Row, error.Column, error.Code));

        rows[0][0] = "3.70811E+17";
        var csv = await client.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows.Take(1)), "numbers.csv");
        Assert.Equal(ImportProblemCodes.NumberPrecision, Assert.Single(csv.Errors()).Code);
    }

    [Fact]
    public async Task A_county_admin_gets_row_errors_for_people_of_another_regions_employer_or_region()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var rows = ImportSheets.Professionals(3, platform.EmployerA1, first: 1_000_000);
        rows[0][5] = platform.EmployerB;          // an employer of 邹城市: not visible to 任城区
        rows[1][6] = ImportPlatform.CountyB;      // an own employer, but the person put in another region

        var job = await county.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, rows), "scope.csv");

        Assert.True(job.Status() == "Rejected", job.ToString());
        var errors = job.Errors().ToList();
        Assert.Contains(errors, e => e is { Row: 2, Column: "工作单位统一社会信用代码", Code: "employer.not_found" });
        Assert.Contains(errors, e => e is { Row: 3, Column: "所属区域代码", Code: "professional.region_not_employer" }); // the region is the employer's
        Assert.Equal(2, job.Count("rejected"));
        Assert.Empty(await platform.ProfessionalsAsync(rows.Select(r => r[0])));

        // Employer HR: its own staff only.
        var hr = await platform.Accounts.SignedInClientAsync(new TestAccount(Guid.Empty, "import.hr.a1", null));
        var staff = ImportSheets.Professionals(2, platform.EmployerA1, first: 1_000_100);
        staff[1][5] = platform.EmployerA2;
        var own = await hr.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, staff), "hr.csv", mode: "valid-rows-only");
        Assert.Equal((1, 1), (own.Count("created"), own.Count("rejected")));
        Assert.Equal("employer.not_found", Assert.Single(own.Errors()).Code);

        // A person registered by another region is not taken over by an import.
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var elsewhere = ImportSheets.Professionals(1, platform.EmployerB, first: 1_000_200);
        Assert.Equal(1, (await office.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, elsewhere), "b.csv")).Count("created"));
        elsewhere[0][5] = platform.EmployerA1;
        var takeover = await county.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, elsewhere), "takeover.csv");
        var refusal = Assert.Single(takeover.Errors());
        Assert.Equal(("Rejected", "registry.out_of_scope", "身份证号"), (takeover.Status(), refusal.Code, refusal.Column));
        Assert.Equal(ProfessionalOwnership.CannotRegisterMessage, refusal.Message); // never "registered elsewhere"

        // The match outside the scope is audited for the requester (masked), though the file was rolled back.
        var jobId = takeover.GetProperty("id").GetString();
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(r => r.Action == AuditActions.PersonalDataSearched && r.EntityKey == jobId));
        Assert.Equal((AuditOutcome.Denied, takeover.GetProperty("requestedByUserName").GetString()), (audited.Outcome, audited.UserName));
        Assert.Contains("rows=1", audited.Details, StringComparison.Ordinal);
        Assert.Contains("masked=" + elsewhere[0][0][..4] + "**********" + elsewhere[0][0][14..], audited.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere[0][0], audited.Details, StringComparison.Ordinal);
        Assert.Equal(platform.EmployerBId, Assert.Single(await platform.ProfessionalsAsync(elsewhere.Select(r => r[0]))).EmployerId);
    }

    [Fact]
    public async Task Jobs_are_visible_to_their_requester_and_the_program_office_only()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var job = await county.ImportAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, ImportSheets.Professionals(1, platform.EmployerA1, first: 1_100_000)), "one.csv");
        var id = job.GetProperty("id").GetString()!;

        var other = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        using (var hidden = await other.GetAsync(new Uri($"/api/registry/imports/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        Assert.Equal(id, (await office.GetJsonAsync($"/api/registry/imports/{id}")).GetProperty("id").GetString());
        Assert.Contains(id, (await county.GetJsonAsync("/api/registry/imports")).EnumerateArray().Select(j => j.GetProperty("id").GetString()));
        Assert.DoesNotContain(id, (await other.GetJsonAsync("/api/registry/imports")).EnumerateArray().Select(j => j.GetProperty("id").GetString()));

        // Providers and professionals import nothing.
        var provider = await platform.ClientAsync(PlatformRoles.ProviderStaff);
        using var refused = await provider.UploadAsync("professionals", ImportSheets.Csv(ImportSheets.ProfessionalHeader, []), "x.csv");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task InjectFaultAsync(string hash)
    {
        var sql = TestDatabase.UsesPostgres
            ? $"""
              CREATE FUNCTION import_fault() RETURNS trigger AS $$ BEGIN IF NEW."IdNumberHash" = '{hash}' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER import_fault BEFORE INSERT ON "Professionals" FOR EACH ROW EXECUTE FUNCTION import_fault();
              """
            : $"""CREATE TRIGGER import_fault BEFORE INSERT ON "Professionals" WHEN NEW."IdNumberHash" = '{hash}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END;""";
        await platform.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
    }

    private Task RemoveFaultAsync() => platform.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
        TestDatabase.UsesPostgres
            ? """DROP TRIGGER import_fault ON "Professionals"; DROP FUNCTION import_fault();"""
            : "DROP TRIGGER import_fault"));
}
