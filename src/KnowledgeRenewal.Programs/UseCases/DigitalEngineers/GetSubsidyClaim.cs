using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>One claim with its trail and its ETag (404 outside the caller's scope).</summary>
/// <param name="Id">The claim.</param>
internal sealed record GetSubsidyClaim(Guid Id) : IRequest<Versioned<SubsidyClaimView>>;

/// <summary>Handles <see cref="GetSubsidyClaim"/>.</summary>
internal sealed class GetSubsidyClaimHandler(PlatformDbContext db) : IRequestHandler<GetSubsidyClaim, Versioned<SubsidyClaimView>>
{
    /// <inheritdoc />
    public Task<Versioned<SubsidyClaimView>> Handle(GetSubsidyClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SubsidyClaimStore.ViewAsync(db, request.Id, cancellationToken);
    }
}
