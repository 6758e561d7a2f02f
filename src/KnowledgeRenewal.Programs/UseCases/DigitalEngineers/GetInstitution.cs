using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using MediatR;

namespace KnowledgeRenewal.Programs.UseCases.DigitalEngineers;

/// <summary>One catalog entry with its ETag.</summary>
/// <param name="Id">The entry.</param>
internal sealed record GetInstitution(Guid Id) : IRequest<Versioned<InstitutionView>>;

/// <summary>Handles <see cref="GetInstitution"/>.</summary>
internal sealed class GetInstitutionHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<GetInstitution, Versioned<InstitutionView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InstitutionView>> Handle(GetInstitution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var institution = await DigitalReaders.InstitutionAsync(db, request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw DigitalEngineerViews.NotFound("机构目录条目", request.Id);
        return new(DigitalEngineerViews.Institution(institution, ProgramCalendar.Today(clock)), institution.ConcurrencyStamp);
    }
}
