namespace KnowledgeRenewal.Identity.Contracts;

/// <summary>
/// The first administrators of a deployment, for the host's <c>bootstrap-admin</c> command (outside demo mode there
/// are no default credentials): it creates the FIRST account of one of the three separated administrator roles, in
/// the program office, with a one-time password — or says, in English for the operator, why not. The caller runs it
/// as the platform itself (<c>SystemScope</c>) on a prepared database.
/// </summary>
public interface IAdministratorBootstrap
{
    /// <summary>
    /// Creates the first enabled account of <paramref name="role"/> (system-admin, security-admin or audit-admin)
    /// named <paramref name="userName"/>, shown as <paramref name="displayName"/> (default: the role's Chinese
    /// name). Refuses other roles, a malformed or taken user name, and a role an enabled account already holds.
    /// </summary>
    Task<AdministratorBootstrapResult> CreateFirstAsync(string role, string userName, string? displayName, CancellationToken cancellationToken);
}

/// <summary>How a bootstrap ended.</summary>
/// <param name="Created">Whether the account was created.</param>
/// <param name="Message">What to tell the operator (English).</param>
/// <param name="OneTimePassword">The one-time password, when created: shown once, replaced at the first sign-in.</param>
public sealed record AdministratorBootstrapResult(bool Created, string Message, string? OneTimePassword = null);
