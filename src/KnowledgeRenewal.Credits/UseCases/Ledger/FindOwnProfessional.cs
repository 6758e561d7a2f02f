using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Ledger;

/// <summary>
/// The caller's own professional record (their account is linked to it), for the "my" pages: null when the caller
/// holds none (an account not yet linked to a person in the registry).
/// </summary>
internal sealed record FindOwnProfessional : IRequest<Guid?>;

/// <summary>Handles <see cref="FindOwnProfessional"/> (through the caller's scope, which always includes their own record).</summary>
internal sealed class FindOwnProfessionalHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<FindOwnProfessional, Guid?>
{
    /// <inheritdoc />
    public async Task<Guid?> Handle(FindOwnProfessional request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (access.UserId is not { } userId)
        {
            return null;
        }

        return await db.Professionals.AsNoTracking()
            .Where(p => p.UserId == userId)
            .OrderBy(p => p.Id)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
