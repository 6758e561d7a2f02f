using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Identifiers;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Sdk;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Demo;

/// <summary>
/// Demo data: one account per role (<see cref="DemoAccounts"/>), with the shared demo password, enrolled in two
/// factors (fixed key) where the role needs them. Runs after the demo organizations. Idempotent: existing user
/// names are skipped.
/// </summary>
internal sealed class DemoAccountsSeeder(
    PlatformDbContext db,
    UserManager<PlatformUser> users,
    IdNumberHasher idNumbers,
    TimeProvider clock) : IDemoDataSeeder
{
    /// <summary>The Identity token provider name and token name under which authenticator keys are stored.</summary>
    private const string AuthenticatorStore = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    /// <inheritdoc />
    public string Key => "core.accounts";

    /// <inheritdoc />
    public int Version => 1;

    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow().UtcDateTime;
        string? passwordHash = null;
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByNameAsync(account.UserName).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var organizations = db.Organizations.IgnoreQueryFilters();
            organizations = account.OrganizationCode is { } code
                ? organizations.Where(o => o.Code == code)
                : organizations.Where(o => o.Name == account.OrganizationName && o.Type == account.OrganizationType);
            var organization = await organizations
                .Select(o => new { o.Id })
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Demo account {account.UserName}: organization {account.OrganizationCode ?? account.OrganizationName} is not seeded.");

            var user = new PlatformUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                OrganizationId = organization.Id,
                MustChangePassword = false,
                PasswordChangedAt = now,
                CreatedAt = now,
            };
            if (account.Role == PlatformRoles.Professional)
            {
                user.PhoneNumber = DemoAccounts.ProfessionalPhone;
                ResidentIdNumber.TryParse(DemoAccounts.ProfessionalIdNumber, ProgramCalendar.Today(clock), out var idNumber, out _);
                user.IdNumberHash = idNumbers.Hash(idNumber);
            }

            // One shared demo password, hashed once (hashing is deliberately slow).
            passwordHash ??= users.PasswordHasher.HashPassword(user, DemoAccounts.Password);
            user.PasswordHash = passwordHash;
            Check(await users.CreateAsync(user).ConfigureAwait(false), account);
            Check(await users.AddToRoleAsync(user, account.Role).ConfigureAwait(false), account);
            if (account.AuthenticatorKey is { } key)
            {
                Check(await users.SetAuthenticationTokenAsync(user, AuthenticatorStore, AuthenticatorKeyName, key).ConfigureAwait(false), account);
                Check(await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false), account);
            }
        }
    }

    private static void Check(IdentityResult result, DemoAccount account)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {account.UserName} could not be seeded: {string.Join("; ", result.Errors.Select(e => e.Code + " " + e.Description))}");
        }
    }
}
