using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.Persistence;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Identity.UseCases.Security;

/// <summary>The security policy in force (deployment configuration, sections <c>Security</c> and <c>Audit</c>).</summary>
internal sealed record GetSecurityPolicy : IRequest<SecurityPolicyView>;

/// <summary>The policy in force.</summary>
/// <param name="SignIn">Lockout, sign-in limits, sessions and tokens.</param>
/// <param name="Passwords">The password policy.</param>
/// <param name="EffectivePasswordMinimumLength">The minimum length applied.</param>
/// <param name="TwoFactorRequiredRoles">Roles that sign in with two factors.</param>
/// <param name="SeparatedAdministratorRoles">The three separated administrator roles.</param>
/// <param name="AuditRetentionDays">Days audit records are kept.</param>
internal sealed record SecurityPolicyView(
    SecurityOptions SignIn,
    PasswordPolicyOptions Passwords,
    int EffectivePasswordMinimumLength,
    IReadOnlyList<string> TwoFactorRequiredRoles,
    IReadOnlyList<string> SeparatedAdministratorRoles,
    int AuditRetentionDays);

/// <summary>Handles <see cref="GetSecurityPolicy"/>.</summary>
internal sealed class GetSecurityPolicyHandler(IOptions<SecurityOptions> security, IOptions<PasswordPolicyOptions> passwords, IOptions<AuditOptions> audit)
    : IRequestHandler<GetSecurityPolicy, SecurityPolicyView>
{
    /// <inheritdoc />
    public Task<SecurityPolicyView> Handle(GetSecurityPolicy request, CancellationToken cancellationToken) =>
        Task.FromResult(new SecurityPolicyView(
            security.Value,
            passwords.Value,
            passwords.Value.EffectiveMinimumLength,
            [.. RoleCatalog.Roles.Where(r => r.RequiresTwoFactor).Select(r => r.Name)],
            PlatformRoles.SeparatedAdministrators,
            audit.Value.RetentionDays));
}
