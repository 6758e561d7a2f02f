using KnowledgeRenewal.Identity.UseCases.Accounts;
using MediatR;

namespace KnowledgeRenewal.Identity.Web;

/// <summary><c>GET /api/me</c>: who the caller is and what they may see.</summary>
internal static class MeApi
{
    public static void MapMeApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/me", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetMe(), ct))
            .WithTags("账号 (account)")
            .WithName("GetMe")
            .WithSummary("The signed-in person or client: account, roles, organization and data scope (phone masked).");
}
