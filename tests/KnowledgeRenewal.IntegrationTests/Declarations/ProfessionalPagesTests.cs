using System.Globalization;
using System.Net;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using static KnowledgeRenewal.IntegrationTests.Declarations.DeclarationRequests;

namespace KnowledgeRenewal.IntegrationTests.Declarations;

/// <summary>
/// The professional's own pages (我的学时, 我的学时证明, 我的信息) over HTTP: each person sees only their own records, and other
/// roles are refused (403 page) — the same scope as the API, for the caller's own record only.
/// </summary>
[Collection(DeclarationPlatform.Name)]
public sealed class ProfessionalPagesTests(DeclarationPlatformFixture platform)
{
    private static readonly string[] MyPages = ["/my/hours", "/my/hours/transcript", "/my/certificates", "/my/profile"];

    [Fact]
    public async Task A_professional_sees_their_own_records_and_never_another_persons()
    {
        var me = await platform.NewDeclarantAsync(platform.E1);
        var other = await platform.NewDeclarantAsync(platform.E3);
        var title = $"仅本人可见的年会{Guid.NewGuid():N}"[..20];
        await DeclaredAsync(other.Client, Conference(title));
        await DeclaredAsync(me.Client, Conference("本人参加的年会"));
        var year = DateTime.Parse(Conference()["endDate"], CultureInfo.InvariantCulture).Year;

        using var mine = await platform.Accounts.SignInAsync(me.Account);
        using var theirs = await platform.Accounts.SignInAsync(other.Account);

        var myHours = await mine.GetAsync($"/my/hours?year={year}");
        Assert.Equal(HttpStatusCode.OK, myHours.Status);
        Assert.Contains("本人参加的年会", myHours.Html, StringComparison.Ordinal);
        Assert.Contains("待审核", myHours.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(title, myHours.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.IdNumber, myHours.Html, StringComparison.Ordinal);

        var theirHours = await theirs.GetAsync($"/my/hours?year={year}");
        Assert.Contains(title, theirHours.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("本人参加的年会", theirHours.Html, StringComparison.Ordinal);

        // My data, masked as the API masks it; the other person's never.
        var profile = await mine.GetAsync("/my/profile");
        Assert.Equal(HttpStatusCode.OK, profile.Status);
        Assert.Contains(me.IdNumber[..4] + "**", profile.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(me.IdNumber, profile.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(other.IdNumber, profile.Html, StringComparison.Ordinal);
        Assert.Contains("/account/two-factor", profile.Html, StringComparison.Ordinal);
        Assert.Contains("申报测试人", profile.Html, StringComparison.Ordinal);

        foreach (var (browser, stranger) in new[] { (mine, other), (theirs, me) })
        {
            var certificates = await browser.GetAsync("/my/certificates");
            Assert.Equal(HttpStatusCode.OK, certificates.Status);
            Assert.DoesNotContain(stranger.Id.ToString("D"), certificates.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(stranger.IdNumber, certificates.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_year_outside_the_ledger_is_explained_next_to_the_year_not_a_crash()
    {
        var me = await platform.NewDeclarantAsync(platform.E1);
        using var browser = await platform.Accounts.SignInAsync(me.Account);

        var page = await browser.GetAsync("/my/hours?year=2999");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("<title>错误：", page.Html, StringComparison.Ordinal);
        Assert.Contains("年度应在", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("（year）", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_that_is_not_a_number_is_said_in_Chinese()
    {
        var me = await platform.NewDeclarantAsync(platform.E1);
        using var browser = await platform.Accounts.SignInAsync(me.Account);

        var page = await browser.GetAsync("/my/hours?year=abc");

        Assert.Contains("class=\"error-summary\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("所填的值格式不对", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("The value", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_roles_get_the_403_page_and_visitors_the_sign_in_page()
    {
        var hr = await platform.Accounts.CreateAsync($"my.hr.{Guid.NewGuid():N}"[..28], [PlatformRoles.EmployerHr], platform.E1.Code);
        var county = await platform.Accounts.CreateAsync($"my.county.{Guid.NewGuid():N}"[..28], [PlatformRoles.CountyAdmin], "CB-370811");
        using var anonymous = new WebBrowser(platform.Factory);

        foreach (var account in new[] { hr, county })
        {
            using var browser = await platform.Accounts.SignInAsync(account);
            foreach (var address in MyPages)
            {
                var refused = await browser.GetAsync(address);
                Assert.True(refused.Status == HttpStatusCode.Redirect && refused.LocationPath == "/account/denied", $"{account.UserName} {address}: {(int)refused.Status} {refused.Location}");
                Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(refused.Location!)).Status);
            }
        }

        foreach (var address in MyPages)
        {
            var redirected = await anonymous.GetAsync(address);
            Assert.Equal(HttpStatusCode.Redirect, redirected.Status);
            Assert.Equal("/account/login", redirected.LocationPath);
        }
    }
}
