using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Registry.UseCases.Professionals;

/// <summary>Handles <see cref="FindMyProfessional"/> (through the caller's scope, which always includes their own record).</summary>
internal sealed class FindMyProfessionalHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<FindMyProfessional, Guid?>
{
    /// <inheritdoc />
    public async Task<Guid?> Handle(FindMyProfessional request, CancellationToken cancellationToken)
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
