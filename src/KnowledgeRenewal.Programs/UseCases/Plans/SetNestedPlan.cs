using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>
/// Sets a county's or line department's own plan of a year (its county bureau, its department): creates it, or — with
/// <c>If-Match</c> of the plan read — replaces its notes and targets (the total and targets per project type).
/// </summary>
/// <param name="Year">The program year.</param>
/// <param name="Scope">Region or Department.</param>
/// <param name="Code">The region or department code.</param>
/// <param name="IfMatch">The <c>If-Match</c> header (required when the plan exists).</param>
/// <param name="Input">The plan.</param>
internal sealed record SetNestedPlan(int Year, PlanScope Scope, string Code, string? IfMatch, AnnualPlanInput Input) : IRequest<(Versioned<NestedPlanView> Plan, bool Created)>;

/// <summary>The city plan's checks (<see cref="AnnualPlanRules"/>) and the nested plan's own (<see cref="PlanShareRules.CheckNested"/>).</summary>
internal sealed class SetNestedPlanValidator : AbstractValidator<SetNestedPlan>
{
    /// <summary>Creates the validator.</summary>
    public SetNestedPlanValidator() => RuleFor(s => s).Custom((request, context) =>
    {
        if (AnnualPlanRules.CheckYear(request.Year) is { } yearError)
        {
            context.AddFieldError(yearError);
            return;
        }

        var nested = PlanShareRules.CheckNested(request.Input);
        context.AddFieldErrors(nested);
        if (nested.Count == 0)
        {
            context.AddFieldErrors(AnnualPlanRules.Validate(request.Input).Errors);
        }
    });
}

/// <summary>
/// Handles <see cref="SetNestedPlan"/>: only the county's bureau or the department itself
/// (<see cref="AnnualPlanAccess.RequireOwner"/>); the city must have a plan for the year (409
/// <see cref="PlanProblemCodes.CityPlanMissing"/>); with the city's <see cref="AnnualPlan.EnforceShares"/>, a plan that
/// would take the counties (departments) beyond the city's targets is refused (409
/// <see cref="PlanProblemCodes.ShareExceedsCity"/>), otherwise saved and its view carries the warnings.
/// </summary>
internal sealed class SetNestedPlanHandler(PlatformDbContext db, NestedPlanViews views, PlanShareReader shares, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<SetNestedPlan, (Versioned<NestedPlanView> Plan, bool Created)>
{
    /// <inheritdoc />
    public async Task<(Versioned<NestedPlanView> Plan, bool Created)> Handle(SetNestedPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AnnualPlanAccess.RequireOwner(access, request.Scope, request.Code);
        await views.NameAsync(request.Scope, request.Code, cancellationToken).ConfigureAwait(false);
        var city = await views.CityAsync(request.Year, cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException(PlanProblemCodes.CityPlanMissing, StatusCodes.Status409Conflict, "全市年度计划尚未设置", $"{request.Year} 年度的全市计划设置后，才能按它分解本地区、本行业的计划。");
        var (targets, notes, _) = AnnualPlanRules.Validate(request.Input);

        // The share check on the plans as they would be: the others' as stored, this one as sent.
        var own = targets.Select(t => new PlanFigure(t.Kind, t.Key, t.Projects, t.Trainees)).ToList();
        var nested = (await shares.NestedAsync(request.Year, cancellationToken).ConfigureAwait(false))
            .Where(n => !(n.Scope == request.Scope && n.Code == request.Code))
            .Concat(own.Select(t => new NestedPlanFigure(request.Scope, request.Code, t)))
            .ToList();
        var names = await shares.NamesAsync(cancellationToken).ConfigureAwait(false);
        var excesses = PlanShareRules.Of(PlanShareRules.Excesses(PlanShareReader.Figures(city.Targets), nested, PlanShareReader.Namer(names)), request.Scope, request.Code, own);
        if (city.EnforceShares && excesses.Count > 0)
        {
            throw new PlatformException(PlanProblemCodes.ShareExceedsCity, StatusCodes.Status409Conflict, "超出全市年度计划的目标",
                string.Join("", excesses.Select(e => e.Message)) + "全市计划要求分解目标不超出全市目标，请调低后再保存。");
        }

        var plan = await db.AnnualPlans
            .FirstOrDefaultAsync(p => p.Year == request.Year && p.Scope == request.Scope && p.ScopeCode == request.Code, cancellationToken).ConfigureAwait(false);
        var created = plan is null;
        if (plan is null)
        {
            plan = new AnnualPlan { Year = request.Year, Scope = request.Scope, ScopeCode = request.Code };
            db.AnnualPlans.Add(plan);
        }
        else
        {
            db.Entry(plan).Property(p => p.ConcurrencyStamp).OriginalValue = Preconditions.Require(request.IfMatch, plan.ConcurrencyStamp);
            plan.ConcurrencyStamp = Guid.NewGuid();
            db.PlanTargets.RemoveRange(plan.Targets);
            plan.Targets.Clear();
        }

        plan.Notes = notes;
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        plan.UpdatedByUserId = access.UserId;
        plan.UpdatedByName = actors.Current.Name;
        foreach (var target in targets)
        {
            // Added to the set, as the city's plan does (a new target with its key set, found through the navigation only, would be taken for an update).
            db.PlanTargets.Add(new PlanTarget
            {
                PlanId = plan.Id, Year = plan.Year, Scope = plan.Scope, ScopeCode = plan.ScopeCode,
                Kind = target.Kind, Key = target.Key, Projects = target.Projects, Trainees = target.Trainees,
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Preconditions.Stale();
        }
        catch (DbUpdateException) when (created)
        {
            throw Preconditions.Stale();
        }

        return (await views.ViewAsync(request.Year, request.Scope, request.Code, plan, cancellationToken).ConfigureAwait(false), created);
    }
}
