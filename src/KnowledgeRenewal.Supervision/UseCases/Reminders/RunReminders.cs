using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>Runs the reminders now (the program office or the system administrator; the daily run does the same).</summary>
internal sealed record RunReminders : IRequest<ReminderRunResult>;

/// <summary>Handles <see cref="RunReminders"/>.</summary>
internal sealed class RunRemindersHandler(ReminderRunner runner, ICurrentAccess access) : IRequestHandler<RunReminders, ReminderRunResult>
{
    /// <inheritdoc />
    public Task<ReminderRunResult> Handle(RunReminders request, CancellationToken cancellationToken)
    {
        if (!access.Roles.Any(ReminderRules.Managers.Contains))
        {
            throw new PlatformException("supervision.reminders_forbidden", 403, "无权发送提醒", "提醒由市项目办或系统管理员发送。");
        }

        return runner.RunAsync(cancellationToken);
    }
}
