using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Host.Overview;
using KnowledgeRenewal.Host.Composition;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Host.Pages;

/// <summary>The landing page: what the platform is, its enabled modules, its numbers and where to go next.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(IMediator mediator, PlatformOptions platform) : PageModel
{
    /// <summary>The overview shown.</summary>
    public PlatformOverview Overview { get; private set; } = null!;

    /// <summary>Whether the platform runs on demo data.</summary>
    public bool DemoMode => platform.DemoMode;

    /// <summary>Loads the overview.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await mediator.Send(new GetPlatformOverview(), cancellationToken).ConfigureAwait(false);
}
