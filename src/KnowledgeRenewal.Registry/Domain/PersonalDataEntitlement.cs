using System.Security.Claims;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Registry.Domain;

/// <summary>
/// Who is entitled to personal data in plaintext — to see it unmasked, or to find a person by the full ID number
/// (which, with the masked form shown everywhere, is the same thing: a handful of candidate numbers and a yes/no
/// answer give the number away). One rule for both: an account of a business role holding the permission
/// <see cref="PlatformPermissions.UnmaskPersonalData"/> (granted per account by a security administrator). Integrator
/// clients and the separated administrators never are. One's own record is the callers' own business.
/// </summary>
public static class PersonalDataEntitlement
{
    /// <summary>Whether the caller holds the unmask permission on an account of a business role.</summary>
    /// <param name="user">The caller's claims (the permission is one of them).</param>
    /// <param name="access">The caller.</param>
    public static bool HoldsPermission(ClaimsPrincipal? user, ICurrentAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return user?.HasClaim(PlatformClaims.Permission, PlatformPermissions.UnmaskPersonalData) == true
            && access.UserId is not null
            && access.Roles.Any(RegistryReadersAttribute.BusinessRoles.Contains);
    }
}
