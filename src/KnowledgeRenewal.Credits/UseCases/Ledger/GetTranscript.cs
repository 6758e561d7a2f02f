using KnowledgeRenewal.Kernel.Persistence;
using MediatR;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>A person's transcript (404 when the caller may not see the person).</summary>
/// <param name="ProfessionalId">The professional.</param>
internal sealed record GetTranscript(Guid ProfessionalId) : IRequest<TranscriptView>;

/// <summary>Handles <see cref="GetTranscript"/>.</summary>
internal sealed class GetTranscriptHandler(PlatformDbContext db) : IRequestHandler<GetTranscript, TranscriptView>
{
    /// <inheritdoc />
    public Task<TranscriptView> Handle(GetTranscript request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TranscriptViews.BuildAsync(db, request.ProfessionalId, cancellationToken);
    }
}
