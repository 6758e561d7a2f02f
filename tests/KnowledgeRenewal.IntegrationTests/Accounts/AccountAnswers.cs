using System.Net;
using System.Text.Json;
using KnowledgeRenewal.IntegrationTests.Infrastructure;

namespace KnowledgeRenewal.IntegrationTests.Accounts;

// The account administration's answers as the tests read them (see HttpJson.Answers: strict, camelCase).

/// <summary>A new account or a reset password: the account and its one-time password (shown once).</summary>
/// <param name="Account">The account.</param>
/// <param name="OneTimePassword">The one-time password.</param>
public sealed record OneTimePasswordAnswer(AccountAnswer Account, string OneTimePassword) : JsonAnswer;

/// <summary>The token endpoint's reply, whatever its status.</summary>
/// <param name="Status">HTTP status.</param>
/// <param name="Json">The answer as sent.</param>
public sealed record TokenReply(HttpStatusCode Status, JsonElement Json)
{
    /// <summary>The tokens of a granted request.</summary>
    public TokenAnswer Tokens => Json.As<TokenAnswer>();

    /// <summary>The refusal of a refused request.</summary>
    public TokenErrorAnswer Error => Json.As<TokenErrorAnswer>();

    /// <summary>The reply as sent.</summary>
    public override string ToString() => $"{(int)Status} {Json.GetRawText()}";
}

/// <summary>An integrator client (<c>/api/admin/clients</c>).</summary>
/// <param name="ClientId">Its client id.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="Scopes">The feeds it may read.</param>
public sealed record IntegratorClientAnswer(string ClientId, string DisplayName, IReadOnlyList<string> Scopes) : JsonAnswer;

/// <summary>A new integrator client and its secret (shown once).</summary>
/// <param name="Client">The client.</param>
/// <param name="ClientSecret">Its secret.</param>
public sealed record IntegratorClientCreatedAnswer(IntegratorClientAnswer Client, string ClientSecret) : JsonAnswer;

/// <summary>The security policy in force (<c>/api/admin/security-policy</c>).</summary>
/// <param name="SignIn">Sign-in rules.</param>
/// <param name="Passwords">Password rules.</param>
/// <param name="EffectivePasswordMinimumLength">The minimum length in force.</param>
/// <param name="TwoFactorRequiredRoles">The roles that sign in with a TOTP code as well.</param>
/// <param name="AuditRetentionDays">How long audit records are kept.</param>
public sealed record SecurityPolicyAnswer(
    SignInPolicyAnswer SignIn, PasswordPolicyAnswer Passwords, int EffectivePasswordMinimumLength, IReadOnlyList<string> TwoFactorRequiredRoles, int AuditRetentionDays) : JsonAnswer;

/// <summary>Sign-in rules of the security policy.</summary>
/// <param name="LockoutMaxFailedAttempts">Failures before a lockout.</param>
/// <param name="LockoutMinutes">Length of a lockout.</param>
public sealed record SignInPolicyAnswer(int LockoutMaxFailedAttempts, int LockoutMinutes) : JsonAnswer;

/// <summary>Password rules of the security policy.</summary>
/// <param name="MlpsMode">Whether the MLPS rules apply.</param>
public sealed record PasswordPolicyAnswer(bool MlpsMode) : JsonAnswer;

/// <summary>An OData Organizations entity.</summary>
/// <param name="Id">Id.</param>
/// <param name="Code">Code.</param>
/// <param name="Type">Type (member name).</param>
/// <param name="RegionCode">County.</param>
/// <param name="DepartmentCode">Sector, when it has one.</param>
public sealed record OrganizationFeedEntity(Guid Id, string Code, string Type, string RegionCode, string? DepartmentCode = null) : JsonAnswer;

/// <summary>An organization with its parent expanded (OData; null when the parent is outside the caller's scope).</summary>
/// <param name="Parent">The parent.</param>
public sealed record OrganizationWithParentEntity(OrganizationFeedEntity? Parent) : JsonAnswer;

/// <summary>An organization in the list of <c>/api/organizations</c>.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
public sealed record OrganizationSummaryAnswer(Guid Id, string Name) : JsonAnswer;
