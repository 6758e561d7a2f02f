using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Contracts;

/// <summary>
/// The names people are known by: histories and review trails keep the account's user name (who acted, as the API
/// answers it); pages and views show the account's display name (the person's name) beside it. The one way to turn
/// the user names of a history into people's names.
/// </summary>
public static class PeopleNames
{
    extension(PlatformDbContext db)
    {
        /// <summary>
        /// The display names of the accounts with <paramref name="userNames"/>, by user name (accounts without a display
        /// name and unknown names are left out). Read past the caller's account scope: whoever may see a history may see
        /// the names of the people in it, and nothing else of their accounts.
        /// </summary>
        public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IEnumerable<string?> userNames, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(userNames);
            var wanted = userNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).Distinct(StringComparer.Ordinal).ToList();
            if (wanted.Count == 0)
            {
                return new Dictionary<string, string>(StringComparer.Ordinal);
            }

            var names = await db.Users.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
                .Where(u => u.UserName != null && wanted.Contains(u.UserName))
                .Select(u => new { u.UserName, u.DisplayName })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return names.Where(n => !string.IsNullOrWhiteSpace(n.DisplayName)).ToDictionary(n => n.UserName!, n => n.DisplayName, StringComparer.Ordinal);
        }
    }
}
