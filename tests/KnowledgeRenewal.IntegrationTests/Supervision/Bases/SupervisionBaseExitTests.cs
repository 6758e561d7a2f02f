using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Projects;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Registry.Domain;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Bases;

/// <summary>
/// A base's exit through the public notice, through HTTP on a demo platform: only a base proposed for exit goes to
/// notice, its period is the projects' one, objections are taken only in the period, the exit is concluded only after it
/// with nothing pending — then the base is 已撤销（退出） with a history entry; an upheld objection withdraws the exit.
/// Exchanges between bases are recorded by the program office and listed on each base; the class page shows the
/// evaluation aggregates supervision answers through Credits' port.
/// </summary>
public sealed class SupervisionBaseExitTests(ProjectPlatform platform) : IClassFixture<ProjectPlatform>
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_base_proposed_for_exit_goes_through_the_notice_and_exits_after_it_with_history()
    {
        var office = await platform.OfficeAsync();
        var (baseId, notProposed) = await BasesAsync();

        using (var refused = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{notProposed}/exit", new { reason = "测试" }))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.exit_not_proposed");
        }

        using (var empty = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/exit", new { reason = " " }))
        {
            var problem = await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.Contains(problem.FieldErrors, e => e.Field == "reason");
        }

        using var started = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/exit", new { reason = "连续两年考核不合格。" });
        var exit = await started.ReadJsonAsync(HttpStatusCode.Created, "start exit");
        var noticeId = exit.GetProperty("id").GetGuid();
        Assert.Equal("InNotice", exit.GetProperty("status").GetString());
        Assert.True(Day(exit, "noticeStart") >= ProjectPlatform.Today, "the notice starts today or on the next working day");
        Assert.True(Day(exit, "noticeEnd") > Day(exit, "noticeStart"), "the notice lasts several working days");

        using (var twice = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/exit", new { reason = "再次" }))
        {
            await twice.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.exit_in_notice");
        }

        // The public sees it and objects (contact kept private); the office cannot conclude before the period ends.
        using var anonymous = platform.Factory.CreateClient();
        var listed = await anonymous.GetJsonAsync("/api/public/base-exits");
        Assert.Contains(listed.EnumerateArray(), n => n.GetProperty("id").GetGuid() == noticeId);
        await SetPeriodAsync(noticeId, ProjectPlatform.Today.AddDays(-1), ProjectPlatform.Today.AddDays(3));
        using (var filed = await PlatformFixtureBase.SendAsync(anonymous, HttpMethod.Post, $"/api/public/base-exits/{noticeId}/objections",
            new { reason = "该基地今年已整改到位。", contactName = "周敏", contactPhone = Phone }))
        {
            Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        }

        using (var early = await ConcludeAsync(office, baseId, noticeId))
        {
            await early.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.NoticeRunning);
        }

        // After the period: no more objections; the pending one blocks the exit until it is dismissed.
        await SetPeriodAsync(noticeId, ProjectPlatform.Today.AddDays(-10), ProjectPlatform.Today.AddDays(-3));
        using (var late = await PlatformFixtureBase.SendAsync(anonymous, HttpMethod.Post, $"/api/public/base-exits/{noticeId}/objections",
            new { reason = "逾期异议。", contactName = "钱进", contactPhone = "13600001111" }))
        {
            await late.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.NotInNotice);
        }

        using (var pending = await ConcludeAsync(office, baseId, noticeId))
        {
            await pending.AssertProblemAsync(HttpStatusCode.Conflict, ProjectProblemCodes.ObjectionPending);
        }

        // The office, which answers it, sees who filed it with the phone masked; the base's own staff see neither.
        var detail = await office.GetJsonAsync($"/api/supervision/bases/{baseId}");
        var objection = Assert.Single(Exit(detail, noticeId).GetProperty("objections").EnumerateArray());
        Assert.Equal("周敏", objection.GetProperty("contactName").GetString());
        Assert.Equal("139****5678", objection.GetProperty("contactPhoneMasked").GetString());
        Assert.DoesNotContain(Phone, detail.GetRawText(), StringComparison.Ordinal);
        var staff = await BaseStaffAsync(baseId);
        var seenByStaff = await staff.GetJsonAsync($"/api/supervision/bases/{baseId}");
        var objectionForStaff = Assert.Single(Exit(seenByStaff, noticeId).GetProperty("objections").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, objectionForStaff.GetProperty("contactName").ValueKind);
        Assert.DoesNotContain("周敏", seenByStaff.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("5678", seenByStaff.GetRawText(), StringComparison.Ordinal);
        using (var dismissed = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/base-exits/{noticeId}/objections/{objection.GetProperty("id").GetGuid()}/resolve",
            new { uphold = false, resolution = "经核实，整改未完成。" }))
        {
            Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        }

        using (var noTag = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/base-exits/{noticeId}/conclude", null))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noTag.StatusCode);
        }

        using var concluded = await ConcludeAsync(office, baseId, noticeId);
        Assert.Equal("Exited", (await concluded.ReadJsonAsync(HttpStatusCode.OK, "conclude")).GetProperty("status").GetString());
        detail = await office.GetJsonAsync($"/api/supervision/bases/{baseId}");
        Assert.Equal("Revoked", detail.GetProperty("status").GetString());
        var last = detail.GetProperty("history").EnumerateArray().First();
        Assert.Equal("Revoked", last.GetProperty("to").GetString());
        Assert.Contains("退出公示", last.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(BaseStatus.Revoked, await platform.QueryAsync(db => db.EducationBases.IgnoreQueryFilters().Where(b => b.Id == baseId).Select(b => b.Status).SingleAsync()));
        Assert.DoesNotContain((await anonymous.GetJsonAsync("/api/public/base-exits")).EnumerateArray(), n => n.GetProperty("id").GetGuid() == noticeId);
    }

    [Fact]
    public async Task An_upheld_objection_withdraws_the_exit_and_the_base_stays()
    {
        var office = await platform.OfficeAsync();
        var baseId = await OwnBaseProposedForExitAsync("异议撤回测试基地");
        using var started = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/exit", new { reason = "连续两年考核不合格。" });
        var noticeId = (await started.ReadJsonAsync(HttpStatusCode.Created, "start")).GetProperty("id").GetGuid();
        await SetPeriodAsync(noticeId, ProjectPlatform.Today.AddDays(-1), ProjectPlatform.Today.AddDays(3));
        using var anonymous = platform.Factory.CreateClient();
        using var filed = await PlatformFixtureBase.SendAsync(anonymous, HttpMethod.Post, $"/api/public/base-exits/{noticeId}/objections",
            new { reason = "考核数据漏计了联合培训。", contactName = "周敏", contactPhone = Phone });
        var objectionId = (await filed.ReadJsonAsync(HttpStatusCode.OK, "object")).GetProperty("id").GetGuid();

        var provider = await platform.ProviderAsync();
        using (var notOffice = await PlatformFixtureBase.SendAsync(provider, HttpMethod.Post, $"/api/supervision/base-exits/{noticeId}/objections/{objectionId}/resolve", new { uphold = true, resolution = "x" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
        }

        using var upheld = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/base-exits/{noticeId}/objections/{objectionId}/resolve",
            new { uphold = true, resolution = "异议成立，重新核算考核数据。" });
        Assert.Equal("Withdrawn", (await upheld.ReadJsonAsync(HttpStatusCode.OK, "uphold")).GetProperty("status").GetString());
        using (var conclude = await ConcludeAsync(office, baseId, noticeId))
        {
            await conclude.AssertProblemAsync(HttpStatusCode.Conflict, "supervision.exit_concluded");
        }

        Assert.Equal(BaseStatus.Active, await platform.QueryAsync(db => db.EducationBases.IgnoreQueryFilters().Where(b => b.Id == baseId).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_public_page_lists_the_exit_and_takes_an_objection_with_the_error_next_to_the_field()
    {
        var office = await platform.OfficeAsync();
        var baseId = await OwnBaseProposedForExitAsync("公示页面测试基地");
        using var started = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/exit", new { reason = "连续两年培训人数不足一千人。" });
        var noticeId = (await started.ReadJsonAsync(HttpStatusCode.Created, "start")).GetProperty("id").GetGuid();
        await SetPeriodAsync(noticeId, ProjectPlatform.Today.AddDays(-1), ProjectPlatform.Today.AddDays(3));

        using var browser = new WebBrowser(platform.Factory);
        var page = await browser.GetAsync("/notices/bases");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("公示页面测试基地", page.Html, StringComparison.Ordinal);
        Assert.Contains("连续两年培训人数不足一千人。", page.Html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{noticeId}\"", page.Html, StringComparison.Ordinal);

        // Without a reason: the rule's Chinese message next to the field, nothing written.
        var refused = await browser.PostAsync("/notices/bases", new Dictionary<string, string?>
        {
            ["Input.NoticeId"] = noticeId.ToString(), ["Input.Reason"] = " ", ["Input.ContactName"] = "吴芳", ["Input.ContactPhone"] = Phone,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("请填写异议内容", refused.Html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused.Html, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.Set<BaseExitObjection>().IgnoreQueryFilters().CountAsync(o => o.NoticeId == noticeId)));

        var filed = await browser.PostAsync("/notices/bases", new Dictionary<string, string?>
        {
            ["Input.NoticeId"] = noticeId.ToString(), ["Input.Reason"] = "该基地今年培训人数已达标。", ["Input.ContactName"] = "吴芳", ["Input.ContactPhone"] = Phone,
        }, refused.Html);
        Assert.Equal(HttpStatusCode.Redirect, filed.Status);
        var receipt = await browser.GetAsync(filed.Location!);
        Assert.Contains("异议已受理", receipt.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, receipt.Html, StringComparison.Ordinal);
        var objection = await platform.QueryAsync(db => db.Set<BaseExitObjection>().IgnoreQueryFilters().SingleAsync(o => o.NoticeId == noticeId));
        Assert.Equal("该基地今年培训人数已达标。", objection.Reason);
        Assert.Equal("139****5678", objection.ContactPhoneMasked);
        Assert.DoesNotContain("5678", objection.ContactPhoneCipher, StringComparison.Ordinal);
        Assert.Contains(objection.Id.ToString(), receipt.Html, StringComparison.Ordinal);

        // The office's base page: the objector's name and masked phone; the full phone only with the permission and a purpose.
        using var office2 = await platform.Accounts.SignInAsync(await platform.Accounts.CreateAsync($"t.exo.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProgramOfficeAdmin], "PO"));
        var basePage = await office2.GetAsync($"/supervision/bases/{baseId}");
        Assert.Contains("异议人：吴芳", basePage.Html, StringComparison.Ordinal);
        Assert.Contains("139****5678", basePage.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, basePage.Html, StringComparison.Ordinal);
        var forbidden = await office2.PostAsync($"/supervision/bases/{baseId}?handler=Contact", new Dictionary<string, string?>
        {
            ["ContactObjectionId"] = objection.Id.ToString(), ["Purpose"] = "电话核实异议情况",
        }, basePage.Html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forbidden.Status);
        Assert.Contains("查看原始个人信息", forbidden.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, forbidden.Html, StringComparison.Ordinal);

        using var permitted = await platform.Accounts.SignInAsync(await platform.PermittedAccountAsync(PlatformRoles.ProgramOfficeAdmin, "PO"));
        var permittedPage = await permitted.GetAsync($"/supervision/bases/{baseId}");
        var noPurpose = await permitted.PostAsync($"/supervision/bases/{baseId}?handler=Contact", new Dictionary<string, string?>
        {
            ["ContactObjectionId"] = objection.Id.ToString(), ["Purpose"] = "",
        }, permittedPage.Html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPurpose.Status);
        Assert.Contains("aria-invalid=\"true\"", noPurpose.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, noPurpose.Html, StringComparison.Ordinal);
        var shown = await permitted.PostAsync($"/supervision/bases/{baseId}?handler=Contact", new Dictionary<string, string?>
        {
            ["ContactObjectionId"] = objection.Id.ToString(), ["Purpose"] = "电话核实异议情况",
        }, noPurpose.Html);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains($"<span data-objector-phone>{Phone}</span>", shown.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_objector_phone_is_shown_in_full_only_with_the_permission_and_a_purpose_and_every_attempt_is_audited()
    {
        var office = await platform.OfficeAsync();
        var baseId = await OwnBaseProposedForExitAsync("异议电话测试基地");
        using var started = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/exit", new { reason = "连续两年考核不合格。" });
        var noticeId = (await started.ReadJsonAsync(HttpStatusCode.Created, "start")).GetProperty("id").GetGuid();
        await SetPeriodAsync(noticeId, ProjectPlatform.Today.AddDays(-1), ProjectPlatform.Today.AddDays(3));
        using var anonymous = platform.Factory.CreateClient();
        using var filed = await PlatformFixtureBase.SendAsync(anonymous, HttpMethod.Post, $"/api/public/base-exits/{noticeId}/objections",
            new { reason = "培训人数统计有误。", contactName = "孙立", contactPhone = Phone });
        var objectionId = (await filed.ReadJsonAsync(HttpStatusCode.OK, "object")).GetProperty("id").GetGuid();
        var url = $"/api/supervision/base-exits/{noticeId}/objections/{objectionId}/contact";

        using (var notOffice = await PlatformFixtureBase.SendAsync(await BaseStaffAsync(baseId), HttpMethod.Post, url, new { purpose = "电话核实异议情况" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
        }

        using (var refused = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, url, new { purpose = "电话核实异议情况" }))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "personal_data.unmask_forbidden");
        }

        var permitted = await platform.PermittedClientAsync(PlatformRoles.ProgramOfficeAdmin, "PO");
        using (var noPurpose = await PlatformFixtureBase.SendAsync(permitted, HttpMethod.Post, url, new { purpose = "" }))
        {
            var problem = await noPurpose.AssertProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.Contains(problem.FieldErrors, e => e.Field == "purpose");
        }

        using (var wrongNotice = await PlatformFixtureBase.SendAsync(permitted, HttpMethod.Post, $"/api/supervision/base-exits/{Guid.NewGuid()}/objections/{objectionId}/contact", new { purpose = "电话核实异议情况" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongNotice.StatusCode);
        }

        using var shown = await PlatformFixtureBase.SendAsync(permitted, HttpMethod.Post, url, new { purpose = "电话核实异议情况" });
        var contact = await shown.ReadJsonAsync(HttpStatusCode.OK, "unmask");
        Assert.Equal(("孙立", Phone), (contact.GetProperty("contactName").GetString(), contact.GetProperty("contactPhone").GetString()));

        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Action == AuditActions.PersonalDataViewed && r.EntityType == nameof(BaseExitObjection) && r.EntityKey == objectionId.ToString())
            .OrderBy(r => r.Sequence).Select(r => new { r.Outcome, r.Details }).ToListAsync());
        Assert.Equal([AuditOutcome.Denied, AuditOutcome.Denied, AuditOutcome.Denied, AuditOutcome.Success], audited.Select(a => a.Outcome));
        Assert.Contains("电话核实异议情况", audited[^1].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_stored_before_encryption_is_encrypted_and_masked_at_start_up()
    {
        var office = await platform.OfficeAsync();
        var baseId = await OwnBaseProposedForExitAsync("旧异议加密测试基地");
        using var started = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/bases/{baseId}/exit", new { reason = "连续两年考核不合格。" });
        var noticeId = (await started.ReadJsonAsync(HttpStatusCode.Created, "start")).GetProperty("id").GetGuid();
        var id = await platform.QueryAsync(async db =>
        {
            // As the migration leaves a row filed before: the plain phone in the cipher column, no mask.
            var legacy = new BaseExitObjection { NoticeId = noticeId, Reason = "旧异议", ContactName = "郑旧", ContactPhoneCipher = "13700002222", ContactPhoneMasked = "", FiledAt = DateTime.UtcNow };
            db.Set<BaseExitObjection>().Add(legacy);
            await db.SaveChangesAsync();
            return legacy.Id;
        });

        await platform.InScopeAsync(sp => sp.GetServices<IStartupStep>().Single(s => s.Name == "supervision.objection-contact-encryption").RunAsync(CancellationToken.None));

        var row = await platform.QueryAsync(db => db.Set<BaseExitObjection>().IgnoreQueryFilters().AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal("137****2222", row.ContactPhoneMasked);
        Assert.DoesNotContain("2222", row.ContactPhoneCipher, StringComparison.Ordinal);
        var plain = await platform.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IPersonalDataProtector>().Unprotect(row.ContactPhoneCipher)));
        Assert.Equal("13700002222", plain);
    }

    [Fact]
    public async Task The_program_office_records_an_exchange_that_each_base_lists()
    {
        var office = await platform.OfficeAsync();
        var ids = await platform.QueryAsync(db => db.EducationBases.IgnoreQueryFilters().OrderBy(b => b.Name).Select(b => b.Id).Take(3).ToListAsync());
        var topic = $"联合研修测试{Guid.NewGuid():N}"[..20];
        using (var one = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, "/api/supervision/exchanges",
            new { baseIds = new[] { ids[0], ids[0] }, heldOn = ProjectPlatform.Today, kind = "Visit", topic, participants = 10 }))
        {
            var problem = await one.AssertProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.Contains(problem.FieldErrors, e => e.Field == "baseIds");
        }

        using (var future = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, "/api/supervision/exchanges",
            new { baseIds = ids, heldOn = ProjectPlatform.Today.AddDays(2), kind = "Visit", topic, participants = 10 }))
        {
            var problem = await future.AssertProblemAsync(HttpStatusCode.BadRequest, "request.validation_failed");
            Assert.Contains(problem.FieldErrors, e => e.Field == "heldOn");
        }

        using (var unknown = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, "/api/supervision/exchanges",
            new { baseIds = new[] { ids[0], Guid.NewGuid() }, heldOn = ProjectPlatform.Today, kind = "Visit", topic, participants = 10 }))
        {
            await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "supervision.exchange_base_unknown");
        }

        var provider = await platform.ProviderAsync();
        using (var notOffice = await PlatformFixtureBase.SendAsync(provider, HttpMethod.Post, "/api/supervision/exchanges",
            new { baseIds = ids, heldOn = ProjectPlatform.Today, kind = "Visit", topic, participants = 10 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notOffice.StatusCode);
        }

        using var recorded = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, "/api/supervision/exchanges",
            new { baseIds = ids, heldOn = ProjectPlatform.Today.AddDays(-3), kind = "JointTraining", topic, participants = 86, note = "三家基地联合举办。" });
        var exchange = await recorded.ReadJsonAsync(HttpStatusCode.Created, "record");
        Assert.Equal(3, exchange.GetProperty("bases").GetArrayLength());
        foreach (var id in ids)
        {
            var listed = await office.GetJsonAsync($"/api/supervision/bases/{id}/exchanges");
            var row = Assert.Single(listed.EnumerateArray(), e => e.GetProperty("topic").GetString() == topic);
            Assert.Equal(86, row.GetProperty("participants").GetInt32());
            Assert.Equal("联合研修", row.GetProperty("kindName").GetString());
            var detail = await office.GetJsonAsync($"/api/supervision/bases/{id}");
            Assert.Contains(detail.GetProperty("exchanges").EnumerateArray(), e => e.GetProperty("topic").GetString() == topic);
        }

        var stored = await platform.QueryAsync(db => db.Set<BaseExchangeParty>().IgnoreQueryFilters().CountAsync(p => p.ExchangeId == exchange.GetProperty("id").GetGuid()));
        Assert.Equal(3, stored);
        var feed = await office.GetJsonAsync($"/odata/BaseExchanges?$filter=Topic eq '{topic}'&$expand=Parties");
        var entry = Assert.Single(feed.GetProperty("value").EnumerateArray());
        Assert.Equal(3, entry.GetProperty("Parties").GetArrayLength());
    }

    [Fact]
    public async Task The_class_page_shows_the_evaluation_aggregates_supervision_answers()
    {
        var classId = await platform.QueryAsync(db => db.Set<ClassEvaluation>().IgnoreQueryFilters().GroupBy(e => e.ClassId)
            .Where(g => g.Count() >= 2 && g.Any(e => e.Comment != null)).Select(g => g.Key).FirstAsync());
        var office = await platform.OfficeAsync();
        var aggregate = await office.GetJsonAsync($"/api/supervision/classes/{classId}/evaluations");
        var count = aggregate.GetProperty("aggregate").GetProperty("count").GetInt32();
        var content = aggregate.GetProperty("aggregate").GetProperty("content").GetDecimal();
        var comment = aggregate.GetProperty("comments")[0].GetString()!;

        var account = await platform.Accounts.CreateAsync($"t.ev.{Guid.NewGuid():N}"[..30], [KnowledgeRenewal.Sdk.PlatformRoles.ProgramOfficeAdmin], KnowledgeRenewal.Identity.Domain.ProgramOrganizations.ProgramOfficeCode);
        using var browser = await platform.Accounts.SignInAsync(account);
        var page = await browser.GetAsync($"/classes/{classId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"data-evaluations=\"{count}\"", page.Html, StringComparison.Ordinal);
        Assert.Contains($"data-mean=\"content\">{content.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}<", page.Html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(comment), page.Html, StringComparison.Ordinal);
    }

    // A base of its own (the other exit test takes a demo base): active, its last assessment proposing exit.
    private Task<Guid> OwnBaseProposedForExitAsync(string name) => platform.QueryAsync(async db =>
    {
        var organizationId = await db.EducationBases.IgnoreQueryFilters().OrderBy(x => x.Name).Select(x => x.OrganizationId).FirstAsync();
        var b = new EducationBase { Name = name, OrganizationId = organizationId, Level = BaseLevel.Municipal, DesignatedOn = new DateOnly(2023, 9, 1) };
        db.EducationBases.Add(b);
        db.Set<BaseAssessment>().Add(new BaseAssessment { BaseId = b.Id, Year = 2025, MethodVersion = 1, Score = 40, Passed = false, ProposedExit = true, AssessedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return b.Id;
    });

    private async Task<(Guid Proposed, Guid NotProposed)> BasesAsync() => await platform.QueryAsync(async db =>
    {
        var last = await db.Set<BaseAssessment>().IgnoreQueryFilters().GroupBy(a => a.BaseId)
            .Select(g => g.OrderByDescending(a => a.Year).First()).ToListAsync();
        // Not a base another test of this class has taken to notice already.
        var noticed = db.Set<BaseExitNotice>().IgnoreQueryFilters().Select(n => n.BaseId);
        var active = await db.EducationBases.IgnoreQueryFilters().Where(b => b.Status != BaseStatus.Revoked && !noticed.Contains(b.Id)).Select(b => b.Id).ToListAsync();
        var proposed = last.Where(a => a.ProposedExit && active.Contains(a.BaseId)).Select(a => a.BaseId).First();
        var notProposed = last.Where(a => !a.ProposedExit && active.Contains(a.BaseId)).Select(a => a.BaseId).First();
        return (proposed, notProposed);
    });

    /// <summary>A staff account of the organization that runs the base (a reader of its supervision record, not the office).</summary>
    private async Task<HttpClient> BaseStaffAsync(Guid baseId)
    {
        var code = await platform.QueryAsync(db => db.EducationBases.IgnoreQueryFilters().Where(b => b.Id == baseId).Select(b => b.Organization!.Code).SingleAsync());
        return await platform.ClientAsync(PlatformRoles.ProviderStaff, code);
    }

    private Task SetPeriodAsync(Guid noticeId, DateOnly start, DateOnly end) => platform.QueryAsync(db =>
        db.Set<BaseExitNotice>().IgnoreQueryFilters().Where(n => n.Id == noticeId)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.NoticeStart, start).SetProperty(n => n.NoticeEnd, end)));

    private static async Task<HttpResponseMessage> ConcludeAsync(HttpClient office, Guid baseId, Guid noticeId)
    {
        var detail = await office.GetJsonAsync($"/api/supervision/bases/{baseId}");
        var tag = Exit(detail, noticeId).GetProperty("eTag").GetString();
        return await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, $"/api/supervision/base-exits/{noticeId}/conclude", null, tag);
    }

    private static JsonElement Exit(JsonElement detail, Guid noticeId) =>
        detail.GetProperty("exits").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == noticeId);

    private static DateOnly Day(JsonElement e, string name) => DateOnly.Parse(e.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
