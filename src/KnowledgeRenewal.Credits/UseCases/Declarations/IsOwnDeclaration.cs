using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Credits.Demo;
using KnowledgeRenewal.Credits.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Credits.Contracts;
namespace KnowledgeRenewal.Credits.UseCases.Declarations;

/// <summary>Whether the caller is the declarant of a declaration (their account is linked to its professional).</summary>
/// <param name="Id">The declaration.</param>
public sealed record IsOwnDeclaration(Guid Id) : IRequest<bool>;

/// <summary>Handles <see cref="IsOwnDeclaration"/>: false outside the caller's scope or without an account.</summary>
public sealed class IsOwnDeclarationHandler(PlatformDbContext db, DeclarationAccess access) : IRequestHandler<IsOwnDeclaration, bool>
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
