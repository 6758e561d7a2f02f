using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Host.Overview;
using KnowledgeRenewal.Kernel.Modules;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgeRenewal.Host.Pages;

/// <summary>
/// The landing page: what the platform is, the program's public figures (the Reporting area's <c>PublicDashboard</c>
/// view component: its phase, totals and this year's targets against actuals), its enabled modules and where to go next.
/// </summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(IMediator mediator, PlatformOptions platform) : PageModel
{
    /// <summary>The platform's name.</summary>
    public static string PlatformName => GetPlatformOverviewHandler.PlatformName;

    /// <summary>Enabled modules.</summary>
    public IReadOnlyList<ModuleSummary> Modules { get; private set; } = [];

    /// <summary>Whether the platform runs on demo data.</summary>
    public bool DemoMode => platform.DemoMode;

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Modules = await mediator.Send(new ListModules(IncludeDisabled: false), cancellationToken).ConfigureAwait(false);
    }
}
