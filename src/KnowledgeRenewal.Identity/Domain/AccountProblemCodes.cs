namespace KnowledgeRenewal.Identity.Domain;

/// <summary>Stable problem codes of account and client administration.</summary>
public static class AccountProblemCodes
{
    /// <summary>The roles break the three-role separation (system, security and audit administrators).</summary>
    public const string RolesSeparation = "roles.separation";

    /// <summary>A role cannot be held by an account of the organization's type.</summary>
    public const string RolesOrganizationMismatch = "roles.organization_mismatch";

    /// <summary>A business permission was to be granted to a system, security or audit administrator.</summary>
    public const string PermissionsSeparation = "permissions.separation";

    /// <summary>A security administrator tried to change their own account.</summary>
    public const string SelfChange = "account.self_change";

    /// <summary>The user name is taken.</summary>
    public const string UserNameTaken = "account.user_name_taken";

    /// <summary>Another account has the resident ID number.</summary>
    public const string IdNumberTaken = "account.id_number_taken";

    /// <summary>Identity refused the change (e.g. the password policy).</summary>
    public const string IdentityRefused = "account.refused";

    /// <summary>The client id is taken.</summary>
    public const string ClientIdTaken = "client.id_taken";
}
