using System.Net;
using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Domain;
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
/// The two-step review: the employer's HR, then the sector's department; either can reject with a reason. The
/// declaration's pending credit record follows — approved (and counted) with the last approval, rejected with the
/// reason — and every change is published to the ledger's handlers inside the writing transaction.
/// </summary>
[Collection(DeclarationPlatform.Name)]
public sealed class ReviewFlowTests(DeclarationPlatformFixture platform)
{
    [Fact]
    public async Task Declared_then_approved_by_employer_and_department_becomes_an_approved_credit_record()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);

        var (receipt, id, etag) = await DeclaredAsync(person.Client);
        var declared = receipt.Declaration;
        Assert.Equal("AwaitingEmployer", declared.Status);
        Assert.Equal("待单位审核", declared.StatusName);
        Assert.Equal(12m, declared.Hours); // 4 学分 × 3
        Assert.Equal("II", declared.CreditClass);
        Assert.Equal("health", declared.ModuleKey);
        Assert.Equal("Pending", declared.Record!.Status);
        Assert.Equal("继续医学教育（年度学分制）", receipt.RuleSetTitle);
        Assert.Contains(receipt.Notices, n => n.Contains("4 学分折合 12 学时", StringComparison.Ordinal));
        Assert.DoesNotContain(person.IdNumber, receipt.Json.GetRawText(), StringComparison.Ordinal);

        var (afterEmployer, etag2) = await ActedAsync(hr, id, "employer-review", Approve, etag);
        Assert.Equal("AwaitingDepartment", afterEmployer.Status);
        Assert.Equal("Pending", afterEmployer.Record!.Status);

        var (approved, _) = await ActedAsync(health, id, "department-review", new { decision = "通过", comment = "符合Ⅱ类学分授予条件。" }, etag2);
        Assert.Equal("Approved", approved.Status);
        Assert.Equal("Approved", approved.Record!.Status);
        var trail = approved.Trail;
        Assert.Equal(["submitted", "employer", "department"], trail.Select(s => s.Step));
        Assert.All(trail, s => Assert.False(string.IsNullOrEmpty(s.By)));
        Assert.All(trail, s => Assert.NotNull(s.At));
        Assert.Equal(["approved", "approved"], trail.Skip(1).Select(s => s.Decision));
        Assert.Equal("符合Ⅱ类学分授予条件。", trail[2].Comment);

        var record = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().SingleAsync(r => r.DeclarationId == id));
        Assert.Equal(CreditRecordStatus.Approved, record.Status);
        Assert.True(record.Counts);
        Assert.Equal(RecordSource.SelfDeclared, record.Source);
        Assert.Equal(CreditHours.FromHours(12m), record.Hours);
        Assert.Equal((4m, CreditUnit.Credit), (record.EnteredAmount, record.EnteredUnit));
        Assert.Equal(("II", "health", ActivityType.AcademicConference), (record.CreditClass, record.ModuleKey, record.Activity));
        Assert.Equal(person.Id, record.ProfessionalId);
        Assert.NotNull(record.ReviewedByName);
        Assert.Equal(12m, await platform.QueryAsync(db => db.CreditRecords.Where(r => r.Id == record.Id).Select(r => r.HoursDecimal).SingleAsync()));

        // Submission, then the department's approval changed the person's year: both published inside the transaction.
        var published = platform.Ledger.For(person.Id);
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal((record.CreditYear, true), (p.Change.Year, p.InTransaction)));
    }

    [Fact]
    public async Task The_employer_rejects_with_a_reason_and_the_record_is_rejected_with_it()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var (_, id, etag) = await DeclaredAsync(person.Client);

        using (var noReason = await ActAsync(hr, id, "employer-review", new { decision = "reject" }, etag))
        {
            var problem = await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
            Assert.Equal("comment", problem.FieldErrors[0].Field);
        }

        var (rejected, etag2) = await ActedAsync(hr, id, "employer-review", Reject("会议证明未加盖主办单位公章。"), etag);
        Assert.Equal("Rejected", rejected.Status);
        Assert.Equal("Rejected", rejected.Record!.Status);
        Assert.Equal("会议证明未加盖主办单位公章。", rejected.Record.ReviewReason);
        var employerStep = rejected.Trail[1];
        Assert.Equal(("employer", "rejected"), (employerStep.Step, employerStep.Decision));

        using var late = await ActAsync(health, id, "department-review", Approve, etag2);
        var wrong = await late.AssertProblemAsync(HttpStatusCode.Conflict, DeclarationProblemCodes.WrongStep);
        Assert.Contains("已驳回", wrong.Detail, StringComparison.Ordinal);

        var record = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().SingleAsync(r => r.DeclarationId == id));
        Assert.Equal((CreditRecordStatus.Rejected, "会议证明未加盖主办单位公章。"), (record.Status, record.ReviewReason));
        Assert.False(record.Counts);
        Assert.Equal(2, platform.Ledger.For(person.Id).Count);
    }

    [Fact]
    public async Task The_department_rejects_after_the_employer_agreed()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var (_, id, etag) = await DeclaredAsync(person.Client);
        var (_, etag2) = await ActedAsync(hr, id, "employer-review", Approve, etag);

        var (rejected, _) = await ActedAsync(office, id, "department-review", Reject("该会议未列入继续医学教育项目目录。"), etag2);

        Assert.Equal("Rejected", rejected.Status);
        var steps = rejected.Trail.Select(s => (s.Step, s.Decision)).ToList();
        Assert.Equal([("submitted", null), ("employer", "approved"), ("department", "rejected")], steps);
        var record = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().SingleAsync(r => r.DeclarationId == id));
        Assert.Equal((CreditRecordStatus.Rejected, "该会议未列入继续医学教育项目目录。"), (record.Status, record.ReviewReason));
    }

    [Fact]
    public async Task A_step_out_of_turn_is_a_conflict_and_the_status_is_unchanged()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var health = await platform.ClientAsync(PlatformRoles.DepartmentAdmin);
        var (_, id, etag) = await DeclaredAsync(person.Client);

        using (var early = await ActAsync(health, id, "department-review", Approve, etag))
        {
            var problem = await early.AssertProblemAsync(HttpStatusCode.Conflict, DeclarationProblemCodes.WrongStep);
            Assert.Contains("待单位审核", problem.Detail, StringComparison.Ordinal);
        }

        var (_, etag2) = await ActedAsync(hr, id, "employer-review", Approve, etag);
        using (var twice = await ActAsync(hr, id, "employer-review", Approve, etag2))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict, DeclarationProblemCodes.WrongStep);
        }

        var (_, etag3) = await ActedAsync(health, id, "department-review", Approve, etag2);
        using (var again = await ActAsync(health, id, "department-review", Reject("再审"), etag3))
        {
            await again.AssertProblemAsync(HttpStatusCode.Conflict, DeclarationProblemCodes.WrongStep);
        }

        var view = await person.Client.GetAsAsync<DeclarationAnswer>($"/api/declarations/{id:D}");
        Assert.Equal("Approved", view.Status);
    }

    [Fact]
    public async Task The_person_withdraws_while_undecided_and_the_record_is_rejected_as_withdrawn()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);
        var other = await platform.NewDeclarantAsync(platform.E1);
        var (_, first, etag) = await DeclaredAsync(person.Client);
        var (_, second, secondTag) = await DeclaredAsync(person.Client, Conference("第二次申报"));

        using (var notMine = await ActAsync(other.Client, first, "withdraw", null, etag))
        {
            await notMine.AssertProblemAsync(HttpStatusCode.NotFound, ProblemCodes.NotFound);
        }

        using (var byHr = await ActAsync(hr, first, "withdraw", null, etag))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byHr.StatusCode);
        }

        var (withdrawn, _) = await ActedAsync(person.Client, first, "withdraw", null, etag);
        Assert.Equal(("Withdrawn", "已撤回"), (withdrawn.Status, withdrawn.StatusName));
        Assert.Equal(("Rejected", "本人撤回"), (withdrawn.Record!.Status, withdrawn.Record.ReviewReason));
        Assert.Equal("withdrawn", withdrawn.Trail[^1].Step);

        // Also after the employer agreed, with a reason; not once decided.
        var (_, afterEmployer) = await ActedAsync(hr, second, "employer-review", Approve, secondTag);
        var (withReason, withdrawnTag) = await ActedAsync(person.Client, second, "withdraw", new { reason = "证明材料需补充，重新申报" }, afterEmployer);
        Assert.Equal("本人撤回：证明材料需补充，重新申报", withReason.Record!.ReviewReason);
        using var decided = await ActAsync(person.Client, second, "withdraw", null, withdrawnTag);
        await decided.AssertProblemAsync(HttpStatusCode.Conflict, DeclarationProblemCodes.WrongStep);

        var records = await platform.QueryAsync(db => db.CreditRecords.AsNoTracking().Where(r => r.ProfessionalId == person.Id).Select(r => r.Status).ToListAsync());
        Assert.Equal([CreditRecordStatus.Rejected, CreditRecordStatus.Rejected], records);
        Assert.Equal(4, platform.Ledger.For(person.Id).Count); // two submissions, two withdrawals
    }

    [Fact]
    public async Task An_activity_the_module_does_not_count_is_refused_naming_the_rule_set()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var fields = Conference("一种医用缝合器");
        fields["activity"] = "专利";
        fields.Remove("claimedAmount");
        fields.Remove("claimedUnit");
        fields["items"] = "1";

        using var response = await DeclareAsync(person.Client, fields);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, LedgerProblemCodes.ActivityNotCounted);
        Assert.Contains("继续医学教育（年度学分制）", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("activity", problem.FieldErrors[0].Field);
        Assert.Equal(0, await platform.QueryAsync(db => db.ActivityDeclarations.CountAsync(d => d.ProfessionalId == person.Id)));
        Assert.Empty(platform.Ledger.For(person.Id));
    }

    [Fact]
    public async Task The_answer_says_when_the_yearly_cap_of_the_activity_type_is_reached()
    {
        // Health: conferences at most 10 学分 (30 学时) a year; approved and pending hours both count towards it.
        var person = await platform.NewDeclarantAsync(platform.E1);
        var first = Conference("年会一");
        first["claimedAmount"] = "8";
        var (r1, _, _) = await DeclaredAsync(person.Client, first);
        var (r2, _, _) = await DeclaredAsync(person.Client, Conference("年会二"));
        var (r3, _, _) = await DeclaredAsync(person.Client, Conference("年会三"));

        var caps = new[] { r1, r2, r3 }.Select(r => Assert.IsType<YearlyCapAnswer>(r.YearlyCap)).ToList();
        Assert.All(caps, c => Assert.Equal(30m, c.CapHours));
        Assert.Equal([0m, 24m, 36m], caps.Select(c => c.BeforeHours));
        Assert.Equal([false, false, true], caps.Select(c => c.AlreadyReached));
        Assert.Equal([false, true, true], caps.Select(c => c.Exceeds));
        Assert.Contains("超出的 6 学时", caps[1].Message, StringComparison.Ordinal);
        Assert.Contains("已达到年度上限 30 学时", caps[2].Message, StringComparison.Ordinal);

        // Hours are recorded as the rules grant them: the cap is the rule engine's to apply.
        Assert.Equal(12m, r3.Declaration.Hours);
    }

    [Fact]
    public async Task Papers_are_credited_per_item_by_the_rules_of_the_persons_module()
    {
        var teacher = await platform.NewDeclarantAsync(platform.E2);
        var fields = Conference("核心素养导向的初中数学单元教学设计");
        fields["activity"] = "学术论文";
        fields["organizer"] = "《中学数学教学参考》";
        fields["category"] = "Public";
        fields.Remove("claimedAmount");
        fields.Remove("claimedUnit");
        fields["items"] = "1";

        var (receipt, _, _) = await DeclaredAsync(teacher.Client, fields);

        var declaration = receipt.Declaration;
        Assert.Equal(20m, declaration.Hours);
        Assert.Equal(("education", "Professional"), (declaration.ModuleKey, declaration.Category));
        Assert.Equal(1, declaration.Items);
        Assert.Equal("中小学教师继续教育（五年周期）", receipt.RuleSetTitle);
        Assert.Contains(receipt.Notices, n => n.Contains("计入专业科目", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_account_without_a_professional_record_cannot_declare()
    {
        var account = await platform.Accounts.CreateAsync($"decl.nobody.{Guid.NewGuid():N}"[..30], [PlatformRoles.Professional], platform.E1.Code);
        var client = await platform.Accounts.SignedInClientAsync(account);

        using var response = await DeclareAsync(client, Conference());

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, DeclarationProblemCodes.NoProfessionalRecord);
    }
}
