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
/// Sets a year's plan (program office): creates it, or — with <c>If-Match</c> of the plan read — replaces its notes
/// and every target.
/// </summary>
/// <param name="Year">The program year.</param>
/// <param name="IfMatch">The <c>If-Match</c> header (required when the plan exists).</param>
/// <param name="Input">The plan.</param>
internal sealed record SetAnnualPlan(int Year, string? IfMatch, AnnualPlanInput Input) : IRequest<(Versioned<AnnualPlanView> Plan, bool Created)>;

/// <summary>
/// Checks a plan with the domain's rules: a program year (<see cref="AnnualPlanRules.CheckYear"/>; only that, when it
/// is not one), then the targets (<see cref="AnnualPlanRules.Validate"/>), each problem naming its row.
/// </summary>
internal sealed class SetAnnualPlanValidator : AbstractValidator<SetAnnualPlan>
{
    /// <summary>Creates the validator.</summary>
    public SetAnnualPlanValidator() => RuleFor(s => s).Custom((request, context) =>
    {
        if (AnnualPlanRules.CheckYear(request.Year) is { } yearError)
        {
            context.AddFieldError(yearError);
            return;
        }

        context.AddFieldErrors(AnnualPlanRules.Validate(request.Input).Errors);
    });
}

/// <summary>
/// Handles <see cref="SetAnnualPlan"/>: only the city program office (<see cref="AnnualPlanAccess.RequireWriter"/>);
/// region and department keys must exist; replacing needs the entity tag read (428/412).
/// </summary>
internal sealed class SetAnnualPlanHandler(PlatformDbContext db, AnnualPlanViews views, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<SetAnnualPlan, (Versioned<AnnualPlanView> Plan, bool Created)>
{
    /// <inheritdoc />
    public async Task<(Versioned<AnnualPlanView> Plan, bool Created)> Handle(SetAnnualPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        AnnualPlanAccess.RequireWriter(access);
        var (targets, notes, _) = AnnualPlanRules.Validate(request.Input);
        await CheckKeysAsync(targets, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.AnnualPlans.FirstOrDefaultAsync(p => p.Year == request.Year && p.Scope == PlanScope.City, cancellationToken).ConfigureAwait(false);
        var created = plan is null;
        if (plan is null)
        {
            plan = new AnnualPlan { Year = request.Year };
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
        plan.EnforceShares = request.Input.EnforceShares == true;
        plan.UpdatedAt = now;
        plan.UpdatedByUserId = access.UserId;
        plan.UpdatedByName = actors.Current.Name;
        foreach (var target in targets)
        {
            // Added to the set (fix-up puts it in plan.Targets): a new target with its key already set, found only through
            // the navigation, would be taken for an existing row.
            db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Year = plan.Year, Kind = target.Kind, Key = target.Key, Projects = target.Projects, Trainees = target.Trainees });
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
            // Two program-office users created the same year's plan at once: the unique year lets one win.
            throw Preconditions.Stale();
        }

        return (await views.ViewAsync(plan, cancellationToken).ConfigureAwait(false), created);
    }

    private async Task CheckKeysAsync(IReadOnlyList<ValidPlanTarget> targets, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => r.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<FieldError>();
        foreach (var target in targets)
        {
            if (target.Kind == PlanTargetKind.Region && !regions.Contains(target.Key))
            {
                errors.Add(new FieldError($"targets[{target.Row}].key", PlanProblemCodes.UnknownKey, $"第 {target.Row + 1} 项目标的区域代码“{target.Key}”不存在。", target.Row + 1));
            }
            else if (target.Kind == PlanTargetKind.Department && !departments.Contains(target.Key))
            {
                errors.Add(new FieldError($"targets[{target.Row}].key", PlanProblemCodes.UnknownKey, $"第 {target.Row + 1} 项目标的行业主管部门代码“{target.Key}”不存在。", target.Row + 1));
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }
}
