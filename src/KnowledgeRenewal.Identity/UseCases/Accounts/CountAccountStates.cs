using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.UseCases.Accounts;

/// <summary>How many accounts are disabled, locked out now, or still wait for their first password change (security administrators' workbench).</summary>
internal sealed record CountAccountStates : IRequest<AccountStateCounts>;

/// <summary>Account counts by state.</summary>
/// <param name="Total">Every account.</param>
/// <param name="Disabled">Disabled accounts.</param>
/// <param name="LockedOut">Accounts locked out right now (after repeated failed sign-ins).</param>
/// <param name="MustChangePassword">Accounts still holding a one-time password.</param>
internal sealed record AccountStateCounts(int Total, int Disabled, int LockedOut, int MustChangePassword);

/// <summary>Handles <see cref="CountAccountStates"/> in the database (within the caller's scope: security administrators see every account).</summary>
internal sealed class CountAccountStatesHandler(PlatformDbContext db, TimeProvider clock) : IRequestHandler<CountAccountStates, AccountStateCounts>
{
    /// <inheritdoc />
    public async Task<AccountStateCounts> Handle(CountAccountStates request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IQueryable<PlatformUser> users = db.Users.AsNoTracking();
        var total = await users.CountAsync(cancellationToken).ConfigureAwait(false);
        var disabled = await users.CountAsync(u => u.IsDisabled, cancellationToken).ConfigureAwait(false);
        // Lockout ends are compared here, not in SQL: SQLite cannot compare DateTimeOffset values (few rows have one).
        var lockoutEnds = await users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(cancellationToken).ConfigureAwait(false);
        var locked = lockoutEnds.Count(end => end > now);
        var pending = await users.CountAsync(u => u.MustChangePassword && !u.IsDisabled, cancellationToken).ConfigureAwait(false);
        return new AccountStateCounts(total, disabled, locked, pending);
    }
}
