using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Complaints;

/// <summary>
/// Complaints through HTTP: filed without sign-in (the phone stored encrypted and masked everywhere), looked up by code
/// (state and public outcome only), assigned by the program office, resolved by the county past its deadline (the
/// deadline moved into the past) with the lateness recorded; scope, the unmask audit, the risk signal and the reminders.
/// </summary>
public sealed class SupervisionComplaintsApiTests(ComplaintsPlatform platform) : IClassFixture<ComplaintsPlatform>
{
    private const string Phone = "13905371234";

    private async Task<(string Code, Guid Id)> FileAsync(string subject)
    {
        using var anonymous = platform.Anonymous();
        using var filed = await PlatformFixtureBase.SendAsync(anonymous, HttpMethod.Post, "/api/public/complaints", new
        {
            objectKind = "Provider",
            objectReference = platform.ProviderName,
            subject,
            content = "报名时另收资料费 200 元，没有开票。",
            contactName = "王投诉",
            contactPhone = Phone,
        });
        var receipt = await filed.ReadJsonAsync(HttpStatusCode.Created, "file");
        var code = receipt.GetProperty("code").GetString()!;
        var id = await platform.QueryAsync(db => db.Complaints.IgnoreQueryFilters().Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
        return (code, id);
    }

    [Fact]
    public async Task Anyone_files_a_complaint_and_follows_it_by_code_until_the_county_resolves_it_past_its_deadline()
    {
        var (code, id) = await FileAsync("资料费不开票");
        var stored = await platform.QueryAsync(db => db.Complaints.IgnoreQueryFilters().SingleAsync(c => c.Id == id));
        Assert.Equal(platform.ProviderId, stored.ObjectId);
        Assert.DoesNotContain(Phone, stored.ContactPhoneCipher, StringComparison.Ordinal);
        Assert.Equal("139****1234", stored.ContactPhoneMasked);
        var today = ProgramCalendar.Today(TimeProvider.System);
        Assert.True(stored.DueOn > today);

        using var anonymous = platform.Anonymous();
        using (var lookup = await anonymous.GetAsync(new Uri($"/api/public/complaints/{code.ToLowerInvariant()}", UriKind.Relative)))
        {
            var body = await lookup.Content.ReadAsStringAsync();
            var status = await lookup.ReadJsonAsync(HttpStatusCode.OK, "lookup");
            Assert.Equal("Received", status.GetProperty("status").GetString());
            Assert.DoesNotContain("王投诉", body, StringComparison.Ordinal);
            Assert.DoesNotContain("1234", body, StringComparison.Ordinal);
            Assert.DoesNotContain("资料费 200 元", body, StringComparison.Ordinal);
        }

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + PlatformFixtureBase.CountyA);
        var otherCounty = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + PlatformFixtureBase.CountyB);
        using (var before = await county.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative)))
        {
            await before.AssertProblemAsync(HttpStatusCode.NotFound, ComplaintProblemCodes.NotFound);
        }

        using var read = await office.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative));
        var view = await read.ReadJsonAsync(HttpStatusCode.OK, "office reads");
        Assert.Equal("139****1234", view.GetProperty("contactPhoneMasked").GetString());
        Assert.DoesNotContain(Phone, view.GetRawText(), StringComparison.Ordinal);
        using (var noEtag = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/complaints/{id}/assign", new { organizationId = platform.RenchengBureauId }))
        {
            await noEtag.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        using (var countyAssigns = await PlatformFixtureBase.SendAsync(county, HttpMethod.Post, $"/api/complaints/{id}/assign", new { organizationId = platform.RenchengBureauId }, read.Headers.ETag!.Tag))
        {
            await countyAssigns.AssertProblemAsync(HttpStatusCode.Forbidden, ComplaintProblemCodes.NotYours);
        }

        using var assigned = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/complaints/{id}/assign",
            new { organizationId = platform.RenchengBureauId, note = "请核实收费依据" }, read.Headers.ETag!.Tag);
        var assignedView = await assigned.ReadJsonAsync(HttpStatusCode.OK, "assign");
        Assert.Equal("Assigned", assignedView.GetProperty("status").GetString());
        var resolveBy = DateOnly.Parse(assignedView.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var calendar = platform.Factory.Services.GetRequiredService<WorkingDayCalendar>();
        Assert.Equal(calendar.AddWorkingDays(today, 15), resolveBy);

        // The county of the assignment sees it; another county does not.
        using (var other = await otherCounty.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var otherResolves = await PlatformFixtureBase.SendAsync(otherCounty, HttpMethod.Post, $"/api/complaints/{id}/resolve",
            new { finding = "NotSubstantiated", findingText = "x", publicOutcome = "y" }, assigned.Headers.ETag!.Tag))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherResolves.StatusCode);
        }

        // Time passes: the assignment was 24 calendar days ago, so its 15 working days are over.
        await platform.ShiftIntoPastAsync(id, 24);
        var lateBy = calendar.WorkingDaysBetween(resolveBy.AddDays(-24), today);
        Assert.True(lateBy > 0);
        using (var overdue = await county.GetAsync(new Uri("/api/complaints?overdue=true", UriKind.Relative)))
        {
            var page = await overdue.ReadJsonAsync(HttpStatusCode.OK, "overdue list");
            var row = Assert.Single(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
            Assert.True(row.GetProperty("overdue").GetBoolean());
            Assert.Equal(lateBy, row.GetProperty("workingDaysOverdue").GetInt32());
        }

        using (var officeOverdue = await office.GetAsync(new Uri("/api/complaints?overdue=true&pageSize=100", UriKind.Relative)))
        {
            var page = await officeOverdue.ReadJsonAsync(HttpStatusCode.OK, "office overdue list");
            Assert.Contains(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        }

        using var current = await county.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative));
        using var resolved = await PlatformFixtureBase.SendAsync(county, HttpMethod.Post, $"/api/complaints/{id}/resolve",
            new { finding = "Substantiated", findingText = "收费无依据，已责令退还。", publicOutcome = "情况属实，已责令退还资料费。" }, current.Headers.ETag!.Tag);
        var resolvedView = await resolved.ReadJsonAsync(HttpStatusCode.OK, "resolve late");
        Assert.Equal("Resolved", resolvedView.GetProperty("status").GetString());
        Assert.Equal(lateBy, resolvedView.GetProperty("closedLateBy").GetInt32());
        Assert.False(resolvedView.GetProperty("overdue").GetBoolean());

        using (var again = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/complaints/{id}/assign",
            new { organizationId = platform.RenchengBureauId }, resolved.Headers.ETag!.Tag))
        {
            await again.AssertProblemAsync(HttpStatusCode.Conflict, ComplaintProblemCodes.Closed);
        }

        using var final = await anonymous.GetAsync(new Uri($"/api/public/complaints/{code}", UriKind.Relative));
        var outcome = await final.ReadJsonAsync(HttpStatusCode.OK, "lookup after");
        Assert.Equal("已办结", outcome.GetProperty("statusName").GetString());
        Assert.Equal("属实", outcome.GetProperty("findingName").GetString());
        Assert.Equal("情况属实，已责令退还资料费。", outcome.GetProperty("publicOutcome").GetString());
        Assert.DoesNotContain("责令退还。", outcome.GetRawText().Replace("已责令退还资料费。", "", StringComparison.Ordinal), StringComparison.Ordinal);

        // Every write left an audit record.
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.EntityType == nameof(Complaint) && r.EntityKey != null && r.EntityKey.Contains(id.ToString())).Select(r => r.Action).ToListAsync());
        Assert.Contains("data.create", audited);
        Assert.Equal(3, audited.Count(a => a == "data.update")); // assigned, moved into the past by this test, resolved
    }

    [Fact]
    public async Task Filing_names_the_problem_in_the_fields_and_an_unknown_code_finds_nothing()
    {
        using var anonymous = platform.Anonymous();
        using var bad = await PlatformFixtureBase.SendAsync(anonymous, HttpMethod.Post, "/api/public/complaints", new
        {
            objectKind = "Base",
            objectReference = "没有这个基地",
            subject = "事项",
            content = "内容",
            contactName = "李",
            contactPhone = "12345",
        });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(problem.FieldErrors, e => e.Field == "contactPhone");

        using var unknown = await PlatformFixtureBase.SendAsync(anonymous, HttpMethod.Post, "/api/public/complaints", new
        {
            objectKind = "Base",
            objectReference = "没有这个基地",
            subject = "事项",
            content = "内容",
            contactName = "李",
            contactPhone = "0537-2345678",
        });
        var unknownProblem = await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, ComplaintProblemCodes.UnknownObject);
        Assert.Contains(unknownProblem.FieldErrors, e => e.Field == "objectReference");

        using var none = await anonymous.GetAsync(new Uri("/api/public/complaints/TS-2222-3333-44", UriKind.Relative));
        await none.AssertProblemAsync(HttpStatusCode.NotFound, ComplaintProblemCodes.NotFound);
    }

    [Fact]
    public async Task The_phone_is_shown_in_full_only_with_the_permission_and_a_purpose_and_every_attempt_is_audited()
    {
        var (_, id) = await FileAsync("核实电话");
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using (var refused = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/complaints/{id}/contact", new { purpose = "电话核实投诉情况" }))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "personal_data.unmask_forbidden");
        }

        var permitted = await platform.PermittedClientAsync(PlatformRoles.ProgramOfficeAdmin, "PO");
        using (var noPurpose = await PlatformFixtureBase.SendAsync(permitted, HttpMethod.Post, $"/api/complaints/{id}/contact", new { purpose = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        }

        using var shown = await PlatformFixtureBase.SendAsync(permitted, HttpMethod.Post, $"/api/complaints/{id}/contact", new { purpose = "电话核实投诉情况" });
        var contact = await shown.ReadJsonAsync(HttpStatusCode.OK, "unmask");
        Assert.Equal(Phone, contact.GetProperty("contactPhone").GetString());

        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.PersonalDataViewed && r.EntityType == nameof(Complaint) && r.EntityKey == id.ToString())
            .OrderBy(r => r.Sequence).Select(r => r.Outcome).ToListAsync());
        Assert.Equal([AuditOutcome.Denied, AuditOutcome.Denied, AuditOutcome.Success], audited);
    }

    [Fact]
    public async Task Complaints_feed_the_risk_signal_and_the_reminders_and_the_feed_has_no_contact()
    {
        var (_, id) = await FileAsync("风险信号");
        var year = ProgramCalendar.Today(TimeProvider.System).Year;
        var (score, reminders) = await platform.InScopeAsync(async sp =>
        {
            var signal = sp.GetServices<IRiskSignal>().Single(s => s.Key == "complaints");
            var scores = await signal.ScoresAsync(SupervisedObjectKind.Provider, year, CancellationToken.None);
            var source = sp.GetServices<IReminderSource>().Single(s => s.Rule == "complaint.due");
            var due = await source.FindDueAsync(ProgramCalendar.Today(TimeProvider.System).AddDays(30), 0, CancellationToken.None);
            return (scores.GetValueOrDefault(platform.ProviderId), due);
        });
        Assert.True(score >= 1m);
        var reminder = Assert.Single(reminders, r => r.Occasion.StartsWith($"complaint:{id:D}:assign:", StringComparison.Ordinal));
        Assert.Equal(PlatformRoles.ProgramOfficeAdmin, reminder.Recipient.Role);
        Assert.DoesNotContain(Phone, reminder.Body, StringComparison.Ordinal);

        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        using var feed = await office.GetAsync(new Uri($"/odata/Complaints?$filter=Id eq {id}", UriKind.Relative));
        var body = await feed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("风险信号", body, StringComparison.Ordinal);
        Assert.DoesNotContain("王投诉", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, body, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone[..7], body, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact", body, StringComparison.Ordinal);

        var provider = await platform.ClientAsync(PlatformRoles.ProviderStaff);
        using var providerFeed = await provider.GetAsync(new Uri("/odata/Complaints", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, providerFeed.StatusCode);
    }

    [Fact]
    public async Task The_demo_city_has_complaints_in_every_state_with_an_overdue_one()
    {
        var complaints = await platform.QueryAsync(db => db.Complaints.IgnoreQueryFilters().AsNoTracking().ToListAsync());
        var demo = complaints.Where(c => c.ContactName != "王投诉").ToList();
        var today = ProgramCalendar.Today(TimeProvider.System);
        Assert.Equal(Enum.GetValues<ComplaintStatus>().Order(), demo.Select(c => c.Status).Distinct().Order());
        Assert.Contains(demo, c => ComplaintRules.IsOverdue(c.Status, c.DueOn, today) && c.Status == ComplaintStatus.Received);
        Assert.Contains(demo, c => ComplaintRules.IsOverdue(c.Status, c.DueOn, today) && c.Status == ComplaintStatus.Assigned);
        Assert.Contains(demo, c => c.Status == ComplaintStatus.Resolved && c.ClosedLateBy > 0);
    }
}
