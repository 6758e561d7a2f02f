using KnowledgeRenewal.Identity.UseCases.Security;
using MediatR;

namespace KnowledgeRenewal.Identity.Pages.Admin;

/// <summary><c>/admin/security-policy</c>: the security policy in force, in words (<see cref="GetSecurityPolicy"/>, as <c>GET /api/admin/security-policy</c>).</summary>
internal sealed class SecurityPolicyModel(IMediator mediator) : SecurityPageModel
{
    /// <summary>The policy.</summary>
    public SecurityPolicyView Policy { get; private set; } = null!;

    /// <summary>Loads the policy.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Policy = await mediator.Send(new GetSecurityPolicy(), cancellationToken).ConfigureAwait(false);
}
