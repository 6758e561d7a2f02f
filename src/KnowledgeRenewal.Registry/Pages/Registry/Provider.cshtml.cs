using KnowledgeRenewal.Registry.UseCases.Providers;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace KnowledgeRenewal.Registry.Pages.Registry;

/// <summary><c>/registry/providers/{id}</c>: one training provider as <c>GET /api/registry/training-providers/{id}</c> shows it (out of scope is 404).</summary>
[Authorize(Roles = StaffRoles)]
internal sealed class ProviderModel(IMediator mediator) : RegistryPageModel
{
    /// <summary>The provider.</summary>
    public TrainingProviderView Provider { get; private set; } = null!;

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Provider = (await mediator.Send(new GetTrainingProvider(id), cancellationToken).ConfigureAwait(false)).Value;
}
