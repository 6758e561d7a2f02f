using Microsoft.AspNetCore.Identity;

using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Time;
namespace KnowledgeRenewal.Kernel.Accounts;

/// <summary>
/// A person's account (ASP.NET Core Identity user). Signs in with user name, mobile number or resident ID number;
/// belongs to one organization; holds roles. Disabling it, changing its roles or its password changes its security
/// stamp, which ends every session and token on the next request.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    /// <summary>Creates an account with a time-ordered id.</summary>
    public PlatformUser() => Id = Guid.CreateVersion7();

    /// <summary>The person's name as shown to others, in Chinese.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The organization the account belongs to (of Identity's organization tree).</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>Keyed hash of the resident ID number (for sign-in by ID number); never the number itself.</summary>
    public string? IdNumberHash { get; set; }

    /// <summary>A disabled account cannot sign in and its sessions and tokens stop working.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Must set a new password at the next sign-in (bootstrap and reset passwords).</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When the password was last set (UTC), for the MLPS rotation period.</summary>
    public DateTime PasswordChangedAt { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last successful sign-in (UTC).</summary>
    public DateTime? LastSignInAt { get; set; }
}

/// <summary>A role (see <see cref="Sdk.PlatformRoles"/>), with its Chinese name.</summary>
public sealed class PlatformRole : IdentityRole<Guid>
{
    /// <summary>Creates a role with a time-ordered id.</summary>
    public PlatformRole() => Id = Guid.CreateVersion7();

    /// <summary>Chinese name, e.g. 审计管理员.</summary>
    public string DisplayName { get; set; } = "";
}
