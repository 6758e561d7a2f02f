namespace KnowledgeRenewal.Sdk;

/// <summary>
/// Authorization policy names for endpoints (<c>.RequireAuthorization(PlatformPolicies.X)</c> or
/// <c>[Authorize(Policy = …)]</c>). Endpoints without a policy need a signed-in caller; public reference data says
/// <c>.AllowAnonymous()</c> explicitly.
/// </summary>
public static class PlatformPolicies
{
    /// <summary>The program office administrators.</summary>
    public const string ProgramOffice = "program-office";

    /// <summary>The system administrators (platform operations, module list).</summary>
    public const string SystemAdministration = "system-administration";

    /// <summary>The security administrators (accounts, roles, clients, policies).</summary>
    public const string SecurityAdministration = "security-administration";

    /// <summary>The audit administrators (audit log only).</summary>
    public const string AuditReading = "audit-reading";

    /// <summary>Any signed-in person with a business role, or an integrator client (read-only feeds).</summary>
    public const string BusinessReader = "business-reader";

    /// <summary>Any signed-in person with a business role — not integrator clients, not the separated administrators.</summary>
    public const string BusinessUser = "business-user";

    /// <summary>Prefix of <see cref="SectorAdministration"/> policies.</summary>
    public const string SectorAdministrationPrefix = "sector-administration:";

    /// <summary>The program office, or the administrators of the line department <paramref name="departmentCode"/>.</summary>
    public static string SectorAdministration(string departmentCode) => SectorAdministrationPrefix + departmentCode;
}
