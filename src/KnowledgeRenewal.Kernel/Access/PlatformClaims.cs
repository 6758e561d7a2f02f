using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Accounts;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Access;

/// <summary>Claim types the platform puts into sessions and tokens.</summary>
public static class PlatformClaims
{
    /// <summary>The account id (OpenID Connect <c>sub</c>).</summary>
    public const string Subject = "sub";

    /// <summary>The user name.</summary>
    public const string Name = "name";

    /// <summary>The person's display name (Chinese).</summary>
    public const string DisplayName = "kr:display_name";

    /// <summary>A role (one claim per role).</summary>
    public const string Role = "role";

    /// <summary>The account's organization id.</summary>
    public const string Organization = "kr:org";

    /// <summary>The organization's type.</summary>
    public const string OrganizationType = "kr:org_type";

    /// <summary>The organization's region code.</summary>
    public const string Region = "kr:region";

    /// <summary>The organization's sector (department code), when it has one.</summary>
    public const string Department = "kr:department";

    /// <summary>The account's security stamp when the session or token was issued.</summary>
    public const string SecurityStamp = "kr:stamp";

    /// <summary>When the person signed in (Unix seconds); a web session ends a fixed time after it.</summary>
    public const string AuthenticatedAt = "kr:auth_time";

    /// <summary>A permission granted to the account (see <see cref="PlatformPermissions"/>; one claim each).</summary>
    public const string Permission = "kr:permission";

    /// <summary>An OAuth client id (integrators).</summary>
    public const string ClientId = "client_id";

    /// <summary>An OAuth scope (one claim per scope).</summary>
    public const string Scope = "scope";
}
