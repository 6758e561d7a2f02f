using KnowledgeRenewal.Kernel;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Identity.UseCases.Audit;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Registry.Persistence;
using KnowledgeRenewal.Kernel.Access;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Registry.UseCases;
using KnowledgeRenewal.Registry.Web;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

using KnowledgeRenewal.Programs.Demo;
using KnowledgeRenewal.Programs.Web;
using KnowledgeRenewal.Identity.Contracts;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Programs.Contracts;
namespace KnowledgeRenewal.Programs.UseCases.Plans;

/// <summary>Every plan, newest year first, with its total target against the trainees so far.</summary>
public sealed record ListAnnualPlans : IRequest<IReadOnlyList<AnnualPlanSummary>>;

/// <summary>One year's plan with the progress of every target, and its entity tag (404 when not set).</summary>
/// <param name="Year">The program year.</param>
public sealed record GetAnnualPlan(int Year) : IRequest<Versioned<AnnualPlanView>>;

/// <summary>
/// Sets a year's plan (program office): creates it, or — with <c>If-Match</c> of the plan read — replaces its notes
/// and every target.
/// </summary>
/// <param name="Year">The program year.</param>
/// <param name="IfMatch">The <c>If-Match</c> header (required when the plan exists).</param>
/// <param name="Input">The plan.</param>
public sealed record SetAnnualPlan(int Year, string? IfMatch, AnnualPlanInput Input) : IRequest<(Versioned<AnnualPlanView> Plan, bool Created)>;

/// <summary>Handles the annual-plan requests.</summary>
public sealed class AnnualPlanHandlers(PlatformDbContext db, PlanFactsReader facts, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<ListAnnualPlans, IReadOnlyList<AnnualPlanSummary>>,
      IRequestHandler<GetAnnualPlan, Versioned<AnnualPlanView>>,
      IRequestHandler<SetAnnualPlan, (Versioned<AnnualPlanView> Plan, bool Created)>
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AnnualPlanSummary>> Handle(ListAnnualPlans request, CancellationToken cancellationToken)
    {
        var plans = await db.AnnualPlans.AsNoTracking().OrderByDescending(p => p.Year).ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = ProgramCalendar.Today(clock);
        var summaries = new List<AnnualPlanSummary>(plans.Count);
        foreach (var plan in plans)
        {
            var total = plan.Targets.Where(t => t.Kind == PlanTargetKind.Total).ToList();
            var progress = PlanProgressCalculator.Compare(plan.Year, total, await facts.ReadAsync(plan.Year, cancellationToken).ConfigureAwait(false), today, Label);
            var row = progress.Single();
            summaries.Add(new AnnualPlanSummary(plan.Year, row.TargetTrainees, row.ActualTrainees, row.Percent, row.StatusName));
        }

        return summaries;
    }

    /// <inheritdoc />
    public async Task<Versioned<AnnualPlanView>> Handle(GetAnnualPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await db.AnnualPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Year == request.Year, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(request.Year);
        return await ViewAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<(Versioned<AnnualPlanView> Plan, bool Created)> Handle(SetAnnualPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!access.Roles.Contains(PlatformRoles.ProgramOfficeAdmin) || !access.Scope.AllBusinessData)
        {
            throw new PlatformException("plan.not_program_office", StatusCodes.Status403Forbidden, "无权设置年度计划", "年度计划及其分解目标由市项目办设置。");
        }

        if (AnnualPlanRules.CheckYear(request.Year) is { } yearError)
        {
            throw new RequestValidationException([yearError]);
        }

        var (targets, notes, errors) = AnnualPlanRules.Validate(request.Input ?? new AnnualPlanInput());
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await CheckKeysAsync(targets, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.AnnualPlans.FirstOrDefaultAsync(p => p.Year == request.Year, cancellationToken).ConfigureAwait(false);
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

        return (await ViewAsync(plan, cancellationToken).ConfigureAwait(false), created);
    }

    /// <summary>404 for a year without a plan.</summary>
    public static PlatformException NotFound(int year) =>
        new(PlanProblemCodes.PlanNotFound, StatusCodes.Status404NotFound, "年度计划不存在", $"{year} 年度计划尚未设置：市项目办可用 PUT /api/annual-plans/{year} 设置。");

    private static string Label(PlanTarget target) => AnnualPlanRules.Label(new ValidPlanTarget(target.Kind, target.Key, target.Projects, target.Trainees, 0));

    private async Task<Versioned<AnnualPlanView>> ViewAsync(AnnualPlan plan, CancellationToken cancellationToken)
    {
        var today = ProgramCalendar.Today(clock);
        var yearFacts = await facts.ReadAsync(plan.Year, cancellationToken).ConfigureAwait(false);
        var names = await NamesAsync(cancellationToken).ConfigureAwait(false);
        var progress = PlanProgressCalculator.Compare(plan.Year, plan.Targets, yearFacts, today, t => t.Kind is PlanTargetKind.Region or PlanTargetKind.Department
            ? names.GetValueOrDefault(t.Key, t.Key)
            : Label(t));
        var view = new AnnualPlanView
        {
            Year = plan.Year,
            Notes = plan.Notes,
            UpdatedByName = plan.UpdatedByName,
            UpdatedAt = plan.UpdatedAt,
            AsOf = today,
            Targets = progress,
        };
        return new Versioned<AnnualPlanView>(view, plan.ConcurrencyStamp);
    }

    // Region and department codes share no values, so one dictionary names both.
    private async Task<Dictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Departments.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return regions.Concat(departments).ToDictionary(x => x.Code, x => x.Name, StringComparer.Ordinal);
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
