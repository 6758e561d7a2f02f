using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>Whether the caller is the declarant of a declaration (their account is linked to its professional).</summary>
/// <param name="Id">The declaration.</param>
internal sealed record IsOwnDeclaration(Guid Id) : IRequest<bool>;

/// <summary>Handles <see cref="IsOwnDeclaration"/>: false outside the caller's scope or without an account.</summary>
internal sealed class IsOwnDeclarationHandler(PlatformDbContext db, ICurrentAccess access) : IRequestHandler<IsOwnDeclaration, bool>
{
    private static readonly string[] AccessScope = [PlatformDbContext.AccessScopeFilter];

    /// <inheritdoc />
    public async Task<bool> Handle(IsOwnDeclaration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (access.UserId is not { } userId)
        {
            return false;
        }

        // The declaration through the scope filter; its person by id (a person who moved still owns it).
        var professionalId = await db.ActivityDeclarations
            .Where(d => d.Id == request.Id)
            .Select(d => (Guid?)d.ProfessionalId)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return professionalId is not null && await db.Professionals.IgnoreQueryFilters(AccessScope)
            .AnyAsync(p => p.Id == professionalId && p.UserId == userId, cancellationToken)
            .ConfigureAwait(false);
    }
}
