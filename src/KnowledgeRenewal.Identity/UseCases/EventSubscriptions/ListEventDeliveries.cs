using Ardalis.Specification;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.EventSubscriptions;

/// <summary>A subscription's deliveries, newest first, optionally of one status (e.g. the dead letters).</summary>
internal sealed record ListEventDeliveries : IRequest<Paged<EventDeliveryView>>
{
    /// <summary>The subscription.</summary>
    public Guid SubscriptionId { get; init; }

    /// <summary>Only this status, when given.</summary>
    public EventDeliveryStatus? Status { get; init; }

    /// <summary>Page, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Page size.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>Checks the paging.</summary>
internal sealed class ListEventDeliveriesValidator : AbstractValidator<ListEventDeliveries>
{
    /// <summary>Creates the validator.</summary>
    public ListEventDeliveriesValidator()
    {
        RuleFor(r => r.Page).ValidPage();
        RuleFor(r => r.PageSize).ValidPageSize();
    }
}

/// <summary>The deliveries of one subscription, of one status when given, newest first.</summary>
internal sealed class EventDeliveriesMatching : Specification<EventDelivery>
{
    public EventDeliveriesMatching(ListEventDeliveries request)
    {
        Query.Where(d => d.SubscriptionId == request.SubscriptionId);
        if (request.Status is { } status)
        {
            Query.Where(d => d.Status == status);
        }

        Query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id);
    }
}

/// <summary>Handles <see cref="ListEventDeliveries"/> (404 for an unknown subscription).</summary>
internal sealed class ListEventDeliveriesHandler(PlatformDbContext db) : IRequestHandler<ListEventDeliveries, Paged<EventDeliveryView>>
{
    /// <inheritdoc />
    public async Task<Paged<EventDeliveryView>> Handle(ListEventDeliveries request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Set<EventSubscription>().AnyAsync(s => s.Id == request.SubscriptionId, cancellationToken).ConfigureAwait(false))
        {
            throw new NotFoundException("事件订阅", request.SubscriptionId);
        }

        return await db.Set<EventDelivery>().AsNoTracking().ToPagedAsync(new EventDeliveriesMatching(request), request.Page, request.PageSize,
            rows => rows.Select(d => new EventDeliveryView(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.NextAttemptAt, d.LastError, d.CreatedAt, d.DeliveredAt, d.DeadLetteredAt, d.Replays)),
            cancellationToken).ConfigureAwait(false);
    }
}
