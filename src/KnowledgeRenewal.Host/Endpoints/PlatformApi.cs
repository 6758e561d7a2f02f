using KnowledgeRenewal.Credits.Domain;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Host.Overview;
using KnowledgeRenewal.Sdk;
using MediatR;

using KnowledgeRenewal.Kernel.Web;
namespace KnowledgeRenewal.Host.Endpoints;

/// <summary>The platform's own REST endpoints under <c>/api</c>; each sends one request through the mediator.</summary>
internal static class PlatformApi
{
    public static void MapPlatformApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("平台 (platform)");

        api.MapGet("/overview", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetPlatformOverview(), ct))
            .WithName("GetOverview")
            .WithSummary("Platform name, enabled modules and headline numbers (what the landing page shows).")
            .AllowAnonymous();
    }
}
