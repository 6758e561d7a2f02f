using KnowledgeRenewal.Kernel.Application;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Supervision.Domain;
using KnowledgeRenewal.Supervision.Domain.Inspections;
using KnowledgeRenewal.Sdk;
using MediatR;

namespace KnowledgeRenewal.Supervision.UseCases.Inspections;

/// <summary>How many of a kind to draw: a count or a share (percent).</summary>
public sealed class QuotaInput
{
    /// <summary>Project, Class, Base or Provider.</summary>
    public SupervisedObjectKind Kind { get; set; }

    /// <summary>A count (1–500), or null with a share.</summary>
    public int? Count { get; set; }

    /// <summary>A share of the candidates in percent (1–100).</summary>
    public int? SharePercent { get; set; }
}

/// <summary>A new inspection plan.</summary>
public sealed class InspectionPlanInput
{
    /// <summary>The year inspected.</summary>
    public int Year { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>Inspectors per object (1–5).</summary>
    public int InspectorsPerObject { get; set; } = 2;

    /// <summary>The quotas, one per kind.</summary>
    public List<QuotaInput> Quotas { get; set; } = [];

    /// <summary>Weights per risk-signal key (0–10).</summary>
    public Dictionary<string, decimal> Weights { get; set; } = [];
}

/// <summary>The program office defines an inspection plan.</summary>
/// <param name="Body">The plan.</param>
internal sealed record CreateInspectionPlan(InspectionPlanInput Body) : IRequest<Versioned<InspectionPlanView>>
{
    /// <inheritdoc />
    public override string ToString() => nameof(CreateInspectionPlan);
}

/// <summary>Checks the plan: a title, a year of the program, at least one quota, one per kind, weights of known signals.</summary>
internal sealed class CreateInspectionPlanValidator : AbstractValidator<CreateInspectionPlan>
{
    /// <summary>Creates the validator.</summary>
    public CreateInspectionPlanValidator()
    {
        RuleFor(c => c.Body).NotNull().WithMessage("请填写抽查计划。");
        When(c => c.Body is not null, () =>
        {
            RuleFor(c => c.Body.Title).NotEmpty().WithMessage("请填写计划名称。").MaximumLength(InspectionPlan.TitleLength).WithMessage($"计划名称最多 {InspectionPlan.TitleLength} 个字。").OverridePropertyName("title");
            RuleFor(c => c.Body.Year).InclusiveBetween(ProgramPeriod.FirstYear, ProgramPeriod.LastYear).WithMessage($"年度应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 之间。").OverridePropertyName("year");
            RuleFor(c => c.Body.InspectorsPerObject).InclusiveBetween(1, 5).WithMessage("每个对象的检查人员应为 1 至 5 人。").OverridePropertyName("inspectorsPerObject");
            RuleFor(c => c.Body.Quotas).Must(q => q.Any(x => (x.Count ?? 0) > 0 || (x.SharePercent ?? 0) > 0)).WithMessage("至少为一类对象填写抽取数量或比例。").WithErrorCode("invalid_value").OverridePropertyName("quotas");
            RuleFor(c => c.Body.Quotas).Must(q => q.Select(x => x.Kind).Distinct().Count() == q.Count).WithMessage("每类对象只填一次。").WithErrorCode("invalid_value").OverridePropertyName("quotas");
            RuleForEach(c => c.Body.Quotas).ChildRules(q =>
            {
                q.RuleFor(x => x.Kind).IsInEnum().WithMessage("对象类别无效。");
                q.RuleFor(x => x).Must(x => x.Count is null || x.SharePercent is null).WithMessage("抽取数量和比例只填一项。").WithErrorCode("invalid_value").OverridePropertyName("count");
                q.RuleFor(x => x.Count).InclusiveBetween(1, 500).When(x => x.Count is not null).WithMessage("抽取数量应为 1 至 500。");
                q.RuleFor(x => x.SharePercent).InclusiveBetween(1, 100).When(x => x.SharePercent is not null).WithMessage("抽取比例应为 1% 至 100%。");
            }).OverridePropertyName("quotas");
            RuleForEach(c => c.Body.Weights).Must(w => w.Value is >= 0 and <= 10).WithMessage("风险权重应在 0 至 10 之间。").WithErrorCode("invalid_value").OverridePropertyName("weights");
        });
    }
}

/// <summary>Handles <see cref="CreateInspectionPlan"/>.</summary>
internal sealed class CreateInspectionPlanHandler(PlatformDbContext db, IEnumerable<IRiskSignal> signals, IMediator mediator, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<CreateInspectionPlan, Versioned<InspectionPlanView>>
{
    /// <inheritdoc />
    public async Task<Versioned<InspectionPlanView>> Handle(CreateInspectionPlan request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body;
        var keys = signals.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        if (body.Weights.Keys.FirstOrDefault(k => !keys.Contains(k)) is { } unknown)
        {
            var message = $"没有名为“{unknown}”的风险因素，可用的有：{string.Join("、", keys.Order(StringComparer.Ordinal))}。";
            throw new PlatformException("supervision.unknown_signal", 400, "风险因素无效", message, [new FieldError("weights", "invalid_value", message)]);
        }

        var plan = new InspectionPlan
        {
            Year = body.Year,
            Title = body.Title!.Trim(),
            InspectorsPerObject = body.InspectorsPerObject,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByName = actors.Current.UserName,
        };
        plan.Quotas.AddRange(body.Quotas.Where(q => (q.Count ?? 0) > 0 || (q.SharePercent ?? 0) > 0)
            .Select(q => new InspectionQuota { PlanId = plan.Id, Kind = q.Kind, Count = q.Count, SharePercent = q.SharePercent }));
        plan.Weights.AddRange(body.Weights.Where(w => w.Value > 0).Select(w => new InspectionRiskWeight { PlanId = plan.Id, SignalKey = w.Key, Weight = w.Value }));
        db.Add(plan);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await mediator.Send(new GetInspectionPlan(plan.Id), cancellationToken).ConfigureAwait(false);
    }
}
