using System.Diagnostics;
using System.Net;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Registry.Domain.Import;
using KnowledgeRenewal.IntegrationTests.Import;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Xunit.Abstractions;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Rosters;

/// <summary>
/// Roster uploads over HTTP into a real database: every row checked against the registry before anything is
/// written (a report naming row, column, code and message), all or nothing by default and valid rows only on
/// request, the records as the ledger wants them (approved on entry, provenance), the same roster again changing
/// nothing, a corrected roster revoking and replacing (never editing), removed people reported, duplicate-class and
/// day-overload flags, GBK CSV, and atomicity under a database fault.
/// </summary>
[Collection(RosterPlatforms.Name)]
public sealed class RosterUploadTests(RosterPlatform platform, ITestOutputHelper output)
{
    private static readonly string Csv = "名单.csv";

    [Fact]
    public async Task Bad_rows_are_reported_by_row_column_and_code_and_nothing_is_written_unless_valid_rows_only_is_asked_for()
    {
        var p1 = await platform.P1Async();
        var classId = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 3, 3), region: ImportPlatform.CountyA));
        var a = platform.PeopleA;
        var badChecksum = a[2][0][..17] + (a[2][0][17] == '0' ? '1' : '0');
        var unregistered = ImportSheets.IdNumber(990_000);
        List<string[]> rows =
        [
            RosterPlatform.Row(a[0], 24m),                               // row 2: fine
            RosterPlatform.Row(a[1], 12m, "公需", "GX-WLAQ"),            // row 3: fine, public subject
            [badChecksum, a[2][1], "24", "", ""],                        // row 4: invalid ID number
            [unregistered, "张三", "24", "", ""],                        // row 5: not registered
            [a[3][0], "王五", "24", "", ""],                             // row 6: name does not match
            RosterPlatform.Row(platform.PeopleB[0], 24m),                // row 7: outside the class's region and sector
            RosterPlatform.Row(a[4], 30m),                               // row 8: above the class's 24 hours
            RosterPlatform.Row(a[5], 0m),                                // row 9: not above zero
            RosterPlatform.Row(a[6], 24m, "专业", "JY-XKBJD"),           // row 10: an education subject for a health person
            RosterPlatform.Row(a[7], 24m),                               // row 11: fine
            RosterPlatform.Row(a[7], 20m),                               // row 12: the same person again
        ];

        var job = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), Csv);

        Assert.True(job.Status() == "Rejected", job.ToString());
        Assert.Equal((0, 0, 11), (job.Count("created"), job.Count("updated"), job.Count("processedRows")));
        var errors = job.Errors().ToList();
        Assert.Contains(errors, e => (e.Row, e.Column) == (4, "身份证号") && e.Code.StartsWith("id_number.", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (5, "身份证号", RosterProblemCodes.PersonNotRegistered));
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (6, "身份证号", RosterProblemCodes.PersonNotRegistered)); // a wrong name answers like an unknown number
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (7, "身份证号", RosterProblemCodes.OutOfAudience));
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (8, "学时", RosterProblemCodes.HoursAboveClass));
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (9, "学时", RosterProblemCodes.HoursInvalid));
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (10, "科目代码", LedgerProblemCodes.UnknownSubject));
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (11, "身份证号", ImportProblemCodes.DuplicateInFile) && e.Message.Contains("第 12 行", StringComparison.Ordinal));
        Assert.Contains(errors, e => (e.Row, e.Column, e.Code) == (12, "身份证号", ImportProblemCodes.DuplicateInFile) && e.Message.Contains("第 11 行", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Row is 2 or 3);
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        Assert.Equal(9, job.Count("rejected"));
        Assert.Empty(await platform.RecordsAsync(classId));

        // The report as xlsx says the same.
        using (var response = await p1.GetAsync(new Uri(job.GetProperty("report").GetString()!, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var report = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            var lines = MiniExcel.Query(report, useHeaderRow: true, sheetName: "错误明细").Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(lines, l => (l["行号"]?.ToString(), l["列"]?.ToString(), l["错误代码"]?.ToString()) == ("6", "身份证号", RosterProblemCodes.PersonNotRegistered));
        }

        // Valid rows only: rows 2, 3 become approved records; the rest stays reported.
        var partial = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), Csv, mode: "valid-rows-only");
        Assert.True(partial.Status() == "Completed", partial.ToString());
        Assert.Equal((2, 9), (partial.Count("created"), partial.Count("rejected")));
        var records = await platform.RecordsAsync(classId);
        var ids = await platform.IdsAsync([a[0], a[1]]);
        Assert.Equal(ids.Values.Order(), records.Select(r => r.ProfessionalId).Order());
        var own = records.Single(r => r.ProfessionalId == ids[a[0][0]]);
        var pub = records.Single(r => r.ProfessionalId == ids[a[1][0]]);
        Assert.Equal((CreditRecordStatus.Approved, RecordSource.ProviderClass, platform.P1Id, new DateOnly(2025, 3, 5), 2025), (own.Status, own.Source, own.ProviderId, own.Date, own.CreditYear));
        Assert.Equal((CreditCategory.Professional, "WS-JZJJ", "health", 24m), (own.Category, own.SubjectCode, own.ModuleKey, own.Hours.Hours));
        Assert.Equal((CreditCategory.Public, "GX-WLAQ", 12m), (pub.Category, pub.SubjectCode, pub.Hours.Hours));
        Assert.Equal(Csv + " 第 2 行", own.SourceFile);
        Assert.Equal(partial.GetProperty("id").GetGuid(), own.ImportJobId);
        Assert.Equal((ImportPlatform.CountyA, "health"), (own.RegionCode, own.DepartmentCode));
        Assert.NotNull(own.ReviewedAt);
    }

    [Fact]
    public async Task The_same_roster_again_changes_nothing_a_corrected_one_revokes_and_replaces_and_removed_people_are_only_reported()
    {
        var p1 = await platform.P1Async();
        var classId = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 3, 10)));
        var people = platform.PeopleA.Skip(10).Take(5).ToList();
        var file = ImportSheets.Xlsx(RosterPlatform.RosterHeader, people.Select(p => RosterPlatform.Row(p, 24m)));

        var first = await p1.RosterAsync(classId, file, "名单.xlsx");
        Assert.True(first.Status() == "Completed", first.ToString());
        Assert.Equal((5, 0, 0), (first.Count("created"), first.Count("updated"), first.Count("unchanged")));
        var before = await platform.RecordsAsync(classId);
        Assert.All(before, r => Assert.Equal(CreditRecordStatus.Approved, r.Status));

        var again = await p1.RosterAsync(classId, file, "名单.xlsx");
        Assert.True(again.Status() == "Completed", again.ToString());
        Assert.Equal((0, 0, 5, 0), (again.Count("created"), again.Count("updated"), again.Count("unchanged"), again.Count("flagged")));
        var unchanged = await platform.RecordsAsync(classId);
        Assert.Equal(before.Select(r => (r.Id, r.ConcurrencyStamp, r.Status)).Order(), unchanged.Select(r => (r.Id, r.ConcurrencyStamp, r.Status)).Order());

        // Corrected: the first person 16 hours instead of 24, the last one gone.
        var corrected = people.Take(4).Select((p, i) => RosterPlatform.Row(p, i == 0 ? 16m : 24m)).ToList();
        var fix = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, corrected), "名单（更正）.csv");
        Assert.True(fix.Status() == "Completed", fix.ToString());
        Assert.Equal((0, 1, 3, 1), (fix.Count("created"), fix.Count("updated"), fix.Count("unchanged"), fix.Count("warningCount")));
        var missing = Assert.Single(fix.Warnings());
        Assert.Equal((0, RosterProblemCodes.PersonMissing), (missing.Row, missing.Code));
        Assert.Contains("不会自动撤销", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(people[4][0], fix.ToString(), StringComparison.Ordinal);

        var ids = await platform.IdsAsync(people);
        var after = await platform.RecordsAsync(classId);
        var old = after.Single(r => r.Id == before.Single(b => b.ProfessionalId == ids[people[0][0]]).Id);
        var replacement = after.Single(r => r.ProfessionalId == ids[people[0][0]] && r.Id != old.Id);
        Assert.Equal((CreditRecordStatus.Revoked, replacement.Id, 24m), (old.Status, old.CorrectedByRecordId, old.Hours.Hours));
        Assert.Contains("学时 24 → 16", old.RevocationReason, StringComparison.Ordinal);
        Assert.Equal((CreditRecordStatus.Approved, old.Id, 16m), (replacement.Status, replacement.CorrectsRecordId, replacement.Hours.Hours));
        Assert.Equal(CreditRecordStatus.Approved, after.Single(r => r.ProfessionalId == ids[people[4][0]]).Status);
        Assert.Equal(6, after.Count);

        // Audited in the job's transaction: the new record and the revocation.
        var jobId = fix.GetProperty("id").GetString()!;
        var audit = await platform.QueryAsync(db => db.AuditRecords.Where(r => r.Details!.Contains("import=" + jobId)).ToListAsync());
        Assert.Contains(audit, r => r.EntityType == nameof(CreditRecord) && r.Action == AuditActions.DataCreated);
        Assert.Contains(audit, r => r.EntityType == nameof(CreditRecord) && r.Action == AuditActions.DataUpdated);

        // The corrected file again: nothing more.
        var fixAgain = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, corrected), "名单（更正）.csv");
        Assert.Equal((0, 0, 4), (fixAgain.Count("created"), fixAgain.Count("updated"), fixAgain.Count("unchanged")));
        Assert.Equal(6, (await platform.RecordsAsync(classId)).Count);
    }

    [Fact]
    public async Task A_person_already_credited_for_the_class_or_overloaded_on_a_day_by_another_provider_is_flagged_pending()
    {
        var p1 = await platform.P1Async();
        var p2 = await platform.P2Async();
        var people = platform.PeopleA.Skip(20).Take(4).ToList();
        var ids = await platform.IdsAsync(people);

        // Another provider's class on the same days, 8 hours a day, with people[1] on its roster.
        var other = RosterPlatform.ClassBody(new DateOnly(2025, 3, 17), days: 2, hours: 16m, category: "公需", subject: null, department: null);
        var otherId = await RosterPlatform.FinishedClassAsync(p2, other);
        var otherJob = await p2.RosterAsync(otherId, ImportSheets.Csv(RosterPlatform.RosterHeader, [RosterPlatform.Row(people[1], 16m)]), Csv);
        Assert.True(otherJob.Status() == "Completed" && otherJob.Count("created") == 1, otherJob.ToString());

        var classId = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 3, 17)));

        // people[0] is already credited for the class by another path (a declaration).
        await platform.QueryAsync(async db =>
        {
            var employer = await db.Professionals.Where(p => p.Id == ids[people[0][0]]).Select(p => p.EmployerId).SingleAsync();
            db.CreditRecords.Add(new CreditRecord
            {
                ProfessionalId = ids[people[0][0]],
                Date = new DateOnly(2025, 3, 19),
                CreditYear = 2025,
                Category = CreditCategory.Professional,
                Activity = ActivityType.ClassroomTraining,
                Hours = CreditHours.FromHours(24m),
                EnteredAmount = 24m,
                Title = "个人申报：名单测试班",
                Source = RecordSource.SelfDeclared,
                ClassId = classId,
                RecordedAt = DateTime.UtcNow,
                RegionCode = ImportPlatform.CountyA,
                DepartmentCode = "health",
                EmployerId = employer,
            });
            return await db.SaveChangesAsync();
        });

        var job = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, people.Select(p => RosterPlatform.Row(p, 24m))), Csv);

        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((4, 2), (job.Count("created"), job.Count("flagged")));
        var warnings = job.Warnings().ToList();
        Assert.Contains(warnings, w => (w.Row, w.Code) == (2, RosterProblemCodes.FlagDuplicateClass));
        Assert.Contains(warnings, w => (w.Row, w.Code) == (3, RosterProblemCodes.FlagDayOverload));
        var records = (await platform.RecordsAsync(classId)).Where(r => r.Source == RecordSource.ProviderClass).ToDictionary(r => r.ProfessionalId);
        var duplicate = records[ids[people[0][0]]];
        Assert.Equal((CreditRecordStatus.Pending, RecordWarning.DuplicateClass), (duplicate.Status, duplicate.Flag));
        var overload = records[ids[people[1][0]]];
        Assert.Equal((CreditRecordStatus.Pending, RecordWarning.DayOverload), (overload.Status, overload.Flag));
        Assert.Contains((string)other["title"]!, overload.FlagDetail, StringComparison.Ordinal);
        Assert.Contains("2025-03-17", overload.FlagDetail, StringComparison.Ordinal);
        Assert.All([records[ids[people[2][0]]], records[ids[people[3][0]]]], r => Assert.Equal((CreditRecordStatus.Approved, (RecordWarning?)null), (r.Status, r.Flag)));

        // The other provider's record is untouched: flags never revoke anything.
        Assert.Equal(CreditRecordStatus.Approved, Assert.Single(await platform.RecordsAsync(otherId)).Status);
    }

    [Fact]
    public async Task A_bad_row_at_700_of_1000_writes_nothing_and_a_clean_1000_row_roster_is_fast()
    {
        var p1 = await platform.P1Async();
        var classId = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 4, 14)));
        var people = platform.PeopleA.Skip(100).Take(1000).ToList();
        var rows = people.Select(p => RosterPlatform.Row(p, 24m)).ToList();
        rows[699][1] = "错名字";

        var job = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), Csv);

        Assert.True(job.Status() == "Rejected", job.ToString());
        var error = Assert.Single(job.Errors());
        Assert.Equal((701, "身份证号", RosterProblemCodes.PersonNotRegistered), (error.Row, error.Column, error.Code));
        Assert.Equal((0, 1000), (job.Count("created"), job.Count("processedRows")));
        Assert.Empty(await platform.RecordsAsync(classId));

        rows[699][1] = people[699][1];
        var watch = Stopwatch.StartNew();
        var clean = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), Csv);
        output.WriteLine($"1,000-row roster: {watch.ElapsedMilliseconds} ms upload to completion");
        Assert.True(clean.Status() == "Completed", clean.ToString());
        Assert.Equal(1000, clean.Count("created"));
        Assert.Equal(1000, (await platform.RecordsAsync(classId)).Count);
    }

    [Fact]
    public async Task A_database_fault_at_row_700_leaves_no_record_and_fails_the_job()
    {
        var p1 = await platform.P1Async();
        var classId = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 4, 7)));
        var rows = platform.PeopleA.Skip(100).Take(1000).Select(p => RosterPlatform.Row(p, 24m)).ToList();
        const string FaultFile = "故障名单.csv";
        await InjectFaultAsync(FaultFile + " 第 701 行");
        try
        {
            var job = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), FaultFile);

            Assert.True(job.Status() == "Failed", job.ToString());
            Assert.Equal(0, job.Count("created"));
            Assert.Empty(await platform.RecordsAsync(classId));
            var id = job.GetProperty("id").GetString()!;
            Assert.Empty(await platform.QueryAsync(db => db.AuditRecords.Where(r => r.Details!.Contains("import=" + id)).ToListAsync()));
        }
        finally
        {
            await RemoveFaultAsync();
        }

        var retry = await p1.RosterAsync(classId, ImportSheets.Csv(RosterPlatform.RosterHeader, rows), FaultFile);
        Assert.Equal(1000, retry.Count("created"));
    }

    [Fact]
    public async Task A_GBK_csv_from_Excel_is_read_and_the_job_is_followed_through_the_imports_api()
    {
        var p1 = await platform.P1Async();
        var classId = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 3, 24)));
        var people = platform.PeopleA.Skip(30).Take(5).ToList();
        var file = ImportSheets.Csv(RosterPlatform.RosterHeader, people.Select(p => RosterPlatform.Row(p, 20m, "专业", "WS-JZJJ")), ImportTextEncoding.Gb18030, titleLines: ["济宁市专业技术人员继续教育学员名单,,,,", "施教机构：名单测试施教机构甲,,,,"]);
        Assert.False(System.Text.Unicode.Utf8.IsValid(file));

        var job = await p1.RosterAsync(classId, file, "学员名单（GBK）.csv", idempotencyKey: "roster-gbk-1");

        Assert.True(job.Status() == "Completed", job.ToString());
        Assert.Equal((3, 5), (job.Count("headerRow"), job.Count("created")));
        Assert.Equal(5, (await platform.RecordsAsync(classId)).Count(r => r.Hours == CreditHours.FromHours(20m)));

        // The same key again answers the first job; the job is in the uploader's import list; others do not see it.
        using var replay = await p1.UploadRosterAsync(classId, file, "学员名单（GBK）.csv", idempotencyKey: "roster-gbk-1");
        Assert.Equal(job.GetProperty("id").GetString(), (await replay.ReadJsonAsync(HttpStatusCode.OK, "replay")).GetProperty("id").GetString());
        Assert.Contains(job.GetProperty("id").GetString(), (await p1.GetJsonAsync("/api/registry/imports")).Strings("id"));
        var p2 = await platform.P2Async();
        using var hidden = await p2.GetAsync(new Uri($"/api/registry/imports/{job.GetProperty("id").GetString()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    private Task<int> InjectFaultAsync(string sourceFile)
    {
        var literal = sourceFile.Replace("'", "''", StringComparison.Ordinal);
        var sql = TestDatabase.UsesPostgres
            ? $"""
              CREATE FUNCTION roster_fault() RETURNS trigger AS $$ BEGIN IF NEW."SourceFile" = '{literal}' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
              CREATE TRIGGER roster_fault BEFORE INSERT ON "CreditRecords" FOR EACH ROW EXECUTE FUNCTION roster_fault();
              """
            : $"""CREATE TRIGGER roster_fault BEFORE INSERT ON "CreditRecords" WHEN NEW."SourceFile" = '{literal}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END;""";
        return platform.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
    }

    private Task<int> RemoveFaultAsync() => platform.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
        TestDatabase.UsesPostgres
            ? """DROP TRIGGER roster_fault ON "CreditRecords"; DROP FUNCTION roster_fault();"""
            : "DROP TRIGGER roster_fault"));
}
