using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Identity.Persistence;

/// <summary>
/// Identity's share of the platform model: the organization tree, accounts and roles (ASP.NET Core Identity's tables
/// under the platform's names), OAuth applications and tokens (OpenIddict), the audit log and the settings of the
/// previous start. Scope: the organization tree — all of it for the program office, security admins (accounts
/// need it) and clients granted the organizations feed; a county its region, a department its sector, a provider or
/// employer itself; everyone their own organization. Accounts: security admins all, everyone else their own. The
/// audit log: audit admins only.
/// </summary>
internal sealed class IdentityModel : IPlatformModelPart
{
    /// <inheritdoc />
    public void Build(PlatformModelBuilder model)
    {
        model.ApplyConfigurationsOf<IdentityModel>();
        var builder = model.Builder;
        builder.UseOpenIddict<Guid>();
        builder.Entity<PlatformUser>().ToTable("Users");
        builder.Entity<PlatformRole>().ToTable("Roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("UserRoles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("UserTokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("RoleClaims");

        model.ScopeFilter<Organization>(
            (db, o) => db.ScopeAll || db.ScopeAccounts || db.ScopeOrganizationFeed || o.Id == db.ScopeHomeOrganization
                || db.ScopeRegions.Contains(o.RegionCode)
                || (o.DepartmentCode != null && db.ScopeDepartments.Contains(o.DepartmentCode))
                || db.ScopeOrganizations.Contains(o.Id));
        model.ScopeFilter<PlatformUser>((db, u) => db.ScopeAccounts || u.Id == db.ScopeUser);
        model.ScopeFilter<AuditRecord>((db, _) => db.ScopeAudit);
        model.ScopeFilter<EventSubscription>((db, _) => db.ScopeAccounts);
        model.ScopeFilter<EventDelivery>((db, _) => db.ScopeAccounts);
    }

    /// <inheritdoc />
    public void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<OrganizationType>().HaveConversion<string>().HaveMaxLength(24);
        conventions.Properties<AuditOutcome>().HaveConversion<string>().HaveMaxLength(16);
    }
}
