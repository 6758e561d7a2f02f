using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.EventSubscriptions;
using KnowledgeRenewal.Kernel.Events;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Identity.Web;

/// <summary>
/// Event push administration under <c>/api/admin/event-subscriptions</c> (security administrators, ADR 0035):
/// subscriptions of integrator clients, their deliveries and the replay of dead letters.
/// </summary>
internal static class EventSubscriptionsApi
{
    public static IEndpointRouteBuilder MapEventSubscriptionsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/event-subscriptions")
            .WithTags("事件推送 (event push)")
            .RequireAuthorization(PlatformPolicies.SecurityAdministration);

        group.MapGet("/event-types", () => EventTypes.Feeds.Select(t => new { type = t.Key, feed = t.Value }))
            .WithName("ListEventTypes")
            .WithSummary("The event types a subscription can name, with the feed scope its client needs for each.");

        group.MapGet("/", (string? clientId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListEventSubscriptions(clientId), ct))
            .WithName("ListEventSubscriptions")
            .WithSummary("Event subscriptions (never their secrets), newest first, with pending and dead-lettered counts.");

        group.MapPost("/", async (CreateEventSubscription command, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct).ConfigureAwait(false);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Created($"/api/admin/event-subscriptions/{created.Subscription.Id}", created);
            })
            .WithName("CreateEventSubscription")
            .WithSummary("Subscribes an integrator client (http(s) URL, event types its scopes may read) and returns the signing secret once.");

        group.MapPost("/{id:guid}/disable", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new DisableEventSubscription(id), ct))
            .WithName("DisableEventSubscription")
            .WithSummary("Disables a subscription: nothing more is fanned out or delivered to it.");

        group.MapGet("/{id:guid}/deliveries", (Guid id, EventDeliveryStatus? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListEventDeliveries { SubscriptionId = id, Status = status, Page = page ?? 1, PageSize = pageSize ?? 50 }, ct))
            .WithName("ListEventDeliveries")
            .WithSummary("A subscription's deliveries, newest first; status=DeadLettered lists the dead letters with their last reason.");

        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", (Guid id, Guid deliveryId, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ReplayEventDelivery(id, deliveryId), ct))
            .WithName("ReplayEventDelivery")
            .WithSummary("Puts one dead-lettered delivery back in the queue with fresh attempts (same event id). 409 when it is not dead-lettered.");

        group.MapPost("/{id:guid}/replay", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ReplayDeadLetters(id), ct))
            .WithName("ReplayDeadLetters")
            .WithSummary("Puts every dead-lettered delivery of the subscription back in the queue.");

        return endpoints;
    }
}
