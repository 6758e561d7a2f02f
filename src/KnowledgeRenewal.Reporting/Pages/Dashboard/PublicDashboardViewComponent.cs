using KnowledgeRenewal.Reporting.UseCases.Dashboard;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Reporting.Pages.Dashboard;

/// <summary>
/// The program's public figures for the landing page (its phase, totals since the program's start and this year's
/// targets against actuals — <see cref="GetPublicDashboard"/>), rendered by this area so the host's landing page only
/// names it: <c>@await Component.InvokeAsync("PublicDashboard")</c>.
/// </summary>
public sealed class PublicDashboardViewComponent(IMediator mediator) : ViewComponent
{
    /// <summary>Renders the figures.</summary>
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await mediator.Send(new GetPublicDashboard(), HttpContext.RequestAborted).ConfigureAwait(false));
}
