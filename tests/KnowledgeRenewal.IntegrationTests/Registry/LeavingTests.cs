using System.Globalization;
using System.Net;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// Recording that a person left or retired, over HTTP: <c>POST /api/registry/professionals/{id}/leave</c> closes the
/// open employment on the day given and changes the status (audited), refuses a future day, a day before the
/// employment began and a second leaving, and keeps to the writers' scope; the page <c>/staff/{id}/leave</c> asks for a
/// confirmation and shows the use case's refusal next to the date field in Chinese.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class LeavingTests(RegistryPlatformFixture platform)
{
    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Leaving_closes_the_open_employment_changes_the_status_and_is_refused_twice()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1, "离职测试人");
        await platform.QueryAsync(db => db.Employments.Where(e => e.ProfessionalId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedOn, new DateOnly(2015, 3, 1))));
        var today = ProgramCalendar.Today(TimeProvider.System);
        var url = $"/api/registry/professionals/{person.Id}/leave";

        // Without If-Match: 428, as every registry write.
        using (var missing = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { status = "Left", leftOn = Text(today) }))
        {
            await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, RegistryProblemCodesForTests.PreconditionRequired);
        }

        using (var future = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { status = "Left", leftOn = Text(today.AddDays(1)) }, person.ETag))
        {
            var problem = await future.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal(("leftOn", "leave.left_on_future"), (problem.FieldErrors[0].Field, problem.FieldErrors[0].Code));
        }

        using (var early = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { status = "Retired", leftOn = "2015-02-28" }, person.ETag))
        {
            var problem = await early.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal("leave.left_on_too_early", problem.FieldErrors[0].Code);
        }

        using (var active = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { status = "Active", leftOn = Text(today) }, person.ETag))
        {
            var problem = await active.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal("status", problem.FieldErrors[0].Field);
        }

        var leftOn = today.AddDays(-3);
        using var left = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { status = "Left", leftOn = Text(leftOn) }, person.ETag);
        var after = await left.ReadAsAsync<StatusAnswer>(HttpStatusCode.OK, "leave");
        Assert.Equal("Left", after.Status);
        Assert.Equal(platform.A1.Id, after.EmployerId);
        var history = await county.GetAsAsync<EmploymentAnswer[]>($"/api/registry/professionals/{person.Id}/employments");
        var only = Assert.Single(history);
        Assert.Equal((new DateOnly(2015, 3, 1), (DateOnly?)leftOn, false), (only.StartedOn, only.EndedOn, only.IsCurrent));

        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.DataUpdated && r.EntityKey == person.Id.ToString())
            .CountAsync());
        Assert.True(audited >= 1, "the leaving is audited as a data update of the person");

        // A second leaving: 409, whatever the way.
        using var twice = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { status = "Retired", leftOn = Text(today) }, left.Headers.ETag!.Tag);
        await twice.AssertProblemAsync(HttpStatusCode.Conflict, "leave.already_left");

        // Editing the person's details keeps the status; changing it there is refused (a leaving is the only way).
        using (var edited = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, $"/api/registry/professionals/{person.Id}", new { name = "离职测试人", education = "本科" }, left.Headers.ETag!.Tag))
        {
            Assert.Equal("Left", (await edited.ReadAsAsync<StatusAnswer>(HttpStatusCode.OK, "edit")).Status);
            using var back = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, $"/api/registry/professionals/{person.Id}", new { name = "离职测试人", education = "本科", status = "Active" }, edited.Headers.ETag!.Tag);
            await back.AssertProblemAsync(HttpStatusCode.Conflict, "professional.status_through_leaving");
        }

        // The staff list's status filter shows the person as 离职.
        var listed = await county.GetAsAsync<PageAnswer<StatusAnswer>>($"/api/registry/professionals?employerId={platform.A1.Id}&status=Left&pageSize=100");
        Assert.Contains(listed.Items, p => p.Id == person.Id);
    }

    [Fact]
    public async Task Only_the_persons_employer_and_the_administrators_of_its_scope_record_a_leaving()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1, "离职范围人");
        var today = Text(ProgramCalendar.Today(TimeProvider.System));
        var url = $"/api/registry/professionals/{person.Id}/leave";

        var otherHr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A2.Code);
        using (var other = await RegistryPlatformFixture.SendAsync(otherHr, HttpMethod.Post, url, new { status = "Left", leftOn = today }, person.ETag))
        {
            await other.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        var provider = await platform.ClientAsync(PlatformRoles.ProviderStaff);
        using (var refused = await RegistryPlatformFixture.SendAsync(provider, HttpMethod.Post, url, new { status = "Left", leftOn = today }, person.ETag))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var ownHr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code);
        using var retired = await RegistryPlatformFixture.SendAsync(ownHr, HttpMethod.Post, url, new { status = "Retired", leftOn = today }, person.ETag);
        Assert.Equal("Retired", (await retired.ReadAsAsync<StatusAnswer>(HttpStatusCode.OK, "retire")).Status);
    }

    [Fact]
    public async Task The_page_confirms_first_and_shows_a_bad_date_next_to_its_field_in_Chinese()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1, "离职页面人");
        var hrAccount = await platform.Accounts.CreateAsync($"t.leave.hr.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.A1.Code);
        using var hr = await platform.Accounts.SignInAsync(hrAccount);
        var today = ProgramCalendar.Today(TimeProvider.System);
        var url = $"/staff/{person.Id}/leave";

        var form = await hr.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("id=\"LeftOn\"", form.Html, StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(form.Html, "name=\"Version\" value=\"([^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(version);

        // Not a date: named next to the field by the page.
        var notADate = await hr.PostAsync(url, new Dictionary<string, string?> { ["Status"] = "Left", ["LeftOn"] = "2026-02-30", ["Version"] = WebUtilityDecode(version) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notADate.Status);
        Assert.Contains("id=\"LeftOn-error\"", notADate.Html, StringComparison.Ordinal);
        Assert.Contains("<title>错误：", notADate.Html, StringComparison.Ordinal);

        // A future day: the confirmation first, then the use case's refusal next to the field, without the API's field name.
        var confirm = await hr.PostAsync(url, new Dictionary<string, string?> { ["Status"] = "Left", ["LeftOn"] = Text(today.AddDays(5)), ["Version"] = WebUtilityDecode(version) });
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("data-confirm-leave", confirm.Html, StringComparison.Ordinal);
        Assert.Contains("不能撤销", confirm.Html, StringComparison.Ordinal);
        var future = await hr.PostAsync(url, new Dictionary<string, string?> { ["Status"] = "Left", ["LeftOn"] = Text(today.AddDays(5)), ["Version"] = WebUtilityDecode(version), ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.Status);
        Assert.Contains("id=\"LeftOn-error\"", future.Html, StringComparison.Ordinal);
        Assert.Contains("不能晚于今天", future.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("leftOn", future.Html, StringComparison.Ordinal);
        Assert.Equal("Active", (await county.GetAsAsync<StatusAnswer>($"/api/registry/professionals/{person.Id}")).Status);

        // Confirmed with a good day: recorded, redirected to the person with a banner.
        var done = await hr.PostAsync(url, new Dictionary<string, string?> { ["Status"] = "Left", ["LeftOn"] = Text(today), ["Version"] = WebUtilityDecode(version), ["Confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal($"/staff/{person.Id:D}", done.Location);
        var shown = await hr.GetAsync(done.Location!);
        Assert.Contains("已办理", shown.Html, StringComparison.Ordinal);
        Assert.Contains("离职", shown.Html, StringComparison.Ordinal);
        Assert.Equal("Left", (await county.GetAsAsync<StatusAnswer>($"/api/registry/professionals/{person.Id}")).Status);

        var again = await hr.GetAsync(url);
        Assert.Contains("无需再次办理", again.Html, StringComparison.Ordinal);
    }

    private static string WebUtilityDecode(string html) => WebUtility.HtmlDecode(html);
}

/// <summary>A professional's status and employer as the registry API answers.</summary>
public sealed record StatusAnswer(Guid Id, string Status, Guid EmployerId) : JsonAnswer;
