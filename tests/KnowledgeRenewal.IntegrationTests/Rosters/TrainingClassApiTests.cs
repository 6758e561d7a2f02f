using System.Net;
using System.Net.Http.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using MiniExcelLibs;
using KnowledgeRenewal.Kernel.Time;

namespace KnowledgeRenewal.IntegrationTests.Rosters;

/// <summary>
/// The classes API: field rules with Chinese problems naming the field, preconditions (428/412), the state rules
/// (finish only after the end date, nothing after finishing), who may write (the class's provider and the program
/// office) and who may read (404 outside the scope), list filters, and the roster template.
/// </summary>
[Collection(RosterPlatforms.Name)]
public sealed class TrainingClassApiTests(RosterPlatform platform)
{
    [Fact]
    public async Task Invalid_classes_are_refused_naming_every_field_in_Chinese()
    {
        var p1 = await platform.P1Async();
        var body = RosterPlatform.ClassBody(new DateOnly(2026, 3, 2), days: 2, hours: 21m);
        body["title"] = " ";
        body["regionCode"] = "999999";
        body["creditClass"] = "III";
        body["activity"] = "跳舞";
        using var response = await p1.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var errors = problem.FieldErrors.Select(e => (e.Field, e.Code)).ToList();
        Assert.Contains(("title", "required"), errors);
        Assert.Contains(("hours", "hours.above_days"), errors); // 21 > 2 days × 10
        Assert.Contains(("activity", "activity.invalid"), errors);
        Assert.All(problem.FieldErrors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));

