using KnowledgeRenewal.Kernel.Modules;
using KnowledgeRenewal.Credits.UseCases.CreditRules;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Credits.Web;

/// <summary>The catalog's REST endpoints: the department modules and the credit rules in force.</summary>
internal static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").WithTags("平台 (platform)");

        api.MapGet("/modules", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListModules(IncludeDisabled: false), ct))
            .WithName("ListModules")
            .WithSummary("The enabled department modules.")
            .AllowAnonymous();

        api.MapGet("/admin/modules", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListModules(IncludeDisabled: true), ct))
            .WithName("ListInstalledModules")
            .WithSummary("Every installed module with its version, enabled state, catalog size and source (system administrators).")
            .RequireAuthorization(PlatformPolicies.SystemAdministration);

        api.MapGet("/rules/{scope}", (string scope, DateOnly? on, IMediator mediator, CancellationToken ct) => mediator.Send(new GetRuleBook(scope, on), ct))
            .WithName("GetRuleBook")
            .WithSummary("Credit rules of 'platform' or of an enabled module, and the set in force on a day (default today, China time).")
            .AllowAnonymous();
        return endpoints;
    }
}
