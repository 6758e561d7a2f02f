using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>The SMTP server reminders are e-mailed through (section <c>Supervision:Email</c>); no host: nothing is e-mailed.</summary>
internal sealed class ReminderEmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Supervision:Email";

    /// <summary>The SMTP server's host name; empty: reminders stay in the inbox only.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP port.</summary>
    public int Port { get; set; } = 25;

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "noreply@localhost";

    /// <summary>The sender's name.</summary>
    public string FromName { get; set; } = "济宁市专业技术人员继续教育平台";

    /// <summary>Whether the connection is encrypted (TLS on connect for port 465, STARTTLS otherwise).</summary>
    public bool UseTls { get; set; }

    /// <summary>The SMTP account (empty: no authentication).</summary>
    public string? User { get; set; }

    /// <summary>Its password.</summary>
    public string? Password { get; set; }

    /// <summary>The platform's address as people reach it (e.g. <c>https://jxjy.example.cn</c>), for the link in the e-mail; empty: the path only.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>How many days after delivery a reminder is still e-mailed (older ones stay in the inbox only).</summary>
    public int MailWithinDays { get; set; } = 7;

    /// <summary>Whether e-mail is on (a host is configured).</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The problems of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        if (Port is < 1 or > 65535)
        {
            problems.Add($"{Section}:Port must be between 1 and 65535.");
        }

        if (Enabled && !MailboxAddress.TryParse(From, out _))
        {
            problems.Add($"{Section}:From must be an e-mail address.");
        }

        if (MailWithinDays is < 1 or > 90)
        {
            problems.Add($"{Section}:MailWithinDays must be between 1 and 90.");
        }

        return problems;
    }
}

/// <summary>What one mailing did.</summary>
/// <param name="Sent">E-mails sent now.</param>
/// <param name="Failed">E-mails that failed (tried again on the next run).</param>
internal sealed record ReminderMailResult(int Sent, int Failed);

/// <summary>
/// E-mails the reminders delivered to inboxes (after their rows are committed) to the recipients' account e-mail
/// addresses, once each: a sent message is marked <see cref="InboxMessage.MailedAt"/> right after it is sent, so a
/// repeated run sends nothing twice; a failed send counts an attempt and is tried on the next run (up to
/// <see cref="ReminderRules.MaxMailAttempts"/>, and only within <see cref="ReminderEmailOptions.MailWithinDays"/> of
/// delivery). Each e-mail carries the inbox row's id as its Message-Id, so a send repeated after a crash between
/// sending and marking is recognizable as the same message. Nothing is sent when no SMTP host is configured.
/// </summary>
internal sealed partial class ReminderMailer(PlatformDbContext db, IOptions<ReminderEmailOptions> options, [FromKeyedServices(DeadlineClock.Key)] TimeProvider clock, ILogger<ReminderMailer> logger)
{
    /// <summary>Most e-mails one run sends (the rest on the next run).</summary>
    public const int BatchSize = 500;

    /// <summary>Sends what is delivered and not yet e-mailed.</summary>
    public async Task<ReminderMailResult> SendPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return new ReminderMailResult(0, 0);
        }

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-settings.MailWithinDays);
        var pending = await db.InboxMessages.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter])
            .Where(m => m.MailedAt == null && m.ReadAt == null && m.MailAttempts < ReminderRules.MaxMailAttempts && m.CreatedAt >= since)
            .Join(db.Users.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).Where(u => !u.IsDisabled && u.Email != null && u.Email != ""),
                m => m.UserId, u => u.Id, (m, u) => new { Message = m, u.Email, u.DisplayName })
            .OrderBy(x => x.Message.CreatedAt).ThenBy(x => x.Message.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return new ReminderMailResult(0, 0);
        }

        using var smtp = new SmtpClient();
        try
        {
            var security = !settings.UseTls ? SecureSocketOptions.None : settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await smtp.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await smtp.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The server is out of reach: nothing was sent; every message is tried again on the next run.
            Unreachable(logger, settings.Host!, settings.Port, error);
            return new ReminderMailResult(0, pending.Count);
        }

        int sent = 0, failed = 0;
        foreach (var item in pending)
        {
            var message = item.Message;
            try
            {
                using var mail = Compose(settings, message, item.Email!, item.DisplayName);
                await smtp.SendAsync(mail, cancellationToken).ConfigureAwait(false);
                message.MailedAt = clock.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                message.MailAttempts++;
                failed++;
                SendFailed(logger, message.Id, EmailMask.Mask(item.Email!), message.MailAttempts, error);
            }

            // Recorded at once: a crash after this message repeats nothing sent before it.
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await smtp.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
        Mailed(logger, sent, failed);
        return new ReminderMailResult(sent, failed);
    }

    /// <summary>The e-mail of one inbox message (Chinese subject and text, the deadline and the link).</summary>
    public static MimeMessage Compose(ReminderEmailOptions settings, InboxMessage message, string address, string? name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(message);
        var link = string.IsNullOrWhiteSpace(settings.SiteUrl) ? message.Link : settings.SiteUrl.TrimEnd('/') + message.Link;
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.Id:N}@reminders.knowledge-renewal",
            Body = new TextPart("plain")
            {
                Text = $"{(string.IsNullOrWhiteSpace(name) ? "您好" : name + "，您好")}：\n\n{message.Body}\n\n截止日期：{ChinaTime.Format(message.DueOn)}\n办理入口：{link}\n\n本邮件由平台自动发送，提醒也已放入您在平台的“我的提醒”。\n",
            },
        };
        mail.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mail.To.Add(new MailboxAddress(name ?? "", address));
        return mail;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The SMTP server {Host}:{Port} is out of reach; reminders are e-mailed on the next run.")]
    private static partial void Unreachable(ILogger logger, string host, int port, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mailing reminder {Message} to {Address} failed (attempt {Attempt}); it is tried again on the next run.")]
    private static partial void SendFailed(ILogger logger, Guid message, string address, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders e-mailed: {Sent} sent, {Failed} failed.")]
    private static partial void Mailed(ILogger logger, int sent, int failed);
}

/// <summary>E-mail addresses as shown in outputs and logs: the first letter of the mailbox, the domain (<c>z***@example.cn</c>).</summary>
internal static class EmailMask
{
    /// <summary>The masked address.</summary>
    public static string Mask(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }
}
