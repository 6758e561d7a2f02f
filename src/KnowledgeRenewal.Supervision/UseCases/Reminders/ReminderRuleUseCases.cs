using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Contracts;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Reminders;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeRenewal.Supervision.UseCases.Reminders;

/// <summary>One rule as the program office sees it: every source's rule, with its row's settings or the defaults.</summary>
/// <param name="Key">The rule's key.</param>
/// <param name="Label">Its name.</param>
/// <param name="Enabled">Whether sent.</param>
/// <param name="LeadDays">Days before the deadline.</param>
/// <param name="UpdatedAt">Changed last (UTC), if ever.</param>
/// <param name="UpdatedByName">By whom.</param>
internal sealed record ReminderRuleView(string Key, string Label, bool Enabled, int LeadDays, DateTime? UpdatedAt, string? UpdatedByName);

/// <summary>Every reminder rule (the program office and the system administrator).</summary>
internal sealed record ListReminderRules : IRequest<IReadOnlyList<ReminderRuleView>>;

/// <summary>Handles <see cref="ListReminderRules"/>.</summary>
internal sealed class ListReminderRulesHandler(PlatformDbContext db, IEnumerable<IReminderSource> sources) : IRequestHandler<ListReminderRules, IReadOnlyList<ReminderRuleView>>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderRuleView>> Handle(ListReminderRules request, CancellationToken cancellationToken)
    {
        var rows = await db.ReminderRules.AsNoTracking().ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        return [.. sources.OrderBy(s => s.Rule, StringComparer.Ordinal).Select(s => rows.GetValueOrDefault(s.Rule) is { } r
            ? new ReminderRuleView(s.Rule, s.Label, r.Enabled, r.LeadDays, r.UpdatedAt, r.UpdatedByName)
            : new ReminderRuleView(s.Rule, s.Label, true, ReminderRules.DefaultLeadDays, null, null))];
    }
}

/// <summary>A rule's settings.</summary>
/// <param name="Enabled">Whether sent.</param>
/// <param name="LeadDays">Days before the deadline (0–90).</param>
internal sealed record ReminderRuleInput(bool? Enabled, int? LeadDays);

/// <summary>The program office or the system administrator changes a rule (404 for a key no source has).</summary>
/// <param name="Key">The rule.</param>
/// <param name="Input">Its settings.</param>
internal sealed record SetReminderRule(string Key, ReminderRuleInput Input) : IRequest<ReminderRuleView>;

/// <summary>Checks the settings.</summary>
internal sealed class SetReminderRuleValidator : AbstractValidator<SetReminderRule>
{
    /// <summary>Creates the validator.</summary>
    public SetReminderRuleValidator()
    {
        RuleFor(s => s.Input.Enabled).NotNull().OverridePropertyName("enabled").WithErrorCode("required").WithMessage("请选择是否发送这类提醒。");
        RuleFor(s => s.Input.LeadDays).NotNull().OverridePropertyName("leadDays").WithErrorCode("required").WithMessage("请输入提前天数。");
        RuleFor(s => s.Input.LeadDays).InclusiveBetween(0, ReminderRules.MaxLeadDays).OverridePropertyName("leadDays")
            .WithErrorCode("out_of_range").WithMessage($"提前天数应在 0 至 {ReminderRules.MaxLeadDays} 天之间。");
    }
}

/// <summary>Handles <see cref="SetReminderRule"/>.</summary>
internal sealed class SetReminderRuleHandler(PlatformDbContext db, IEnumerable<IReminderSource> sources, ICurrentAccess access, IAuditActorProvider actors, [FromKeyedServices(DeadlineClock.Key)] TimeProvider clock)
    : IRequestHandler<SetReminderRule, ReminderRuleView>
{
    /// <inheritdoc />
    public async Task<ReminderRuleView> Handle(SetReminderRule request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!access.Roles.Any(ReminderRules.Managers.Contains))
        {
            throw new PlatformException("supervision.reminders_forbidden", 403, "无权修改提醒规则", "提醒规则由市项目办或系统管理员设置。");
        }

        var source = sources.FirstOrDefault(s => string.Equals(s.Rule, request.Key, StringComparison.Ordinal))
            ?? throw new PlatformException("supervision.reminder_rule_not_found", 404, "找不到这条提醒规则", $"没有名为 {request.Key} 的提醒规则。");
        var rule = await db.ReminderRules.FirstOrDefaultAsync(r => r.Key == source.Rule, cancellationToken).ConfigureAwait(false);
        if (rule is null)
        {
            rule = new ReminderRule { Key = source.Rule };
            db.ReminderRules.Add(rule);
        }

        rule.Enabled = request.Input.Enabled!.Value;
        rule.LeadDays = request.Input.LeadDays!.Value;
        rule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        rule.UpdatedByName = actors.Current.Name;
        rule.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ReminderRuleView(rule.Key, source.Label, rule.Enabled, rule.LeadDays, rule.UpdatedAt, rule.UpdatedByName);
    }
}
