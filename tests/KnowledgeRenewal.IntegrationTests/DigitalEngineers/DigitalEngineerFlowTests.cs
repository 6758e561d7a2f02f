using System.Net;
using System.Text.Json;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using static KnowledgeRenewal.IntegrationTests.DigitalEngineers.DigitalRequests;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.DigitalEngineers;

/// <summary>
/// One trainee through the pipeline with the demo roles — training at the demo provider (济宁医学院), its
/// training-qualified certificate, an evaluation by another organization (济宁技师学院) and the level certificate,
/// the trainee's own subsidy claim, approved and paid by the demo county (任城区) — every step audited; then the
/// forbidden steps with their codes, two approvers at once, and who sees what.
/// </summary>
[Collection(DigitalEngineerPlatform.Name)]
public sealed class DigitalEngineerFlowTests(DigitalEngineerPlatformFixture platform)
{
    private const string Api = "/api/digital-engineers";

    [Fact]
    public async Task A_trainee_goes_from_training_record_to_a_paid_subsidy_claim()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var evaluator = await platform.EvaluatorStaffAsync();
        var county = await platform.DemoClientAsync(PlatformRoles.CountyAdmin);

        var training = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.Trainer], "大数据", "初级"));
        Assert.Equal(("BigData", "大数据", "Junior", "合格"), (training.GetProperty("field").GetString(), training.GetProperty("fieldName").GetString(), training.GetProperty("level").GetString(), training.GetProperty("resultName").GetString()));
        Assert.Equal(DigitalEngineerPlatformFixture.Trainer, training.GetProperty("institutionName").GetString());
        var trainingId = training.GetProperty("id").GetGuid();

        var certificate = await CreatedAsync(provider, $"{Api}/trainings/{trainingId:D}/certificate", new { });
        Assert.Equal(("TrainingQualified", "培训合格证书", "None", true), (certificate.GetProperty("kind").GetString(), certificate.GetProperty("kindName").GetString(), certificate.GetProperty("titleLinkage").GetString(), certificate.GetProperty("subsidyEligible").GetBoolean()));
        Assert.Matches(@"^SZPX-\d{4}-031-\d{6}$", certificate.GetProperty("number").GetString()!);
        Assert.Equal(JsonValueKind.Null, certificate.GetProperty("titleLinkageName").ValueKind);

        var evaluation = await CreatedAsync(evaluator, $"{Api}/evaluations", Evaluation(trainingId, platform.Institutions[DigitalEngineerPlatformFixture.Evaluator], 82));
        Assert.True(evaluation.GetProperty("passed").GetBoolean());
        var level = await CreatedAsync(evaluator, $"{Api}/evaluations/{evaluation.GetProperty("id").GetGuid():D}/certificate", new { });
        Assert.Equal(("ProfessionalLevel", "TitleRecognition", "可作为职称认定依据", false), (level.GetProperty("kind").GetString(), level.GetProperty("titleLinkage").GetString(), level.GetProperty("titleLinkageName").GetString(), level.GetProperty("subsidyEligible").GetBoolean()));
        Assert.Matches(@"^SZDJ-\d{4}-031-\d{6}$", level.GetProperty("number").GetString()!);

        // The person sees both certificates (masked), and claims the subsidy of the training certificate.
        var own = await trainee.Client.GetJsonAsync($"{Api}/certificates");
        Assert.Equal(2, own.GetProperty("total").GetInt32());
        Assert.DoesNotContain(trainee.IdNumber, own.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("数字测试学员", own.GetRawText(), StringComparison.Ordinal);
        var (claim, etag) = await CreatedWithETagAsync(trainee.Client, $"{Api}/subsidy-claims", new { certificateId = certificate.GetProperty("id").GetGuid(), note = "申领职业培训补贴" });
        Assert.Equal(("Submitted", 1000m, "370811"), (claim.GetProperty("status").GetString(), claim.GetProperty("amount").GetDecimal(), claim.GetProperty("regionCode").GetString()));
        var claimId = claim.GetProperty("id").GetGuid();

        // The county bureau of 任城区 sees the trainee's steps and decides.
        Assert.Contains(trainingId.ToString(), (await county.GetJsonAsync($"{Api}/trainings?pageSize=100&professionalId={trainee.Id:D}")).GetRawText(), StringComparison.Ordinal);
        var (approved, etag2) = await ActedAsync(county, $"{Api}/subsidy-claims/{claimId:D}/decision", new { decision = "approve", comment = "材料齐全" }, etag);
        Assert.Equal(("Approved", "已核准"), (approved.GetProperty("status").GetString(), approved.GetProperty("statusName").GetString()));
        var (paid, _) = await ActedAsync(county, $"{Api}/subsidy-claims/{claimId:D}/payment", new { reference = "JNBT-2026-0001" }, etag2);
        Assert.Equal("Paid", paid.GetProperty("status").GetString());
        var steps = paid.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["submitted", "approved", "paid"], steps.Select(s => s.GetProperty("step").GetString()));
        Assert.Equal(["材料齐全", "JNBT-2026-0001"], steps.Skip(1).Select(s => s.GetProperty("comment").GetString()));
        Assert.Equal("demo.county-admin", steps[1].GetProperty("by").GetString());
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("by").GetString())));

        // Every step went into the audit log, naming who acted.
        var audited = await platform.QueryAsync(db => db.AuditRecords.IgnoreQueryFilters()
            .Where(r => r.EntityType != null && r.EntityType.StartsWith("Digital") || r.EntityType == nameof(SubsidyClaim))
            .Select(r => new { r.EntityType, r.Action, r.UserName, r.Details, r.EntityKey })
            .ToListAsync());
        Assert.Contains(audited, r => r.EntityType == nameof(DigitalTraining) && r.UserName == "demo.provider-staff" && r.EntityKey!.Contains(trainingId.ToString(), StringComparison.Ordinal));
        Assert.Contains(audited, r => r.EntityType == nameof(DigitalEvaluation) && r.EntityKey!.Contains(evaluation.GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal));
        Assert.Contains(audited, r => r.EntityType == nameof(DigitalCertificate) && r.EntityKey!.Contains(level.GetProperty("id").GetGuid().ToString(), StringComparison.Ordinal));
        Assert.Equal(3, audited.Count(r => r.EntityType == nameof(SubsidyClaim) && r.EntityKey!.Contains(claimId.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Forbidden_steps_are_refused_with_their_codes()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var evaluator = await platform.EvaluatorStaffAsync();
        var trainer = platform.Institutions[DigitalEngineerPlatformFixture.Trainer];
        var evaluatorId = platform.Institutions[DigitalEngineerPlatformFixture.Evaluator];

        // The catalog: 济宁医学院 is not listed for 集成电路; another organization's entry is not the provider's;
        // the evaluation institution does not train; a listing that expired; an organization listed twice; an employer.
        await AssertProblemAsync(provider, $"{Api}/trainings", Training(trainee.Id, trainer, "IntegratedCircuits"), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.FieldNotListed);
        await AssertProblemAsync(provider, $"{Api}/trainings", Training(trainee.Id, trainer, "BigData", "Senior"), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.FieldNotListed);
        await AssertProblemAsync(provider, $"{Api}/trainings", Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.CityTrainer]), HttpStatusCode.Forbidden, DigitalEngineerProblemCodes.NotInstitutionStaff);
        await AssertProblemAsync(office, $"{Api}/trainings", Training(trainee.Id, evaluatorId), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.WrongInstitutionKind);
        var expired = await platform.QueryAsync(db => db.DigitalInstitutions.SingleAsync(i => i.OrganizationName == DigitalEngineerPlatformFixture.ExpiredTrainer));
        var problem = await AssertProblemAsync(office, $"{Api}/trainings", Training(trainee.Id, expired.Id, "CloudComputing", end: expired.ValidTo.AddDays(30)), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.OutsideValidity);
        Assert.Contains("有效期", problem!.Detail, StringComparison.Ordinal);
        await AssertProblemAsync(office, $"{Api}/trainings", Training(trainee.Id, Guid.NewGuid()), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.InstitutionNotListed);
        await AssertProblemAsync(office, $"{Api}/trainings", Training(Guid.NewGuid(), trainer), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.PersonNotFound);
        var provider2 = await platform.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoOrgs.Listed).Select(o => o.Id).SingleAsync());
        await AssertProblemAsync(office, $"{Api}/institutions", Listing(provider2, "Evaluation"), HttpStatusCode.Conflict, DigitalEngineerProblemCodes.AlreadyListed);
        var employer = await platform.QueryAsync(db => db.Employers.Select(e => e.Id).FirstAsync());
        await AssertProblemAsync(office, $"{Api}/institutions", Listing(employer, "Training"), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.OrganizationNotEligible);
        await AssertProblemAsync(provider, $"{Api}/institutions", Listing(employer, "Training"), HttpStatusCode.Forbidden, null);
        var invalid = await AssertProblemAsync(office, $"{Api}/trainings", new { field = "量子计算", hours = 0 }, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Contains("field", invalid!.FieldErrors.Select(e => e.Field));

        // A failed training is neither evaluated nor certified; a certificate is issued once; the trainer does not evaluate.
        var failed = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, trainer, passed: false));
        await AssertProblemAsync(evaluator, $"{Api}/evaluations", Evaluation(failed.GetProperty("id").GetGuid(), evaluatorId), HttpStatusCode.Conflict, DigitalEngineerProblemCodes.TrainingNotPassed);
        await AssertProblemAsync(provider, $"{Api}/trainings/{failed.GetProperty("id").GetGuid():D}/certificate", new { }, HttpStatusCode.Conflict, DigitalEngineerProblemCodes.TrainingNotPassed);
        var passed = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, trainer, "ArtificialIntelligence", "Intermediate"));
        var passedId = passed.GetProperty("id").GetGuid();
        await AssertProblemAsync(provider, $"{Api}/evaluations", Evaluation(passedId, trainer), HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.WrongInstitutionKind);
        var certificate = await CreatedAsync(provider, $"{Api}/trainings/{passedId:D}/certificate", new { });
        await AssertProblemAsync(provider, $"{Api}/trainings/{passedId:D}/certificate", new { }, HttpStatusCode.Conflict, DigitalEngineerProblemCodes.CertificateExists);
        await AssertProblemAsync(trainee.Client, $"{Api}/trainings", Training(trainee.Id, trainer), HttpStatusCode.Forbidden, null);

        // Failed evaluation: no level certificate; a passed one later; then no second passed evaluation.
        var low = await CreatedAsync(evaluator, $"{Api}/evaluations", Evaluation(passedId, evaluatorId, 45));
        Assert.False(low.GetProperty("passed").GetBoolean());
        await AssertProblemAsync(evaluator, $"{Api}/evaluations/{low.GetProperty("id").GetGuid():D}/certificate", new { }, HttpStatusCode.Conflict, DigitalEngineerProblemCodes.EvaluationNotPassed);
        var high = await CreatedAsync(evaluator, $"{Api}/evaluations", Evaluation(passedId, evaluatorId, 90));
        await AssertProblemAsync(evaluator, $"{Api}/evaluations", Evaluation(passedId, evaluatorId, 95), HttpStatusCode.Conflict, DigitalEngineerProblemCodes.AlreadyEvaluated);
        await AssertProblemAsync(provider, $"{Api}/evaluations/{high.GetProperty("id").GetGuid():D}/certificate", new { }, HttpStatusCode.Forbidden, DigitalEngineerProblemCodes.NotInstitutionStaff);
        var level = await CreatedAsync(evaluator, $"{Api}/evaluations/{high.GetProperty("id").GetGuid():D}/certificate", new { });

        // Claims: not on a level certificate, once per certificate; decided only with If-Match, by the county, in order.
        await AssertProblemAsync(trainee.Client, $"{Api}/subsidy-claims", new { certificateId = level.GetProperty("id").GetGuid() }, HttpStatusCode.UnprocessableEntity, DigitalEngineerProblemCodes.NotEligible);
        var (claim, etag) = await CreatedWithETagAsync(trainee.Client, $"{Api}/subsidy-claims", new { certificateId = certificate.GetProperty("id").GetGuid() });
        await AssertProblemAsync(trainee.Client, $"{Api}/subsidy-claims", new { certificateId = certificate.GetProperty("id").GetGuid() }, HttpStatusCode.Conflict, DigitalEngineerProblemCodes.ClaimExists);
        var claimUrl = $"{Api}/subsidy-claims/{claim.GetProperty("id").GetGuid():D}";
        await AssertProblemAsync(office, $"{claimUrl}/decision", new { decision = "approve" }, HttpStatusCode.PreconditionRequired, "concurrency.precondition_required", ifMatch: null, anyCode: true);
        await AssertProblemAsync(office, $"{claimUrl}/payment", new { reference = "V-1" }, HttpStatusCode.Conflict, DigitalEngineerProblemCodes.ClaimWrongStep, etag);
        await AssertProblemAsync(office, $"{claimUrl}/decision", new { decision = "reject" }, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed, etag);
        await AssertProblemAsync(trainee.Client, $"{claimUrl}/decision", new { decision = "approve" }, HttpStatusCode.Forbidden, null, etag);
        var (rejected, etag2) = await ActedAsync(office, $"{claimUrl}/decision", new { decision = "reject", comment = "缺少社会保障卡信息" }, etag);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        await AssertProblemAsync(office, $"{claimUrl}/decision", new { decision = "approve" }, HttpStatusCode.Conflict, DigitalEngineerProblemCodes.ClaimWrongStep, etag2);
        await AssertProblemAsync(office, $"{claimUrl}/decision", new { decision = "approve" }, HttpStatusCode.PreconditionFailed, "concurrency.stale", etag, anyCode: true);

        // The county may file for its trainee, but not decide what it filed itself.
        var county = await platform.DemoClientAsync(PlatformRoles.CountyAdmin);
        var second = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, trainer, "BigData", "Intermediate"));
        var secondCertificate = await CreatedAsync(provider, $"{Api}/trainings/{second.GetProperty("id").GetGuid():D}/certificate", new { });
        var (filedByCounty, countyEtag) = await CreatedWithETagAsync(county, $"{Api}/subsidy-claims", new { certificateId = secondCertificate.GetProperty("id").GetGuid() });
        Assert.Equal(1500m, filedByCounty.GetProperty("amount").GetDecimal());
        await AssertProblemAsync(county, $"{Api}/subsidy-claims/{filedByCounty.GetProperty("id").GetGuid():D}/decision", new { decision = "approve" }, HttpStatusCode.Forbidden, DigitalEngineerProblemCodes.SelfDecision, countyEtag);
    }

    [Fact]
    public async Task Two_approvers_at_once_exactly_one_wins()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var county = await platform.DemoClientAsync(PlatformRoles.CountyAdmin);
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var training = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.Trainer]));
        var certificate = await CreatedAsync(provider, $"{Api}/trainings/{training.GetProperty("id").GetGuid():D}/certificate", new { });
        var (claim, etag) = await CreatedWithETagAsync(trainee.Client, $"{Api}/subsidy-claims", new { certificateId = certificate.GetProperty("id").GetGuid() });
        var url = $"{Api}/subsidy-claims/{claim.GetProperty("id").GetGuid():D}/decision";

        var answers = await Task.WhenAll(
            PostAsync(county, url, new { decision = "approve", comment = "县局核准" }, etag),
            PostAsync(office, url, new { decision = "reject", comment = "项目办驳回" }, etag));
        var statuses = answers.Select(a => (int)a.StatusCode).Order().ToArray();
        Assert.Equal(200, statuses[0]);
        Assert.Contains(statuses[1], new[] { 409, 412 });
        foreach (var answer in answers)
        {
            answer.Dispose();
        }

        var stored = await platform.QueryAsync(db => db.SubsidyClaims.AsNoTracking().SingleAsync(c => c.Id == claim.GetProperty("id").GetGuid()));
        Assert.Contains(stored.Status, new[] { SubsidyClaimStatus.Approved, SubsidyClaimStatus.Rejected });
        Assert.NotNull(stored.DecidedByName);
    }

    [Fact]
    public async Task Each_supervisor_sees_only_its_own_trainees()
    {
        var trainee = await platform.NewTraineeAsync();
        var other = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var training = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.Trainer]));
        var trainingId = training.GetProperty("id").GetGuid();
        var certificate = await CreatedAsync(provider, $"{Api}/trainings/{trainingId:D}/certificate", new { });
        var certificateId = certificate.GetProperty("id").GetGuid();
        var (claim, _) = await CreatedWithETagAsync(trainee.Client, $"{Api}/subsidy-claims", new { certificateId });
        var claimId = claim.GetProperty("id").GetGuid();

        var otherCounty = await platform.Accounts.ClientAsync(PlatformRoles.CountyAdmin, "CB-370883");
        var health = await platform.DemoClientAsync(PlatformRoles.DepartmentAdmin);
        var evaluator = await platform.EvaluatorStaffAsync();
        foreach (var (client, who) in new[] { (otherCounty, "邹城市"), (health, "卫生健康部门"), (other.Client, "另一学员"), (evaluator, "未评价的评价机构") })
        {
            foreach (var url in new[] { $"{Api}/trainings/{trainingId:D}", $"{Api}/certificates/{certificateId:D}", $"{Api}/subsidy-claims/{claimId:D}" })
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who}: {url} → {(int)response.StatusCode}");
            }

            var lists = string.Concat(
                (await client.GetJsonAsync($"{Api}/trainings?pageSize=100")).GetRawText(),
                (await client.GetJsonAsync($"{Api}/certificates?pageSize=100")).GetRawText(),
                (await client.GetJsonAsync($"{Api}/subsidy-claims?pageSize=100")).GetRawText());
            Assert.DoesNotContain(trainee.Id.ToString(), lists, StringComparison.Ordinal);
        }

        // The county and the program office see all three; the provider its training and certificate but not the money.
        var county = await platform.DemoClientAsync(PlatformRoles.CountyAdmin);
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        foreach (var client in new[] { county, office, trainee.Client })
        {
            await client.GetJsonAsync($"{Api}/trainings/{trainingId:D}");
            await client.GetJsonAsync($"{Api}/subsidy-claims/{claimId:D}");
        }

        await provider.GetJsonAsync($"{Api}/certificates/{certificateId:D}");
        using var money = await provider.GetAsync(new Uri($"{Api}/subsidy-claims/{claimId:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, money.StatusCode);
        using var odata = await otherCounty.GetAsync(new Uri($"/odata/DigitalCertificates?$filter=Id eq {certificateId:D}", UriKind.Relative));
        Assert.DoesNotContain(certificateId.ToString(), await odata.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalog_is_listed_and_renewed_by_the_program_office_with_if_match()
    {
        var office = await platform.DemoClientAsync(PlatformRoles.ProgramOfficeAdmin);
        var organization = await platform.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoOrgs.Unlisted).Select(o => o.Id).SingleAsync());
        var (listed, etag) = await CreatedWithETagAsync(office, $"{Api}/institutions", Listing(organization, "评价机构"));
        Assert.Equal(("Evaluation", "评价机构", 2), (listed.GetProperty("kind").GetString(), listed.GetProperty("kindName").GetString(), listed.GetProperty("scopes").GetArrayLength()));
        var url = $"{Api}/institutions/{listed.GetProperty("id").GetGuid():D}";
        using (var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = System.Net.Http.Json.JsonContent.Create(new { validFrom = "2024-01-01", validTo = "2030-12-31", scopes = new[] { new { field = "区块链", level = "高级" } } }) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await office.SendAsync(request);
            var renewed = await response.ReadJsonAsync(HttpStatusCode.OK, "renewal");
            Assert.Equal("2030-12-31", renewed.GetProperty("validTo").GetString());
            Assert.Equal(["Blockchain"], renewed.GetProperty("scopes").Strings("field"));
        }

        // The catalog filtered by field and level together: only entries listed for that pair, valid on the day.
        var seniorAi = await office.GetJsonAsync($"{Api}/institutions?field=人工智能&level=Senior&validOn=2026-01-05");
        Assert.Equal(["曲阜师范大学", "济宁市数字技术工程师培训中心", "济宁技师学院"], seniorAi.EnumerateArray().Select(i => i.GetProperty("organizationName").GetString()!).Order(StringComparer.Ordinal));
        var trainers = await office.GetJsonAsync($"{Api}/institutions?kind=培训机构&validOn=2026-01-05");
        Assert.DoesNotContain(DigitalEngineerPlatformFixture.ExpiredTrainer, trainers.GetRawText(), StringComparison.Ordinal);

        var fields = await platform.Factory.CreateClient().GetJsonAsync($"{Api}/fields");
        Assert.Equal(10, fields.GetArrayLength());
        Assert.Equal("高级职称申报参考", fields[0].GetProperty("levels")[2].GetProperty("titleLinkageName").GetString());
    }

    private static object Listing(Guid organization, string kind) => new
    {
        organizationId = organization,
        kind,
        validFrom = "2024-01-01",
        validTo = "2027-12-31",
        scopes = new[] { new { field = "Blockchain", level = "Junior" }, new { field = "区块链", level = "中级" } },
    };

    private static async Task<ProblemAnswer?> AssertProblemAsync(HttpClient client, string url, object body, HttpStatusCode status, string? code, string? ifMatch = null, bool anyCode = false)
    {
        using var response = await PostAsync(client, url, body, ifMatch);
        if (code is null || anyCode)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{url}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
            return null;
        }

        return await response.AssertProblemAsync(status, code);
    }

    // Demo organizations: one listed as a training institution, one not in the catalog.
    private static class DemoOrgs
    {
        public const string Listed = DigitalEngineerPlatformFixture.Trainer;
        public const string Unlisted = "济宁学院";
    }
}
