using KnowledgeRenewal.Kernel.Application;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Filings;

/// <summary>One filing with its history and its entity tag (404 outside the caller's scope).</summary>
/// <param name="Id">The filing.</param>
internal sealed record GetFiling(Guid Id) : IRequest<Versioned<FilingView>>;

/// <summary>Handles <see cref="GetFiling"/>.</summary>
internal sealed class GetFilingHandler(FilingDesk desk) : IRequestHandler<GetFiling, Versioned<FilingView>>
{
    /// <inheritdoc />
    public Task<Versioned<FilingView>> Handle(GetFiling request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return desk.ViewAsync(request.Id, cancellationToken);
    }
}
