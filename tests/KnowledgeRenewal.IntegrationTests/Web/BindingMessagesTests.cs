using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.IntegrationTests.Web;

/// <summary>
/// A value the binder cannot read (<c>?year=abc</c>) is said in Chinese: on a page next to the filter and in the error
/// summary, in the API as a validation problem naming the parameter — never ASP.NET's English.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class BindingMessagesTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_page_says_in_Chinese_that_a_query_value_is_not_valid()
    {
        var county = await platform.Accounts.CreateAsync($"t.bind.county.{Guid.NewGuid():N}"[..28], [PlatformRoles.CountyAdmin], "CB-370811");
        using var browser = await platform.Accounts.SignInAsync(county);

        var page = await browser.GetAsync("/classes?year=abc");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("class=\"error-summary\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("所填的值格式不对", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("is invalid", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_API_endpoint_names_the_parameter_and_says_it_in_Chinese()
    {
        var client = await platform.ClientAsync(PlatformRoles.CountyAdmin);

        using var response = await client.GetAsync(new Uri("/api/classes?year=abc", UriKind.Relative));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);
        var error = Assert.Single(problem.FieldErrors);
        Assert.Equal("year", error.Field);
        Assert.Equal("invalid_value", error.Code);
        Assert.Contains("所填的值格式不对", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to bind", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("abc", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
