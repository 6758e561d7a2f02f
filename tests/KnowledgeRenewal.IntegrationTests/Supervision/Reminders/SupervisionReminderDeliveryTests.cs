using System.Net;
using System.Text;
using System.Text.Json;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.IntegrationTests.Infrastructure;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.UseCases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;

namespace KnowledgeRenewal.IntegrationTests.Supervision.Reminders;

/// <summary>
/// Reminders through HTTP on the demo city, "today" set on supervision's deadline clock (December 5 of 2027, the
/// filing due in five days): running the reminders puts one message into the inbox of each base's staff and e-mails
/// it once to an account with an e-mail address through a local SMTP listener (127.0.0.1); running again delivers and
/// sends nothing more; a failed send is tried again on the next run and then sent once.
/// </summary>
public sealed class SupervisionReminderDeliveryTests : IAsyncLifetime
{
    private const int Year = 2027;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Year, 12, 5, 9, 0, 0, TimeSpan.FromHours(8)));
    private SimpleSmtpServer smtp = null!;
    private TestPlatform platform = null!;

    public async Task InitializeAsync()
    {
        smtp = SimpleSmtpServer.Start();
        platform = await TestPlatform.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Supervision:Email:Host"] = "127.0.0.1",
                ["Supervision:Email:Port"] = smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Supervision:Email:From"] = "noreply@jining.example.cn",
                ["Supervision:Email:SiteUrl"] = "https://jxjy.jining.example.cn",
            },
            manySignIns: true,
            testServices: services =>
            {
                services.RemoveAllKeyed<TimeProvider>(DeadlineClock.Key);
                services.AddKeyedSingleton<TimeProvider>(DeadlineClock.Key, clock);
            });
    }

    public async Task DisposeAsync()
    {
        await platform.DisposeAsync();
        smtp.Dispose();
    }

    [Fact]
    public async Task A_reminder_reaches_the_inbox_and_the_mailbox_once_however_often_the_reminders_run()
    {
        const string address = "qufu.staff@jining.example.cn";
        var staff = await StaffWithEmailAsync("曲阜师范大学", address);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        var first = await RunAsync(office);
        Assert.True(first.GetProperty("delivered").GetInt32() > 0);
        Assert.True(first.GetProperty("mailed").GetInt32() > 0);
        var second = await RunAsync(office);
        Assert.Equal(0, second.GetProperty("delivered").GetInt32());
        Assert.Equal(0, second.GetProperty("mailed").GetInt32());

        var inbox = await InboxAsync(staff);
        var message = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal("filing.due", message.GetProperty("rule").GetString());

        var mails = MailsTo(address);
        var mail = Assert.Single(mails);
        Assert.Equal($"{Year} 年度基地报送将于 {Year}-12-10 截止", mail.Subject);
        Assert.Contains("曲阜师范大学", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://jxjy.jining.example.cn/filings/{Year}/submit", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("noreply@jining.example.cn", mail.From.ToString(), StringComparison.Ordinal);

        var row = await platform.QueryAsync(db => db.InboxMessages.IgnoreQueryFilters().SingleAsync(m => m.Id == message.GetProperty("id").GetGuid()));
        Assert.NotNull(row.MailedAt);
        Assert.Equal(0, row.MailAttempts);
    }

    [Fact]
    public async Task A_send_that_fails_is_tried_again_on_the_next_run_and_then_sent_once()
    {
        const string address = "broken.address.jining.example.cn@";
        var account = await platform.Accounts.CreateAsync($"test.mail.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProviderStaff], await OrganizationCodeAsync("济宁医学院"));
        await SetEmailAsync(account.Id, address);
        var office = await platform.ClientAsync(PlatformRoles.ProgramOfficeAdmin);

        await RunAsync(office);
        var failed = await platform.QueryAsync(db => db.InboxMessages.IgnoreQueryFilters().SingleAsync(m => m.UserId == account.Id));
        Assert.Null(failed.MailedAt);
        Assert.Equal(1, failed.MailAttempts);

        const string corrected = "jnmc.staff@jining.example.cn";
        await SetEmailAsync(account.Id, corrected);
        var again = await RunAsync(office);
        Assert.Equal(0, again.GetProperty("delivered").GetInt32());
        Assert.True(again.GetProperty("mailed").GetInt32() >= 1);
        await RunAsync(office);
        Assert.Single(MailsTo(corrected));
        var sent = await platform.QueryAsync(db => db.InboxMessages.IgnoreQueryFilters().SingleAsync(m => m.UserId == account.Id));
        Assert.NotNull(sent.MailedAt);
    }

    private List<MimeMessage> MailsTo(string address) =>
        [.. smtp.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    private async Task<HttpClient> StaffWithEmailAsync(string organization, string address)
    {
        var account = await platform.Accounts.CreateAsync($"test.mail.{Guid.NewGuid():N}"[..30], [PlatformRoles.ProviderStaff], await OrganizationCodeAsync(organization));
        await SetEmailAsync(account.Id, address);
        return await platform.Accounts.SignedInClientAsync(account);
    }

    private Task SetEmailAsync(Guid userId, string address) =>
        platform.QueryAsync(async db =>
        {
            var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.Id == userId);
            user.Email = address;
            user.NormalizedEmail = address.ToUpperInvariant();
            return await db.SaveChangesAsync();
        });

    private Task<string> OrganizationCodeAsync(string name) =>
        platform.QueryAsync(db => db.Organizations.IgnoreQueryFilters().Where(o => o.Name == name).Select(o => o.Code).SingleAsync());

    private static async Task<JsonElement> RunAsync(HttpClient office)
    {
        using var run = await PlatformFixtureBase.SendAsync(office, HttpMethod.Post, "/api/reminders/run");
        return await run.ReadJsonAsync(HttpStatusCode.OK, "run reminders");
    }

    private static async Task<JsonElement> InboxAsync(HttpClient client)
    {
        using var inbox = await client.GetAsync(new Uri("/api/inbox", UriKind.Relative));
        return await inbox.ReadJsonAsync(HttpStatusCode.OK, "inbox");
    }
}