        var order = RosterPlatform.ClassBody(new DateOnly(2026, 3, 2));
        order["endDate"] = "2026-03-01";
        using var unordered = await p1.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), order);
        var orderProblem = await unordered.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(orderProblem.FieldErrors, e => e.Field == "endDate" && e.Code == "date.order");

        // References: the region must exist, the subject must be in the sector's catalog, the credit class the module's.
        var references = RosterPlatform.ClassBody(new DateOnly(2026, 3, 2), subject: "JY-XKBJD", region: "999999");
        references["creditClass"] = "III";
        using var badReferences = await p1.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), references);
        var referenceProblem = await badReferences.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var fields = referenceProblem.FieldErrors.Select(e => e.Field).ToList();
        Assert.Contains("regionCode", fields);
        Assert.Contains("subjectCode", fields);
        Assert.Contains("creditClass", fields);

        var healthClassI = RosterPlatform.ClassBody(new DateOnly(2026, 3, 2));
        healthClassI["creditClass"] = "I";
        using var good = await p1.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), healthClassI);
        var view = await good.ReadJsonAsync(HttpStatusCode.Created, "class I");
        Assert.Equal(("I", platform.P1Id, 8m), (view.GetProperty("creditClass").GetString(), view.GetProperty("providerId").GetGuid(), view.GetProperty("hoursPerDay").GetDecimal()));
    }

    [Fact]
    public async Task Updates_need_the_current_etag_and_a_class_finishes_only_after_its_end_date_and_then_stays_as_it_is()
    {
        var p1 = await platform.P1Async();
        var today = ProgramCalendar.Today(TimeProvider.System);
        using var created = await p1.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), RosterPlatform.ClassBody(today.AddDays(10)));
        var view = await created.ReadJsonAsync(HttpStatusCode.Created, "create");
        var id = view.GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;

        var change = RosterPlatform.ClassBody(today.AddDays(10), hours: 20m);
        using (var missing = await RosterPlatform.SendAsync(p1, HttpMethod.Put, $"/api/classes/{id}", change))
        {
            await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        using var updated = await RosterPlatform.SendAsync(p1, HttpMethod.Put, $"/api/classes/{id}", change, etag);
        Assert.Equal(20m, (await updated.ReadJsonAsync(HttpStatusCode.OK, "update")).GetProperty("hours").GetDecimal());
        using (var stale = await RosterPlatform.SendAsync(p1, HttpMethod.Put, $"/api/classes/{id}", change, etag))
        {
            await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        }

        var current = updated.Headers.ETag!.Tag;
        using (var early = await RosterPlatform.SendAsync(p1, HttpMethod.Post, $"/api/classes/{id}/finish", null, current))
        {
            await early.AssertProblemAsync(HttpStatusCode.Conflict, "class.not_ended");
        }

        using (var planned = await p1.UploadRosterAsync(id, Import.ImportSheets.Csv(RosterPlatform.RosterHeader, []), "名单.csv"))
        {
            await planned.AssertProblemAsync(HttpStatusCode.Conflict, "roster.class_not_finished");
        }

        using var cancelled = await RosterPlatform.SendAsync(p1, HttpMethod.Post, $"/api/classes/{id}/cancel", null, current);
        Assert.Equal("Cancelled", (await cancelled.ReadJsonAsync(HttpStatusCode.OK, "cancel")).GetProperty("status").GetString());

        // A finished class: no more edits, no cancelling.
        var finishedId = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 6, 2)));
        using var read = await p1.GetAsync(new Uri($"/api/classes/{finishedId}", UriKind.Relative));
        var finishedTag = read.Headers.ETag!.Tag;
        using (var edit = await RosterPlatform.SendAsync(p1, HttpMethod.Put, $"/api/classes/{finishedId}", RosterPlatform.ClassBody(new DateOnly(2025, 6, 2)), finishedTag))
        {
            await edit.AssertProblemAsync(HttpStatusCode.Conflict, "class.not_editable");
        }

        using (var cancel = await RosterPlatform.SendAsync(p1, HttpMethod.Post, $"/api/classes/{finishedId}/cancel", null, finishedTag))
        {
            await cancel.AssertProblemAsync(HttpStatusCode.Conflict, "class.invalid_transition");
        }
    }

    [Fact]
    public async Task Only_the_provider_and_the_program_office_write_and_other_providers_do_not_see_the_class()
    {
        var p1 = await platform.P1Async();
        var p2 = await platform.P2Async();
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var id = await RosterPlatform.FinishedClassAsync(p1, RosterPlatform.ClassBody(new DateOnly(2025, 6, 9), region: Import.ImportPlatform.CountyA));

        // Another provider: 404 on read, write and roster; a class for another provider: 403.
        using (var hidden = await p2.GetAsync(new Uri($"/api/classes/{id}", UriKind.Relative)))
        {
            await hidden.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        using (var roster = await p2.UploadRosterAsync(id, Import.ImportSheets.Csv(RosterPlatform.RosterHeader, []), "名单.csv"))
        {
            await roster.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        using (var foreign = await p2.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), RosterPlatform.ClassBody(new DateOnly(2025, 6, 9), providerId: platform.P1Id)))
        {
            await foreign.AssertProblemAsync(HttpStatusCode.Forbidden, "roster.not_class_provider");
        }

        Assert.DoesNotContain(id.ToString(), (await p2.GetJsonAsync("/api/classes?pageSize=100")).GetProperty("items").Strings("id"));

        // The county the class is for reads it but writes nothing.
        Assert.Equal(id, (await county.GetJsonAsync($"/api/classes/{id}")).GetProperty("id").GetGuid());
        using (var countyWrite = await county.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), RosterPlatform.ClassBody(new DateOnly(2025, 6, 9), providerId: platform.P1Id)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, countyWrite.StatusCode);
        }

        using (var countyRoster = await county.UploadRosterAsync(id, Import.ImportSheets.Csv(RosterPlatform.RosterHeader, []), "名单.csv"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, countyRoster.StatusCode);
        }

        // The program office names the provider (required) and sees every class; filters narrow the list.
        using (var noProvider = await office.PostAsJsonAsync(new Uri("/api/classes", UriKind.Relative), RosterPlatform.ClassBody(new DateOnly(2025, 6, 9))))
        {
            var problem = await noProvider.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal("providerId", Assert.Single(problem.FieldErrors).Field);
        }

        var officeClass = await RosterPlatform.FinishedClassAsync(office, RosterPlatform.ClassBody(new DateOnly(2024, 6, 9), subject: null, category: "公需", department: null, providerId: platform.P2Id));
        var p2Classes = await office.GetJsonAsync($"/api/classes?providerId={platform.P2Id}&year=2024&status=已结业");
        Assert.Contains(officeClass.ToString(), p2Classes.GetProperty("items").Strings("id"));
        Assert.All(p2Classes.GetProperty("items").EnumerateArray(), c => Assert.Equal((platform.P2Id, "Finished"), (c.GetProperty("providerId").GetGuid(), c.GetProperty("status").GetString())));
        Assert.DoesNotContain(id.ToString(), p2Classes.GetProperty("items").Strings("id"));
        Assert.Contains(officeClass.ToString(), (await p2.GetJsonAsync("/api/classes?pageSize=100")).GetProperty("items").Strings("id"));
        using var badStatus = await office.GetAsync(new Uri("/api/classes?status=whatever", UriKind.Relative));
        await badStatus.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
    }

    [Fact]
    public async Task The_roster_template_has_the_Chinese_headers_and_the_subject_codes()
    {
        var p1 = await platform.P1Async();
        using var response = await p1.GetAsync(new Uri("/api/classes/roster-template", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(stream);
        var headers = ((IDictionary<string, object?>)MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheets[0]).First()).Values.Select(v => v?.ToString()).ToList();
        Assert.Equal(["身份证号", "姓名", "学时", "科目类别", "科目代码"], headers);
        var codes = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "科目代码").Cast<IDictionary<string, object?>>().Select(r => r["代码"]?.ToString()).ToList();
        Assert.Contains("GX-WLAQ", codes);
        Assert.Contains("WS-JZJJ", codes);

        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        using var refused = await county.GetAsync(new Uri("/api/classes/roster-template", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
