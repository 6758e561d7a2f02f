using KnowledgeRenewal.Kernel.Web;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Programs.UseCases.Plans;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace KnowledgeRenewal.Programs.Web;

/// <summary>
/// Annual plans under <c>/api/annual-plans</c>: the program office sets a year's targets (total, per project type,
/// per region, per department); the program office, county bureaus and line departments read them with progress
/// computed from approved projects and approved credit records.
/// </summary>
internal static class AnnualPlansApi
{
    private const string Tag = "年度计划 (annual plans)";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAnnualPlansApi(this IEndpointRouteBuilder endpoints)
    {
        string[] readers = [.. AnnualPlanAccess.Readers];
        string[] writers = [.. AnnualPlanAccess.Writers];
        var plans = endpoints.MapGroup("/api/annual-plans")
            .WithTags(Tag)
            .RequireAuthorization(policy => policy.RequireRole(readers));

        plans.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListAnnualPlans(), ct))
            .WithName("ListAnnualPlans")
            .WithSummary("Every year's plan, newest first, with its total trainee target against the distinct trainees credited so far.")
            .Produces<IReadOnlyList<AnnualPlanSummary>>();

        plans.MapGet("/defaults", () => AnnualPlanRules.Defaults.Select(t => new PlanTargetInput { Kind = t.Kind.ToString(), Key = t.Key, Projects = t.Projects, Trainees = t.Trainees }))
            .WithName("AnnualPlanDefaults")
            .WithSummary("The seed's default targets (about 100,000 trained a year; about 20 advanced seminars with 600 people; about 90,000 in capacity-improvement training), ready to send to PUT.")
            .Produces<IEnumerable<PlanTargetInput>>();

        plans.MapGet("/{year:int}", async (int year, IMediator mediator, HttpContext http, CancellationToken ct) =>
                http.WithETag(await mediator.Send(new GetAnnualPlan(year), ct).ConfigureAwait(false)))
            .WithName("GetAnnualPlan")
            .WithSummary("One year's plan with every target's progress: approved projects and distinct trainees (approved roster credit records of the year; by the project type of their class, their region, their department), the percentage reached, the share of the year gone by and a status (已完成/进度正常/进度滞后/未完成/未开始). 404 plan.not_found.")
            .Produces<AnnualPlanView>();

        plans.MapPut("/{year:int}", async (int year, AnnualPlanInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var (plan, created) = await mediator.Send(new SetAnnualPlan(year, ifMatch, body), ct).ConfigureAwait(false);
                return created ? http.Created($"/api/annual-plans/{year}", plan) : Results.Ok(http.WithETag(plan));
            })
            .RequireAuthorization(policy => policy.RequireRole(writers))
            .WithName("SetAnnualPlan")
            .WithSummary("Sets a year's plan (program office): notes?, enforceShares? (the counties' and departments' plans refused, not just warned, beyond the city's targets), targets [{kind: Total|ProjectType|Region|Department, key, projects?, trainees}] with exactly one Total; each dimension's shares add up to no more than the total. 201 when created; replacing needs If-Match (428 without, 412 stale). 400 field errors name the row (targets[i].key …).")
            .Produces<AnnualPlanView>()
            .Produces<AnnualPlanView>(StatusCodes.Status201Created);

        // Nested plans (ADR 0018): a county's or line department's own plan under the city's, and all of them side by side.
        string[] nestedWriters = [.. AnnualPlanAccess.NestedWriters];
        plans.MapGet("/{year:int}/nested", (int year, IMediator mediator, CancellationToken ct) => mediator.Send(new ListNestedPlans(year), ct))
            .WithName("ListNestedPlans")
            .WithSummary("Every county's and line department's plan of the year side by side (the program office: all; a county bureau or department: its own), each target against progress counted in that region or sector, and where they exceed the city's targets (warnings).")
            .Produces<NestedPlansOverview>();

        foreach (var (segment, scope) in new[] { ("regions", PlanScope.Region), ("departments", PlanScope.Department) })
        {
            var name = scope == PlanScope.Region ? "Region" : "Department";
            plans.MapGet($"/{{year:int}}/{segment}/{{code}}", async (int year, string code, IMediator mediator, HttpContext http, CancellationToken ct) =>
                    http.WithETag(await mediator.Send(new GetNestedPlan(year, scope, code), ct).ConfigureAwait(false)))
                .WithName($"Get{name}Plan")
                .WithSummary($"A {name.ToLowerInvariant()}'s own plan of the year (exists: false before it is set) with progress counted in that {name.ToLowerInvariant()} only, the city's targets it sits under (what the others planned, what is left) and its warnings. 403 plan.not_plan_owner outside the caller's {name.ToLowerInvariant()}.")
                .Produces<NestedPlanView>();

            plans.MapPut($"/{{year:int}}/{segment}/{{code}}", async (int year, string code, AnnualPlanInput body, [FromHeader(Name = EntityTags.IfMatchHeader)] string? ifMatch, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var (plan, created) = await mediator.Send(new SetNestedPlan(year, scope, code, ifMatch, body), ct).ConfigureAwait(false);
                    return created ? http.Created($"/api/annual-plans/{year}/{segment}/{code}", plan) : Results.Ok(http.WithETag(plan));
                })
                .RequireAuthorization(policy => policy.RequireRole(nestedWriters))
                .WithName($"Set{name}Plan")
                .WithSummary($"Sets a {name.ToLowerInvariant()}'s own plan (its {(scope == PlanScope.Region ? "county bureau" : "department")} only; 403 plan.not_plan_owner otherwise): notes?, targets [{{kind: Total|ProjectType, key, projects?, trainees}}] with exactly one Total. The city's plan must exist (409 plan.city_plan_missing). Exceeding the city's targets (the {name.ToLowerInvariant()}s' sum per kind and key, or the city's share for it): 409 plan.share_exceeds_city when the city's plan enforces shares, else saved with warnings. 201 when created; replacing needs If-Match.")
                .Produces<NestedPlanView>()
                .Produces<NestedPlanView>(StatusCodes.Status201Created);
        }

        return endpoints;
    }
}
