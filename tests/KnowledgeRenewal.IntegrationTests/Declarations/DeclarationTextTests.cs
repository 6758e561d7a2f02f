using System.Net;
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
/// Free text of a declaration — its multipart fields and its reviews' JSON — follows the platform's one rule: no
/// control or bidirectional characters; the description and comments may span lines.
/// </summary>
[Collection(DeclarationPlatform.Name)]
public sealed class DeclarationTextTests(DeclarationPlatformFixture platform)
{
    [Theory]
    [InlineData("title", "学术年会\u202Efdp.exe", "U+202E")]
    [InlineData("organizer", "济宁市医学会\u0000", "U+0000")]
    [InlineData("title", "学术\r\n年会", "U+000D")]
    [InlineData("description", "参会\u0007说明", "U+0007")]
    public async Task A_multipart_field_with_a_forbidden_character_is_refused_naming_it_and_nothing_is_stored(string field, string value, string codePoint)
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var fields = Conference();
        fields[field] = value;

        using var response = await DeclareAsync(person.Client, fields);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal((field, "invalid_character"), (error.Field, error.Code));
        Assert.Contains(codePoint, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await platform.QueryAsync(db => db.ActivityDeclarations.CountAsync(d => d.ProfessionalId == person.Id)));
    }

    [Fact]
    public async Task A_description_may_span_lines()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var fields = Conference();
        fields["description"] = "第一天：开幕式\r\n第二天：分会场\t报告";

        var (_, id, _) = await DeclaredAsync(person.Client, fields);

        Assert.Equal("第一天：开幕式\r\n第二天：分会场\t报告", await platform.QueryAsync(db => db.ActivityDeclarations.Where(d => d.Id == id).Select(d => d.Description).SingleAsync()));
    }

    [Fact]
    public async Task A_review_comment_with_a_bidirectional_override_is_refused_and_the_declaration_stays_undecided()
    {
        var person = await platform.NewDeclarantAsync(platform.E1);
        var (_, id, etag) = await DeclaredAsync(person.Client);
        var hr = await platform.ClientAsync(PlatformRoles.EmployerHr, platform.E1.Code);

        using var response = await ActAsync(hr, id, "employer-review", Reject("材料不全\u202E"), etag);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        Assert.Equal("comment", Assert.Single(problem.FieldErrors).Field);
        Assert.Equal(etag, await ETagAsync(person.Client, id));
    }
}
