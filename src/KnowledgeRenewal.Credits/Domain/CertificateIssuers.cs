using KnowledgeRenewal.Sdk;

namespace KnowledgeRenewal.Credits.Domain;

/// <summary>
/// Who may issue certificates: the person themself, their employer's HR, the county and sector administrators and
/// the program office — each within scope (the scope itself is the data layer's: a person outside it is not found).
/// Revoking one is the program office's alone.
/// </summary>
public static class CertificateIssuers
{
    /// <summary>Roles that may ask for a certificate.</summary>
    public static IReadOnlyList<string> Roles { get; } =
        [PlatformRoles.ProgramOfficeAdmin, PlatformRoles.CountyAdmin, PlatformRoles.DepartmentAdmin, PlatformRoles.EmployerHr, PlatformRoles.Professional];

    /// <summary>403 <c>certificate.forbidden</c> unless <paramref name="caller"/> holds one of <see cref="Roles"/>.</summary>
    public static void EnsureMayIssue(ICurrentAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Roles.Any(Roles.Contains))
        {
            throw new CertificateException(CertificateProblemCodes.Forbidden, 403, "您的角色不能出具学时证明。");
        }
    }
}
