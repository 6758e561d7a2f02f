using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using static KnowledgeRenewal.IntegrationTests.DigitalEngineers.DigitalRequests;

namespace KnowledgeRenewal.IntegrationTests.DigitalEngineers;

/// <summary>
/// The digital-engineer pages over HTTP, against the API's own rules: roles the API refuses get the 403 page, another
/// institution's training is not found (404, as in the API), a provider outside the catalog is told so (no 403 for a
/// menu link), bad values are explained next to their fields in Chinese without API field names and write nothing,
/// and an evaluation institution's staff record a result in the pages that the trainee then sees on /my/digital.
/// </summary>
[Collection(DigitalEngineerPlatform.Name)]
public sealed partial class DigitalPagesTests(DigitalEngineerPlatformFixture platform)
{
    private const string Api = "/api/digital-engineers";

    private static readonly string[] InstitutionPages = ["/digital/trainings", "/digital/trainings/new", "/digital/evaluations", "/digital/evaluations/new"];

    [Fact]
    public async Task Roles_the_API_refuses_get_the_403_page_and_visitors_the_sign_in_page()
    {
        var trainee = await platform.NewTraineeAsync();
        var county = await platform.Accounts.CreateAsync($"dg.county.{Guid.NewGuid():N}"[..28], [PlatformRoles.CountyAdmin], "CB-370811");
        var department = await platform.Accounts.CreateAsync($"dg.dept.{Guid.NewGuid():N}"[..28], [PlatformRoles.DepartmentAdmin], "LD-health");
        var provider = platform.DemoAccount("demo.provider-staff");

        // Recording trainings and evaluations is for institutions (and the program office), as POST /trainings is.
        foreach (var account in new[] { county, department, trainee.Account })
        {
            using var browser = await platform.Accounts.SignInAsync(account);
            foreach (var address in InstitutionPages)
            {
                var refused = await browser.GetAsync(address);
                Assert.True(refused.Status == HttpStatusCode.Redirect && refused.LocationPath == "/account/denied", $"{account.UserName} {address}: {(int)refused.Status} {refused.Location}");
            }
        }

        // My digital-engineer page is the professional's own.
        foreach (var account in new[] { county, provider })
        {
            using var browser = await platform.Accounts.SignInAsync(account);
            foreach (var address in new[] { "/my/digital", $"/my/digital/claims/new?certificate={Guid.NewGuid()}" })
            {
                var refused = await browser.GetAsync(address);
                Assert.True(refused.Status == HttpStatusCode.Redirect && refused.LocationPath == "/account/denied", $"{account.UserName} {address}: {(int)refused.Status} {refused.Location}");
                Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(refused.Location!)).Status);
            }
        }

        using var anonymous = new WebBrowser(platform.Factory);
        foreach (var address in InstitutionPages.Append("/my/digital"))
        {
            var redirected = await anonymous.GetAsync(address);
            Assert.Equal("/account/login", redirected.LocationPath);
        }
    }

    [Fact]
    public async Task Another_institutions_training_is_not_found_as_in_the_API_and_not_listed()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var training = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.Trainer]));
        var id = training.GetProperty("id").GetGuid();
        var other = await platform.Accounts.CreateAsync($"dg.city.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProviderStaff], platform.OrganizationCodes[DigitalEngineerPlatformFixture.CityTrainer]);

        using var stranger = await platform.Accounts.SignInAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/digital/trainings/{id:D}")).Status);
        using var api = await platform.Accounts.SignedInClientAsync(other);
        using var apiAnswer = await api.GetAsync(new Uri($"{Api}/trainings/{id:D}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, apiAnswer.StatusCode);
        var list = await stranger.GetAsync("/digital/trainings?field=BigData");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.DoesNotContain(id.ToString("D"), list.Html, StringComparison.OrdinalIgnoreCase);

        // Its own institution sees it, with the trainee masked.
        using var own = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.provider-staff"));
        var page = await own.GetAsync($"/digital/trainings/{id:D}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("颁发培训合格证书", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(trainee.IdNumber, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(trainee.Name, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_outside_the_catalog_is_told_so_and_its_form_writes_nothing()
    {
        string[] listed = [DigitalEngineerPlatformFixture.Trainer, DigitalEngineerPlatformFixture.Evaluator, DigitalEngineerPlatformFixture.CityTrainer, DigitalEngineerPlatformFixture.ExpiredTrainer, "山东理工职业学院", "曲阜师范大学"];
        var outside = platform.OrganizationCodes.First(o => !listed.Contains(o.Key)).Value;
        var account = await platform.Accounts.CreateAsync($"dg.out.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProviderStaff], outside);
        using var browser = await platform.Accounts.SignInAsync(account);

        var list = await browser.GetAsync("/digital/trainings");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("data-not-institution", list.Html, StringComparison.Ordinal);
        Assert.Contains("不是数字技术工程师培育项目目录内的培训机构或评价机构", list.Html, StringComparison.Ordinal);

        var trainee = await platform.NewTraineeAsync();
        var posted = await browser.SubmitAsync("/digital/trainings/new", TrainingForm(trainee, "ArtificialIntelligence", "Junior", 40));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Contains("data-not-institution", posted.Html, StringComparison.Ordinal);
        var trainings = await trainee.Client.GetJsonAsync($"{Api}/trainings");
        Assert.Equal(0, trainings.GetProperty("total").GetInt32());

        var workbench = await browser.GetAsync("/workbench");
        Assert.DoesNotContain("数字技术工程师培训", workbench.Html.Split("<main")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_training_form_with_bad_values_says_what_is_wrong_next_to_each_field_in_Chinese_and_writes_nothing()
    {
        var trainee = await platform.NewTraineeAsync();
        using var browser = await platform.Accounts.SignInAsync(platform.DemoAccount("demo.provider-staff"));

        var page = await browser.SubmitAsync("/digital/trainings/new", new Dictionary<string, string?>
        {
            ["Input.IdNumber"] = "37081119880517",
            ["Input.Name"] = "",
            ["Input.Field"] = "BigData",
            ["Input.Level"] = "Junior",
            ["Input.StartDate"] = "2026-03-10",
            ["Input.EndDate"] = "2026-03-01",
            ["Input.Hours"] = "0",
            ["Input.Passed"] = "",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("<title>错误：", page.Html, StringComparison.Ordinal);
        Assert.StartsWith("身份证号必须是 18 位", FieldError(page.Html, "Input_IdNumber"), StringComparison.Ordinal);
        Assert.Equal("请输入学员的姓名", FieldError(page.Html, "Input_Name"));
        Assert.Equal("开始日期不能晚于结束日期。", FieldError(page.Html, "Input_StartDate"));
        Assert.Equal("培训学时应为 1 至 2000 之间的整数。", FieldError(page.Html, "Input_Hours"));
        Assert.Equal("请选择培训结果：合格或不合格", FieldError(page.Html, "Input_Passed"));
        Assert.Contains("aria-invalid=\"true\"", page.Html, StringComparison.Ordinal);
        foreach (var apiName in new[] { "startDate", "endDate", "hours）", "passed）", "professionalId", "idNumber" })
        {
            Assert.DoesNotContain(apiName, page.Html, StringComparison.Ordinal);
        }

        // A person who is not in the registry under that name: one message next to the ID number, nothing written.
        var wrongName = await browser.SubmitAsync("/digital/trainings/new", TrainingForm(trainee, "BigData", "Junior", 40, name: "不是这个人"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongName.Status);
        Assert.StartsWith("人员库中没有与该身份证号和姓名都相符", FieldError(wrongName.Html, "Input_IdNumber"), StringComparison.Ordinal);
        Assert.Equal(0, (await trainee.Client.GetJsonAsync($"{Api}/trainings")).GetProperty("total").GetInt32());

        // A filter value the list refuses is explained next to the filter.
        var filtered = await browser.GetAsync("/digital/trainings?year=1999");
        Assert.Equal(HttpStatusCode.BadRequest, filtered.Status);
        Assert.Equal("年度应为 2000 至 2100 之间的年份。", FieldError(filtered.Html, "Year"));

        // The same form with good values records the training and goes to its page.
        var done = await browser.SubmitAsync("/digital/trainings/new", TrainingForm(trainee, "BigData", "Junior", 40));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Matches("^/digital/trainings/[0-9a-f-]{36}$", done.Location);
        var recorded = await trainee.Client.GetJsonAsync($"{Api}/trainings");
        Assert.Equal(1, recorded.GetProperty("total").GetInt32());
        var id = done.Location!.Split('/')[^1];
        Assert.Equal(id, recorded.GetProperty("items")[0].GetProperty("id").GetString());

        // The result filter (in the address) keeps it among the passed trainings only.
        Assert.Contains($"data-training=\"{id}\"", (await browser.GetAsync("/digital/trainings?result=passed")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain(id, (await browser.GetAsync("/digital/trainings?result=failed")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evaluation_institution_records_a_result_in_its_pages_and_the_trainee_sees_it_on_my_digital()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var training = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.Trainer]));
        var trainingId = training.GetProperty("id").GetGuid();
        var evaluator = await platform.Accounts.CreateAsync($"dg.eval.{Guid.NewGuid():N}"[..28], [PlatformRoles.ProviderStaff], platform.OrganizationCodes[DigitalEngineerPlatformFixture.Evaluator]);
        using var browser = await platform.Accounts.SignInAsync(evaluator);

        var start = await browser.GetAsync("/digital/trainings");
        Assert.Contains("href=\"/digital/evaluations/new\"", start.Html, StringComparison.Ordinal);

        // A training number that is not one is explained next to its field.
        var bad = await browser.SubmitAsync("/digital/evaluations/new", new Dictionary<string, string?>
        {
            ["Input.Training"] = "12345",
            ["Input.EvaluatedOn"] = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3)),
            ["Input.Score"] = "101",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.Status);
        Assert.StartsWith("培训记录编号是 36 位的编号", FieldError(bad.Html, "Input_Training"), StringComparison.Ordinal);
        Assert.StartsWith("评价成绩应为 0 至 100 之间的整数", FieldError(bad.Html, "Input_Score"), StringComparison.Ordinal);

        var done = await browser.SubmitAsync("/digital/evaluations/new", new Dictionary<string, string?>
        {
            ["Input.Training"] = trainingId.ToString("D"),
            ["Input.EvaluatedOn"] = Day(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3)),
            ["Input.Score"] = "75",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var evaluationId = done.Location!.Split('/')[^1];
        var shown = await browser.GetAsync(done.Location);
        Assert.Contains("已登记", shown.Html, StringComparison.Ordinal);
        Assert.Contains("颁发专业技术等级证书", shown.Html, StringComparison.Ordinal);
        var workbench = await browser.GetAsync("/workbench");
        Assert.Contains("评价通过、待颁发等级证书", workbench.Html, StringComparison.Ordinal);

        // The trainee sees it on their own page, and the API agrees.
        using var mine = await platform.Accounts.SignInAsync(trainee.Account);
        var my = await mine.GetAsync("/my/digital");
        Assert.Equal(HttpStatusCode.OK, my.Status);
        Assert.Contains($"data-evaluation=\"{evaluationId}\"", my.Html, StringComparison.Ordinal);
        Assert.Contains(DigitalEngineerPlatformFixture.Evaluator, my.Html, StringComparison.Ordinal);
        var evaluations = await trainee.Client.GetJsonAsync($"{Api}/evaluations");
        var item = Assert.Single(evaluations.GetProperty("items").EnumerateArray());
        Assert.Equal((evaluationId, trainingId.ToString("D"), 75), (item.GetProperty("id").GetString(), item.GetProperty("trainingId").GetString(), item.GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task A_claim_the_rules_refuse_is_explained_on_the_page_and_a_good_one_is_filed()
    {
        var trainee = await platform.NewTraineeAsync();
        var provider = await platform.DemoClientAsync(PlatformRoles.ProviderStaff);
        var evaluator = await platform.EvaluatorStaffAsync();
        var training = await CreatedAsync(provider, $"{Api}/trainings", Training(trainee.Id, platform.Institutions[DigitalEngineerPlatformFixture.Trainer]));
        var trainingId = training.GetProperty("id").GetGuid();
        var certificate = (await CreatedAsync(provider, $"{Api}/trainings/{trainingId:D}/certificate", new { })).GetProperty("id").GetGuid();
        var evaluation = await CreatedAsync(evaluator, $"{Api}/evaluations", Evaluation(trainingId, platform.Institutions[DigitalEngineerPlatformFixture.Evaluator]));
        var level = (await CreatedAsync(evaluator, $"{Api}/evaluations/{evaluation.GetProperty("id").GetGuid():D}/certificate", new { })).GetProperty("id").GetGuid();
        using var browser = await platform.Accounts.SignInAsync(trainee.Account);

        var my = await browser.GetAsync("/my/digital");
        Assert.Contains($"/my/digital/claims/new?certificate={certificate:D}", my.Html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/my/digital/claims/new?certificate={level:D}", my.Html, StringComparison.Ordinal);
        var workbench = await browser.GetAsync("/workbench");
        Assert.Contains("可申领职业培训补贴的证书", workbench.Html, StringComparison.Ordinal);

        // A level certificate: the rule's refusal, in Chinese, at the top of the form.
        var refused = await browser.SubmitAsync($"/my/digital/claims/new?certificate={level:D}", new Dictionary<string, string?> { ["Input.Certificate"] = level.ToString("D") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Contains("方可申领职业培训补贴", refused.Html, StringComparison.Ordinal);

        // A note that is too long: next to the note.
        var tooLong = await browser.SubmitAsync($"/my/digital/claims/new?certificate={certificate:D}", new Dictionary<string, string?>
        {
            ["Input.Certificate"] = certificate.ToString("D"),
            ["Input.Note"] = new string('补', 300),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.Status);
        Assert.Equal("申领说明最多 256 个字。", FieldError(tooLong.Html, "Input_Note"));
        Assert.DoesNotContain("note）", tooLong.Html, StringComparison.Ordinal);
        Assert.Equal(0, (await trainee.Client.GetJsonAsync($"{Api}/subsidy-claims")).GetProperty("total").GetInt32());

        // Someone else's certificate is not found.
        var stranger = await platform.NewTraineeAsync();
        using var theirs = await platform.Accounts.SignInAsync(stranger.Account);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/my/digital/claims/new?certificate={certificate:D}")).Status);

        var filed = await browser.SubmitAsync($"/my/digital/claims/new?certificate={certificate:D}", new Dictionary<string, string?>
        {
            ["Input.Certificate"] = certificate.ToString("D"),
            ["Input.Note"] = "页面申领",
        });
        Assert.Equal(HttpStatusCode.Redirect, filed.Status);
        Assert.Equal("/my/digital", filed.Location);
        var claims = await trainee.Client.GetJsonAsync($"{Api}/subsidy-claims");
        var claim = Assert.Single(claims.GetProperty("items").EnumerateArray());
        Assert.Equal((certificate.ToString("D"), "Submitted"), (claim.GetProperty("certificateId").GetString(), claim.GetProperty("status").GetString()));
        Assert.Contains("等待所在县（市、区）人社部门审核", (await browser.GetAsync("/my/digital")).Html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> TrainingForm(Trainee trainee, string field, string level, int hours, string? name = null)
    {
        var end = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
        return new Dictionary<string, string?>
        {
            ["Input.IdNumber"] = trainee.IdNumber,
            ["Input.Name"] = name ?? trainee.Name,
            ["Input.Field"] = field,
            ["Input.Level"] = level,
            ["Input.StartDate"] = Day(end.AddDays(-3)),
            ["Input.EndDate"] = Day(end),
            ["Input.Hours"] = hours.ToString(CultureInfo.InvariantCulture),
            ["Input.Passed"] = "true",
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The message next to a field (the kit's <p class="field-error" id="{field}-error">), without its hidden 「错误：」.
    private static string FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<p class=\"field-error\" id=\"{Regex.Escape(fieldId)}-error\"><span class=\"visually-hidden\">错误：</span>(?<text>[^<]*)</p>");
        Assert.True(match.Success, $"no error next to {fieldId}");
        return System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value);
    }
}
