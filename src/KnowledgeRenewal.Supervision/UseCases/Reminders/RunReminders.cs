using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>Runs the reminders now, then e-mails what is delivered and not yet mailed (the program office or the system administrator; the daily run does the same).</summary>
internal sealed record RunReminders : IRequest<ReminderRunResult>;

/// <summary>Handles <see cref="RunReminders"/>.</summary>
internal sealed class RunRemindersHandler(ReminderRunner runner, ReminderMailer mailer, ICurrentAccess access) : IRequestHandler<RunReminders, ReminderRunResult>
{
    /// <inheritdoc />
    public async Task<ReminderRunResult> Handle(RunReminders request, CancellationToken cancellationToken)
    {
        if (!access.Roles.Any(ReminderRules.Managers.Contains))
        {
            throw new PlatformException("supervision.reminders_forbidden", 403, "无权发送提醒", "提醒由市项目办或系统管理员发送。");
        }

        var run = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        var mail = await mailer.SendPendingAsync(cancellationToken).ConfigureAwait(false);
        return run with { Mailed = mail.Sent, MailFailed = mail.Failed };
    }
}
