using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KnowledgeRenewal.Modules.Health.CmeProjects;

/// <summary>REST endpoints under <c>/api/health/cme-projects</c>: business roles and integrator clients read (the platform refuses the separated administrators), the health sector registers.</summary>
internal static class CmeProjectEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var projects = endpoints.MapGroup("/cme-projects");

        projects.MapGet("/", (int? year, CmeLevel? level, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListCmeProjects(year, level, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListCmeProjects")
            .WithSummary("CME projects (继续医学教育项目), optionally of one year and level, newest first.");

        projects.MapPost("/", async (RegisterCmeProject command, IMediator mediator, CancellationToken ct) =>
            {
                var project = await mediator.Send(command, ct).ConfigureAwait(false);
                return Results.Created($"/api/health/cme-projects/{project.Id}", project);
            })
            .WithName("RegisterCmeProject")
            .WithSummary("Registers an approved CME project (health department administrators or the program office); 400 names each invalid field, 409 when the project number is taken.")
            .RequireAuthorization(PlatformPolicies.SectorAdministration(Departments.Health));
    }
}
