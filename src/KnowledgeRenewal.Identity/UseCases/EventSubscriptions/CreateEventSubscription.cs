using System.Security.Cryptography;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>Subscribes an integrator client to events. Only these fields are read from the request.</summary>
internal sealed record CreateEventSubscription : IRequest<EventSubscriptionWithSecret>
{
    /// <summary>The integrator client's id.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The receiver: an absolute http or https URL.</summary>
    public string Url { get; init; } = "";

    /// <summary>Event types (see <see cref="Kernel.Events.EventTypes.All"/>).</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
}

/// <summary>A new subscription and its signing secret, shown this once.</summary>
/// <param name="Subscription">The subscription.</param>
/// <param name="Secret">The HMAC secret the receiver verifies signatures with.</param>
internal sealed record EventSubscriptionWithSecret(EventSubscriptionView Subscription, string Secret);

/// <summary>Checks a new subscription.</summary>
internal sealed class CreateEventSubscriptionValidator : AbstractValidator<CreateEventSubscription>
{
    /// <summary>Creates the validator.</summary>
    public CreateEventSubscriptionValidator()
    {
        RuleFor(s => s.ClientId).NotEmpty().WithErrorCode("required").WithMessage("请填写对接系统的客户端标识（clientId）。");
        RuleFor(s => s.Url).NotEmpty().WithErrorCode("required").WithMessage("请填写接收地址（url）。")
            .MaximumLength(500).WithErrorCode("too_long").WithMessage("接收地址最多 500 个字符。")
            .Must(EventSubscriptionRules.IsReceiverUrl).When(s => !string.IsNullOrEmpty(s.Url))
            .WithErrorCode(EventSubscriptionRules.InvalidUrl).WithMessage("接收地址应为以 http:// 或 https:// 开头的完整网址，且不含用户名和密码。");
        RuleFor(s => s.EventTypes).NotEmpty().WithErrorCode("required").WithMessage($"事件类型（eventTypes）至少选择一个：{string.Join("、", Kernel.Events.EventTypes.All)}。");
        RuleForEach(s => s.EventTypes).Must(t => t is not null && Kernel.Events.EventTypes.Feeds.ContainsKey(t))
            .WithErrorCode(EventSubscriptionRules.UnknownEventType).WithMessage((_, type) => $"事件类型“{type}”不存在；可选：{string.Join("、", Kernel.Events.EventTypes.All)}。");
    }
}

/// <summary>The rules and problem codes of event subscriptions.</summary>
internal static class EventSubscriptionRules
{
    /// <summary>The URL is not an absolute http(s) URL.</summary>
    public const string InvalidUrl = "event_subscription.invalid_url";

    /// <summary>An event type is not one of <see cref="EventTypes.All"/>.</summary>
    public const string UnknownEventType = "event_subscription.unknown_event_type";

    /// <summary>The client is not granted the feed scope an event type needs.</summary>
    public const string ScopeNotGranted = "event_subscription.scope_not_granted";

    /// <summary>Whether <paramref name="url"/> is an absolute http(s) URL without user information.</summary>
    public static bool IsReceiverUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0;

    /// <summary>The feed scopes granted to an OpenIddict application.</summary>
    public static async Task<HashSet<string>> ScopesAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken).ConfigureAwait(false);
        return [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..])];
    }
}

/// <summary>
/// Handles <see cref="CreateEventSubscription"/>: the client must exist (404) and hold the feed scope of every event
/// type (400 <see cref="EventSubscriptionRules.ScopeNotGranted"/>); a 256-bit secret is generated, kept encrypted and
/// returned once. Audited as <see cref="AuditActions.EventSubscriptionChanged"/>.
/// </summary>
internal sealed class CreateEventSubscriptionHandler(
    PlatformDbContext db, IOpenIddictApplicationManager applications, IDataProtectionProvider protection, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<CreateEventSubscription, EventSubscriptionWithSecret>
{
    /// <summary>The data protection purpose of subscription secrets.</summary>
    internal const string Purpose = "KnowledgeRenewal.EventPush.SubscriptionSecret";

    /// <inheritdoc />
    public async Task<EventSubscriptionWithSecret> Handle(CreateEventSubscription request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var application = await applications.FindByClientIdAsync(request.ClientId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("客户端", request.ClientId);
        var scopes = await EventSubscriptionRules.ScopesAsync(applications, application, cancellationToken).ConfigureAwait(false);
        var types = request.EventTypes.Distinct(StringComparer.Ordinal).ToArray();
        var missing = types.Where(t => !scopes.Contains(EventTypes.Feeds[t])).ToArray();
        if (missing.Length > 0)
        {
            throw new PlatformException(EventSubscriptionRules.ScopeNotGranted, 400, "请求有误",
                $"客户端“{request.ClientId}”没有读取这些事件所需的授权范围：{string.Join("、", missing.Select(t => $"{t}（需要 {EventTypes.Feeds[t]}）"))}。",
                [new FieldError("eventTypes", EventSubscriptionRules.ScopeNotGranted, "对接系统只能订阅其授权范围可读取的数据的事件。")]);
        }

        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var subscription = new EventSubscription
        {
            ClientId = request.ClientId,
            Url = request.Url.Trim(),
            EventTypes = string.Join(",", types),
            ProtectedSecret = protection.CreateProtector(Purpose).Protect(secret),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEvent(AuditActions.EventSubscriptionChanged, AuditOutcome.Success, "EventSubscription", subscription.Id.ToString(),
                $"created; client={request.ClientId}; types={subscription.EventTypes}"),
            cancellationToken).ConfigureAwait(false);
        return new EventSubscriptionWithSecret(EventSubscriptionView.Of(subscription, 0, 0), secret);
    }
}
