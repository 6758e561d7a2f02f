using System.Globalization;
using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.IntegrationTests.Registry;
using KnowledgeRenewal.Sdk;
using Microsoft.EntityFrameworkCore;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;

namespace KnowledgeRenewal.IntegrationTests.Ledger;

/// <summary>
/// The outside probe's bad input against hand-recorded hours: enum numbers outside their sets and free text with
/// control or bidirectional characters never reach the ledger; they answer a 400 naming the field in Chinese.
/// </summary>
[Collection(RegistryPlatform.Name)]
public sealed class LedgerInputTests(RegistryPlatformFixture platform)
{
    private static readonly string LastYearDay = new DateOnly(DateTime.UtcNow.Year - 1, 6, 30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("\"category\":999", "category")]
    [InlineData("\"category\":\"999\"", "category")]
    [InlineData("\"category\":-1", "category")]
    [InlineData("\"category\":\"Public, Professional\"", "category")]
    [InlineData("\"category\":\"Public\",\"activity\":-7", "activity")]
    [InlineData("\"category\":\"Public\",\"unit\":42", "unit")]
    [InlineData("\"category\":\"Public\",\"source\":77", "source")]
    public async Task A_number_outside_an_enum_is_refused_naming_the_field_and_nothing_is_recorded(string fields, string field)
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A2);

        using var response = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, "/api/credit-records", Body(person.Id, fields));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal(field, error.Field);
        Assert.Equal("invalid_enum", error.Code);
        Assert.Contains($"“{field}”", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.CreditRecords.CountAsync(r => r.ProfessionalId == person.Id)));
    }

    [Fact]
    public async Task Enum_members_are_accepted_by_name_in_any_case_or_by_their_number()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A2);

        using var byName = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, "/api/credit-records", Body(person.Id, "\"category\":\"public\",\"activity\":\"OnlineLearning\""));
        var named = await byName.ReadJsonAsync(HttpStatusCode.Created, "by name");
        Assert.Equal("Public", named.GetProperty("category").GetString());
        Assert.Equal("OnlineLearning", named.GetProperty("activity").GetString());

        using var byNumber = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, "/api/credit-records", Body(person.Id, $"\"category\":{(int)CreditCategory.Professional}"));
        var numbered = await byNumber.ReadJsonAsync(HttpStatusCode.Created, "by number");
        Assert.Equal("Professional", numbered.GetProperty("category").GetString());
        Assert.Equal("专业科目", numbered.GetProperty("categoryLabel").GetString());
    }

    [Theory]
    [InlineData("probe\\u0000", "U+0000")]
    [InlineData("probe\\u202E", "U+202E")]
    [InlineData("probe\\u2066", "U+2066")]
    [InlineData("line\\r\\nbreak", "U+000D")]
    [InlineData("esc\\u001B[31m", "U+001B")]
    public async Task A_title_with_control_or_bidirectional_characters_is_refused_and_nothing_is_recorded(string title, string codePoint)
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A2);

        using var response = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, "/api/credit-records", Body(person.Id, $"\"category\":\"Public\",\"title\":\"{title}\""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal("title", error.Field);
        Assert.Equal("invalid_character", error.Code);
        Assert.Contains(codePoint, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.CreditRecords.CountAsync(r => r.ProfessionalId == person.Id)));
    }

    [Fact]
    public async Task A_note_may_span_lines_but_holds_no_other_control_character()
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);
        var person = await platform.RegisterAsync(county, platform.A2);

        using var lines = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, "/api/credit-records", Body(person.Id, "\"category\":\"Public\",\"note\":\"第一行\\r\\n第二行\\t备注\""));
        var record = await lines.ReadJsonAsync(HttpStatusCode.Created, "multi-line note");
        Assert.Equal("第一行\r\n第二行\t备注", await platform.QueryAsync(db => db.CreditRecords.Where(r => r.Id == record.GetProperty("id").GetGuid()).Select(r => r.ReviewReason).SingleAsync()));

        using var nul = await RegistryPlatformFixture.SendAsync(county, HttpMethod.Post, "/api/credit-records", Body(person.Id, "\"category\":\"Public\",\"note\":\"第一行\\n\\u0000\""));
        var problem = await nul.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("note", Assert.Single(problem.FieldErrors).Field);
    }

    [Theory]
    [InlineData("status=999", "status")]
    [InlineData("source=-1", "source")]
    [InlineData("status=Approved&source=12", "source")]
    public async Task A_query_filter_outside_its_enum_is_refused_naming_the_parameter(string query, string field)
    {
        var county = await platform.ClientAsync(PlatformRoles.CountyAdmin);

        using var response = await county.GetAsync(new Uri("/api/credit-records?" + query, UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal(field, error.Field);
        Assert.Equal("invalid_enum", error.Code);
    }

    private static string Body(Guid professionalId, string fields)
    {
        var title = fields.Contains("\"title\"", StringComparison.Ordinal) ? "" : "\"title\":\"输入规则测试\",";
        var body = $"{{\"professionalId\":\"{professionalId}\",\"date\":\"{LastYearDay}\",\"amount\":2,{title}{fields}}}";
        using var check = JsonDocument.Parse(body);
        return body;
    }
}
