using System.Net;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using static KnowledgeRenewal.IntegrationTests.Declarations.DeclarationRequests;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

/// <summary>
/// Who reviews, reads and lists: the employer's HR and the sector's department (or the program office) review their
/// step; out-of-scope callers get 404, in-scope callers without the step 403; nobody reviews their own declaration;
/// of two reviewers acting on the same version exactly one wins.
/// </summary>
[Collection(DeclarationPlatform.Name)]
public sealed class ReviewAccessTests(DeclarationPlatformFixture platform)
{
    [Fact]
    public async Task Wrong_roles_are_refused_and_out_of_scope_reviewers_do_not_see_the_declaration()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var (_, id, etag) = await DeclaredAsync(person.Client);

        // Not the role of the step: refused by policy (403).
        foreach (var role in new[] { PlatformRoles.CountyAdmin, PlatformRoles.ProviderStaff, PlatformRoles.SystemAdmin, PlatformRoles.AuditAdmin })
        {
            var client = await platform.ClientAsync(role);
            using var employer = await ActAsync(client, id, "employer-review", Approve, etag);
            using var department = await ActAsync(client, id, "department-review", Approve, etag);
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (employer.StatusCode, department.StatusCode));
        }

        using (var own = await ActAsync(person.Client, id, "employer-review", Approve, etag))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        // The role, but another employer or sector: the declaration is not theirs to see (404).
        var otherHr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E2.Code);
        var education = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-education");
        using (var hr = await ActAsync(otherHr, id, "employer-review", Approve, etag))
        {
            await hr.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        using (var department = await ActAsync(education, id, "department-review", Approve, etag))
        {
            await department.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        await otherHr.GetJsonAsync($"/api/declarations/{id:D}", HttpStatusCode.NotFound);
        await education.GetJsonAsync($"/api/declarations/{id:D}", HttpStatusCode.NotFound);

        // The county sees it (its region) but reviews nothing; the health department sees it and reviews only its step.
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + DeclarationPlatformFixture.CountyA);
        var view = await county.GetAsAsync<DeclarationAnswer>($"/api/declarations/{id:D}");
        Assert.Equal("AwaitingEmployer", view.Status);
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        using (var early = await ActAsync(health, id, "employer-review", Approve, etag))
        {
            Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode);
        }

        Assert.Equal("AwaitingEmployer", (await person.Client.GetAsAsync<DeclarationAnswer>($"/api/declarations/{id:D}")).Status);
    }

    [Fact]
    public async Task The_employer_step_belongs_to_the_employer_at_submission()
    {
        // The person declares at E1, then moves to E3: E3's HR now sees the person and the declaration but does not
        // review it (403); E1's HR still does.
        var person = await platform.NewDeclarantAsync(platform.E1);
        var (_, id, etag) = await DeclaredAsync(person.Client);
        await platform.QueryAsync(db => db.Professionals.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.EmployerId, platform.E3.Id)
            .SetProperty(p => p.RegionCode, platform.E3.RegionCode)));

        var newHr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E3.Code);
        Assert.Equal(platform.E1.Id, (await newHr.GetAsAsync<DeclarationAnswer>($"/api/declarations/{id:D}")).EmployerId);
        using (var refused = await ActAsync(newHr, id, "employer-review", Approve, etag))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden, DeclarationProblemCodes.NotReviewer);
            Assert.Contains("提交申报时所在用人单位", problem.Detail, StringComparison.Ordinal);
        }

        var oldHr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var (view, _) = await ActedAsync(oldHr, id, "employer-review", Approve, etag);
        Assert.Equal("AwaitingDepartment", view.Status);
        Assert.Equal("Pending", view.Record!.Status);
    }

    [Fact]
    public async Task Nobody_reviews_their_own_declaration()
    {
        // An HR officer of E1 who is also a professional of E1 declares for themself.
        var officer = await platform.NewDeclarantAsync(platform.E1, PlatformRoles.Professional, PlatformRoles.EmployerHr);
        var (_, id, etag) = await DeclaredAsync(officer.Client);

        using (var self = await ActAsync(officer.Client, id, "employer-review", Approve, etag))
        {
            await self.AssertProblemAsync(HttpStatusCode.Forbidden, DeclarationProblemCodes.SelfReview);
        }

        var mine = await officer.Client.GetJsonAsync("/api/declarations?awaitingMe=true&pageSize=100");
        Assert.DoesNotContain(id.ToString(), mine.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var colleague = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var theirs = await colleague.GetJsonAsync("/api/declarations?awaitingMe=true&pageSize=100");
        Assert.Contains(id.ToString(), theirs.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var (view, _) = await ActedAsync(colleague, id, "employer-review", Approve, etag);
        Assert.Equal("AwaitingDepartment", view.Status);
    }

    [Fact]
    public async Task Reviews_need_the_current_ETag()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var (_, id, etag) = await DeclaredAsync(person.Client);

        using (var missing = await ActAsync(hr, id, "employer-review", Approve, null))
        {
            await missing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        using (var stale = await ActAsync(hr, id, "employer-review", Approve, EntityTag.Format(Guid.NewGuid())))
        {
            await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency.stale");
        }

        using (var withdrawMissing = await ActAsync(person.Client, id, "withdraw", null, null))
        {
            await withdrawMissing.AssertProblemAsync(HttpStatusCode.PreconditionRequired, "concurrency.precondition_required");
        }

        Assert.Equal(etag, await ETagAsync(hr, id));
    }

    [Fact]
    public async Task Of_two_reviewers_acting_at_once_exactly_one_wins()
    {
        var first = await platform.Accounts.SignedInClientAsync(await platform.Accounts.CreateAsync($"decl.hr1.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.E1.Code));
        var second = await platform.Accounts.SignedInClientAsync(await platform.Accounts.CreateAsync($"decl.hr2.{Guid.NewGuid():N}"[..30], [PlatformRoles.EmployerHr], platform.E1.Code));
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var person = await platform.NewDeclarantAsync(platform.E1);

        for (var round = 0; round < 4; round++)
        {
            var (_, id, etag) = await DeclaredAsync(person.Client, Conference($"并发审核 {round}"));

            // The employer's step: one approves, the other rejects, from the same version.
            var employer = await RaceAsync(
                ActAsync(first, id, "employer-review", Approve, etag),
                ActAsync(second, id, "employer-review", Reject("并发驳回"), etag));
            Assert.True(employer.Statuses.SequenceEqual([200, 412]) || employer.Statuses.SequenceEqual([200, 409]), $"employer round {round}: {employer}");
            var afterEmployer = await person.Client.GetAsAsync<DeclarationAnswer>($"/api/declarations/{id:D}");
            var status = afterEmployer.Status;
            Assert.Contains(status, employer.Winner, StringComparison.Ordinal);
            if (status != "AwaitingDepartment")
            {
                Assert.Equal("Rejected", afterEmployer.Record!.Status);
                continue;
            }

            // The department's step: the sector's administrator and the program office at once.
            var etag2 = await ETagAsync(health, id);
            var department = await RaceAsync(
                ActAsync(health, id, "department-review", Approve, etag2),
                ActAsync(office, id, "department-review", Reject("并发驳回"), etag2));
            Assert.True(department.Statuses.SequenceEqual([200, 412]) || department.Statuses.SequenceEqual([200, 409]), $"department round {round}: {department}");
            var final = await person.Client.GetAsAsync<DeclarationAnswer>($"/api/declarations/{id:D}");
            var finalStatus = final.Status;
            Assert.Contains(finalStatus, department.Winner, StringComparison.Ordinal);
            Assert.Equal(finalStatus, final.Record!.Status);
        }
    }

    [Fact]
    public async Task Lists_are_scoped_filtered_and_show_what_awaits_the_callers_step()
    {
        var person = await platform.NewDeclarantAsync(platform.E3);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E3.Code);
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var stranger = await platform.NewDeclarantAsync(platform.E3);
        var (_, id, etag) = await DeclaredAsync(person.Client, Conference("列表测试"));
        var idText = id.ToString();

        var own = await person.Client.GetAsAsync<PageAnswer<DeclarationSummaryAnswer>>("/api/declarations");
        Assert.Equal(1, own.Total);
        Assert.Equal("申报测试人", own.Items[0].ProfessionalName![..5]);
        Assert.Equal(0, (await stranger.Client.GetAsAsync<PageAnswer<DeclarationSummaryAnswer>>("/api/declarations")).Total);

        Assert.Contains(idText, (await hr.GetJsonAsync("/api/declarations?awaitingMe=true&pageSize=100")).GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(idText, (await health.GetJsonAsync("/api/declarations?awaitingMe=true&pageSize=100")).GetRawText(), StringComparison.Ordinal);
        await ActedAsync(hr, id, "employer-review", Approve, etag);
        Assert.DoesNotContain(idText, (await hr.GetJsonAsync("/api/declarations?awaitingMe=true&pageSize=100")).GetRawText(), StringComparison.Ordinal);
        Assert.Contains(idText, (await health.GetJsonAsync("/api/declarations?awaitingMe=true&pageSize=100")).GetRawText(), StringComparison.Ordinal);

        var year = DateTime.UtcNow.AddDays(-19).Year;
        Assert.Equal(1, (await person.Client.GetAsAsync<PageAnswer<DeclarationSummaryAnswer>>($"/api/declarations?status=待主管部门审核&year={year}&activity=学术会议")).Total);
        Assert.Equal(0, (await person.Client.GetAsAsync<PageAnswer<DeclarationSummaryAnswer>>($"/api/declarations?status=Approved")).Total);
        Assert.Equal(0, (await person.Client.GetAsAsync<PageAnswer<DeclarationSummaryAnswer>>($"/api/declarations?year={year - 1}")).Total);
        Assert.Equal(0, (await person.Client.GetAsAsync<PageAnswer<DeclarationSummaryAnswer>>("/api/declarations?activity=Patent")).Total);

        using var bad = await person.Client.GetAsync(new Uri("/api/declarations?status=unknown&pageSize=500", UriKind.Relative));
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal(["pageSize", "status"], problem.FieldErrors.Select(e => e.Field).Order(StringComparer.Ordinal));

        foreach (var role in new[] { PlatformRoles.ProviderStaff, PlatformRoles.SystemAdmin, PlatformRoles.SecurityAdmin, PlatformRoles.AuditAdmin })
        {
            using var refused = await (await platform.ClientAsync(role)).GetAsync(new Uri("/api/declarations", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    private static async Task<Race> RaceAsync(Task<HttpResponseMessage> one, Task<HttpResponseMessage> other)
    {
        var responses = await Task.WhenAll(one, other);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        var statuses = responses.Select(r => (int)r.StatusCode).ToArray();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var winner = statuses.Count(s => s == 200) == 1 ? bodies[Array.IndexOf(statuses, 200)] : "";
        return new Race([.. statuses.Order()], winner, string.Join(" | ", bodies));
    }

    private sealed record Race(int[] Statuses, string Winner, string Bodies)
    {
        public override string ToString() => $"{string.Join(", ", Statuses)}: {Bodies}";
    }
}
