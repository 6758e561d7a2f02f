using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Identity.Domain;

namespace KnowledgeRenewal.IntegrationTests.Registry;

/// <summary>
/// Registering, reading, changing and moving professionals through <c>/api/registry/professionals</c>: the field
/// rules (GB 11643 ID numbers, agreement of gender and birth date), duplicates, the caller's scope, and that the
/// history stays with the person.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class ProfessionalRegistryTests(RegistryPlatformFixture platform)
{
    [Fact]
    public async Task A_county_admin_registers_reads_changes_and_moves_a_professional_and_the_history_is_kept()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1, "李晓明");
        Assert.Equal(platform.A1.Id, person.View.EmployerId);
        Assert.Equal(RegistryPlatformFixture.CountyA, person.View.RegionCode);
        Assert.Equal(Departments.Health, person.View.DepartmentCode);
        Assert.Equal(person.IdNumber[..4] + "**********" + person.IdNumber[14..], person.View.IdNumberMasked);
        Assert.Equal(person.Phone[..3] + "****" + person.Phone[7..], person.View.PhoneMasked);
        Assert.Equal("Intermediate", person.View.TitleLevel);

        // Read: the ETag is the one the registration returned.
        using (var read = await county.GetAsync(new Uri($"/api/registry/professionals/{person.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(person.ETag, read.Headers.ETag!.Tag);
        }

        // Change: a new ETag, the new values.
        var newPhone = platform.NewPhone();
        using var changed = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Put, $"/api/registry/professionals/{person.Id}", new
        {
            name = "李晓明",
            phone = newPhone,
            titleSeries = "卫生技术",
            titleLevel = "副高级",
            specialty = "麻醉学",
            education = "硕士研究生",
            status = "在职",
        }, person.ETag);
        var afterChange = await changed.ReadAsAsync<ProfessionalAnswer>(HttpStatusCode.OK, "update");
        var changedTag = changed.Headers.ETag!.Tag;
        Assert.NotEqual(person.ETag, changedTag);
        Assert.Equal("AssociateSenior", afterChange.TitleLevel);
        Assert.Equal("Master", afterChange.Education);
        Assert.Equal(newPhone[..3] + "****" + newPhone[7..], afterChange.PhoneMasked);

        // Move: the first employment started long ago; the person moves to the county's school.
        var today = ProgramCalendar.Today(TimeProvider.System);
        await platform.QueryAsync(db => db.Employments.Where(e => e.ProfessionalId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.StartedOn, new DateOnly(2015, 3, 1))));
        var movedOn = today.AddDays(-10);
        using var moved = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, $"/api/registry/professionals/{person.Id}/move",
            new { employerCreditCode = platform.A2.Code.ToLowerInvariant(), startedOn = movedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, changedTag);
        var afterMove = await moved.ReadAsAsync<ProfessionalAnswer>(HttpStatusCode.OK, "move");
        Assert.NotEqual(changedTag, moved.Headers.ETag!.Tag);
        Assert.Equal(platform.A2.Id, afterMove.EmployerId);
        Assert.Equal(Departments.Education, afterMove.DepartmentCode);
        Assert.Equal(person.View.IdNumberMasked, afterMove.IdNumberMasked);

        var history = await county.GetAsAsync<EmploymentAnswer[]>($"/api/registry/professionals/{person.Id}/employments");
        Assert.Equal(2, history.Length);
        var (first, second) = (history[0], history[1]);
        Assert.Equal(platform.A1.Id, first.EmployerId);
        Assert.Equal(new DateOnly(2015, 3, 1), first.StartedOn);
        Assert.Equal(movedOn.AddDays(-1), first.EndedOn);
        Assert.False(first.IsCurrent);
        Assert.Equal(platform.A2.Id, second.EmployerId);
        Assert.Null(second.EndedOn);
        Assert.True(second.IsCurrent);

        // The health department no longer sees the person (now a teacher's school, education sector).
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health");
        using var hidden = await health.GetAsync(new Uri($"/api/registry/professionals/{person.Id}", UriKind.Relative));
        await hidden.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
    }

    [Fact]
    public async Task A_move_needs_a_later_start_another_employer_and_a_start_not_in_the_future()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        var today = ProgramCalendar.Today(TimeProvider.System);
        var url = $"/api/registry/professionals/{person.Id}/move";

        using var sameDay = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { employerCreditCode = platform.A2.Code, startedOn = today }, person.ETag);
        var early = await sameDay.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(early.FieldErrors, e => e.Code == "move.started_on_too_early");

        using var same = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { employerCreditCode = platform.A1.Code, startedOn = today.AddDays(-1) }, person.ETag);
        var sameEmployer = await same.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(sameEmployer.FieldErrors, e => e.Code == "move.same_employer");

        using var future = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { employerCreditCode = platform.A2.Code, startedOn = today.AddDays(30) }, person.ETag);
        var later = await future.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains(later.FieldErrors, e => e.Code == "move.started_on_future");

        // To an employer of another county: not visible to this county's administrator.
        using var elsewhere = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, url, new { employerCreditCode = platform.B1.Code, startedOn = today.AddDays(-1) }, person.ETag);
        var notFound = await elsewhere.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("employer.not_found", notFound.FieldErrors[0].Code);

        var history = await county.GetAsAsync<EmploymentAnswer[]>($"/api/registry/professionals/{person.Id}/employments");
        Assert.Single(history);
    }

    public static TheoryData<string, string, string> InvalidIdentities => new()
    {
        { "checksum", "idNumber", "id_number.checksum" },
        { "future-birth", "idNumber", "id_number.birth_date" },
        { "impossible-date", "idNumber", "id_number.birth_date" },
        { "short", "idNumber", "id_number.length" },
        { "letters", "idNumber", "id_number.digits" },
        { "gender", "gender", "gender.mismatch" },
        { "birth", "birthDate", "birth_date.mismatch" },
        { "phone", "phone", "phone.invalid" },
        { "employer-code", "employerCreditCode", "credit_code.checksum" },
        { "education", "education", "required" },
    };

    [Theory]
    [MemberData(nameof(InvalidIdentities))]
    public async Task Invalid_fields_are_refused_with_the_field_a_stable_code_and_a_Chinese_message(string @case, string field, string code)
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var valid = platform.NewIdNumber(Gender.Male, new DateOnly(1985, 6, 15));
        var tomorrowNextYear = ProgramCalendar.Today(TimeProvider.System).AddYears(1);
        var body = new Dictionary<string, string?>
        {
            ["idNumber"] = valid,
            ["name"] = "校验测试",
            ["phone"] = platform.NewPhone(),
            ["employerCreditCode"] = platform.A1.Code,
            ["education"] = "本科",
        };
        switch (@case)
        {
            case "checksum":
                body["idNumber"] = valid[..17] + (valid[17] == '0' ? '1' : '0');
                break;
            case "future-birth":
                body["idNumber"] = WithCheck("370811" + tomorrowNextYear.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "123");
                break;
            case "impossible-date":
                body["idNumber"] = WithCheck("37081119850230123");
                break;
            case "short":
                body["idNumber"] = valid[..17];
                break;
            case "letters":
                body["idNumber"] = "3708111985A615123X";
                break;
            case "gender":
                body["gender"] = "女";
                break;
            case "birth":
                body["birthDate"] = "1985-06-16";
                break;
            case "phone":
                body["phone"] = "12345";
                break;
            case "employer-code":
                body["employerCreditCode"] = platform.A1.Code[..17] + (platform.A1.Code[17] == '0' ? '1' : '0');
                break;
            case "education":
                body["education"] = null;
                break;
        }

        using var response = await county.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), body);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors, e => e.Field == field);
        Assert.Equal(code, error.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
        Assert.DoesNotContain(valid, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gender_and_birth_date_that_agree_with_the_ID_number_are_accepted()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var idNumber = platform.NewIdNumber(Gender.Female, new DateOnly(1979, 2, 28));
        using var response = await county.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber,
            name = "王芳",
            gender = "女",
            birthDate = "1979-02-28",
            employerCreditCode = platform.A1.Code,
            education = "大专",
        });
        var view = await response.ReadAsAsync<ProfessionalAnswer>(HttpStatusCode.Created, "register");
        Assert.Equal("Female", view.Gender);
        Assert.Equal(1979, view.BirthYear);
        Assert.Null(view.PhoneMasked);
    }

    [Fact]
    public async Task A_lowercase_x_is_accepted_stored_as_X_and_shown_only_masked_and_the_same_person_twice_is_a_conflict()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var idNumber = platform.NewIdNumber(check: 'X');
        using var created = await county.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber = " " + idNumber.ToLowerInvariant() + " ",
            name = "赵小雨",
            employerCreditCode = platform.A1.Code,
            education = "本科",
        });
        var view = await created.ReadAsAsync<ProfessionalAnswer>(HttpStatusCode.Created, "register with lowercase x");
        Assert.Equal(idNumber[..4] + "**********" + idNumber[14..], view.IdNumberMasked);
        Assert.EndsWith("X", view.IdNumberMasked, StringComparison.Ordinal);

        // Stored encrypted as the normalized number (the keyed hash finds it with either spelling).
        var id = view.Id;
        var stored = await platform.QueryAsync(db => db.Professionals.AsNoTracking().SingleAsync(p => p.Id == id));
        var protector = (IPersonalDataProtector)platform.Factory.Services.GetService(typeof(IPersonalDataProtector))!;
        Assert.Equal(idNumber, protector.Unprotect(stored.IdNumberCipher));
        Assert.DoesNotContain(idNumber, stored.IdNumberCipher, StringComparison.OrdinalIgnoreCase);
        using var permitted = await platform.PermittedClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyA);
        var found = await permitted.GetAsAsync<PageAnswer<ProfessionalAnswer>>($"/api/registry/professionals?idNumber={idNumber.ToLowerInvariant()}&purpose=登记核对测试");
        Assert.Equal(id, Assert.Single(found.Items).Id);

        foreach (var spelling in new[] { idNumber, idNumber.ToLowerInvariant() })
        {
            using var again = await county.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
            {
                idNumber = spelling,
                name = "赵小雨",
                employerCreditCode = platform.A2.Code,
                education = "本科",
            });
            var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict, RegistryProblemCodesForTests.Duplicate);
            Assert.Equal("idNumber", problem.FieldErrors[0].Field);
        }
    }

    [Fact]
    public async Task A_person_registered_outside_the_scope_gets_the_refusal_of_any_registration_outside_it_audited()
    {
        // Finding 7: a department administrator (and a county) registering someone it cannot see learned "registered
        // elsewhere" (409 professional.duplicate). Now the answer is the registry's refusal of a registration outside
        // the caller's scope, which says nothing about the person; the match is audited.
        var countyB = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyB);
        var person = await platform.RegisterAsync(countyB, platform.B2); // 邹城市, education: invisible to 任城区 and to health
        var probes = new (string Who, HttpClient Client, FixtureEmployer Employer)[]
        {
            ("county 370811", await platform.ClientAsync(PlatformRoles.CountyAdmin), platform.A1),
            ("health department", await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health"), platform.A1),
            ("employer HR", await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code), platform.A1),
        };

        foreach (var (who, client, employer) in probes)
        {
            var before = (await RefusalsAuditedAsync()).Select(r => r.Sequence).ToHashSet();
            using var again = await client.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
            {
                idNumber = person.IdNumber,
                name = "登记测试人",
                employerCreditCode = employer.Code,
                education = "本科",
            });
            var problem = await again.AssertProblemAsync(HttpStatusCode.Forbidden, ProfessionalOwnership.CannotRegister);
            Assert.Equal(ProfessionalOwnership.CannotRegisterTitle, problem.Title);
            Assert.Equal(ProfessionalOwnership.CannotRegisterMessage, problem.Detail);
            Assert.False(problem.Json.TryGetProperty("errors", out _), who);
            var body = await again.Content.ReadAsStringAsync();
            foreach (var secret in new[] { RegistryProblemCodesForTests.Duplicate, "已登记", "已在平台", platform.B2.Code, "邹城", "idNumber" })
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{who}: {secret} in {body}");
            }

            var audited = Assert.Single(await RefusalsAuditedAsync(), r => !before.Contains(r.Sequence));
            Assert.Equal(AuditOutcome.Denied, audited.Outcome);
            Assert.Contains("masked=" + person.View.IdNumberMasked, audited.Details, StringComparison.Ordinal);
            Assert.DoesNotContain(person.IdNumber, audited.Details, StringComparison.Ordinal);
        }

        // Nothing was registered, and the person is still where they were.
        Assert.Equal(1, await platform.QueryAsync(db => db.Professionals.IgnoreQueryFilters().CountAsync(p => p.IdNumberMasked == person.View.IdNumberMasked && p.Name == "登记测试人")));

        // The program office sees everyone: for it, as for anyone who can see the record, it is a duplicate.
        using var office = await (await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin)).PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber = person.IdNumber,
            name = "登记测试人",
            employerCreditCode = platform.A1.Code,
            education = "本科",
        });
        await office.AssertProblemAsync(HttpStatusCode.Conflict, RegistryProblemCodesForTests.Duplicate);
    }

    private Task<List<AuditRecord>> RefusalsAuditedAsync() =>
        platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.PersonalDataSearched && r.Details!.Contains("registered outside"))
            .ToListAsync());

    [Fact]
    public async Task Employers_and_people_outside_the_callers_scope_cannot_be_used_or_seen()
    {
        var countyA = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var countyB = await platform.ClientAsync(PlatformRoles.CountyAdmin, "CB-" + RegistryPlatformFixture.CountyB);
        var other = await platform.RegisterAsync(countyB, platform.B1);

        // An employer of another county is "not found" for this county's administrator.
        using var create = await countyA.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber = platform.NewIdNumber(),
            name = "范围测试",
            employerCreditCode = platform.B1.Code,
            education = "本科",
        });
        var problem = await create.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("employerCreditCode", problem.FieldErrors[0].Field);
        Assert.Equal("employer.not_found", problem.FieldErrors[0].Code);

        // Employer HR registers its own staff only.
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.A1.Code);
        using var hrElsewhere = await hr.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber = platform.NewIdNumber(),
            name = "范围测试",
            employerCreditCode = platform.A2.Code,
            education = "本科",
        });
        Assert.Equal("employer.not_found", (await hrElsewhere.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed)).FieldErrors[0].Code);
        var own = await platform.RegisterAsync(hr, platform.A1);
        Assert.Equal(platform.A1.Id, own.View.EmployerId);

        // A department administrator cannot put a person into another sector: the sector is the employer's (400).
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin, "LD-health");
        using var otherSector = await health.PostAsJsonAsync(new Uri("/api/registry/professionals", UriKind.Relative), new
        {
            idNumber = platform.NewIdNumber(),
            name = "范围测试",
            employerCreditCode = platform.A1.Code,
            departmentCode = Departments.Education,
            education = "本科",
        });
        var refused = await otherSector.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("professional.department_not_employer", refused.FieldErrors[0].Code);

        // Out-of-scope people answer 404 to reads and writes alike.
        foreach (var url in new[] { $"/api/registry/professionals/{other.Id}", $"/api/registry/professionals/{other.Id}/employments", $"/odata/Professionals({other.Id})" })
        {
            using var read = await countyA.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        }

        using var write = await RegistryPlatformFixture.SendAsync(countyA, HttpMethod.Put, $"/api/registry/professionals/{other.Id}", new { name = "改名", education = "本科" }, other.ETag);
        await write.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        using var move = await RegistryPlatformFixture.SendAsync(countyA, HttpMethod.Post, $"/api/registry/professionals/{other.Id}/move", new { employerCreditCode = platform.A1.Code, startedOn = "2024-01-01" }, other.ETag);
        await move.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
    }

    [Fact]
    public async Task Professionals_providers_and_the_separated_administrators_change_nothing()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A1);
        var professional = await platform.Accounts.CreateAsync($"t.self.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], platform.A1.Code);
        await platform.LinkAsync(person.Id, professional.Id);
        using var self = await platform.Accounts.SignedInClientAsync(professional);

        // The person sees their own record, but does not edit it here.
        using (var read = await self.GetAsync(new Uri($"/api/registry/professionals/{person.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var edit = await RegistryPlatformFixture.SendAsync(self, HttpMethod.Put, $"/api/registry/professionals/{person.Id}", new { name = "自改", education = "本科" }, person.ETag);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);

        foreach (var role in new[] { PlatformRoles.SystemAdmin, PlatformRoles.SecurityAdmin, PlatformRoles.AuditAdmin })
        {
            var admin = await platform.ClientAsync(role);
            foreach (var url in new[] { "/api/registry/professionals", $"/api/registry/professionals/{person.Id}", "/api/registry/employers", "/odata/Professionals", "/odata/Employers", "/odata/Employments", "/odata/TrainingProviders", "/odata/EducationBases" })
            {
                using var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {url}: {(int)response.StatusCode}");
            }

            using var post = await RegistryPlatformFixture.SendAsync(admin, HttpMethod.Post, "/api/registry/professionals", new { });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
    }

    private static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacterOf(first17);
}

/// <summary>The registry's problem codes as the tests expect them (kept literal: clients depend on them).</summary>
internal static class RegistryProblemCodesForTests
{
    public const string Duplicate = "professional.duplicate";
    public const string PreconditionRequired = "concurrency.precondition_required";
    public const string Stale = "concurrency.stale";
}
