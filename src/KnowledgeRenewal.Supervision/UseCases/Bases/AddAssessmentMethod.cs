using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>A new version of the assessment method (weights 0–100 each, at least one above 0; targets; the pass mark; what changed).</summary>
public sealed record AssessmentMethodInput
{
    /// <summary>Weight of people trained.</summary>
    public int? TraineesWeight { get; init; }

    /// <summary>Weight of seminars hosted.</summary>
    public int? SeminarsWeight { get; init; }

    /// <summary>Weight of courses.</summary>
    public int? CoursesWeight { get; init; }

    /// <summary>Weight of the completion rate.</summary>
    public int? CompletionWeight { get; init; }

    /// <summary>Weight of the satisfaction rate.</summary>
    public int? SatisfactionWeight { get; init; }

    /// <summary>Weight of inspection results.</summary>
    public int? InspectionWeight { get; init; }

    /// <summary>Seminars a year that count in full.</summary>
    public int? SeminarsTarget { get; init; }

    /// <summary>Courses a year that count in full.</summary>
    public int? CoursesTarget { get; init; }

    /// <summary>The pass mark (0–100).</summary>
    public int? PassMark { get; init; }

    /// <summary>What changed and why.</summary>
    [DataType(DataType.MultilineText)]
    public string? Note { get; init; }
}

/// <summary>The program office adds a version of the assessment method; it is in force from now on (earlier scores keep theirs).</summary>
/// <param name="Body">The method.</param>
public sealed record AddAssessmentMethod(AssessmentMethodInput Body) : IRequest<AssessmentMethodView>;

internal sealed class AddAssessmentMethodValidator : AbstractValidator<AddAssessmentMethod>
{
    public AddAssessmentMethodValidator()
    {
        Weight(r => r.Body.TraineesWeight, "traineesWeight", "培训人数的权重");
        Weight(r => r.Body.SeminarsWeight, "seminarsWeight", "承办高级研修的权重");
        Weight(r => r.Body.CoursesWeight, "coursesWeight", "开发课程的权重");
        Weight(r => r.Body.CompletionWeight, "completionWeight", "结业率的权重");
        Weight(r => r.Body.SatisfactionWeight, "satisfactionWeight", "满意率的权重");
        Weight(r => r.Body.InspectionWeight, "inspectionWeight", "检查结果的权重");
        RuleFor(r => r.Body).Must(b => (b.TraineesWeight ?? 0) + (b.SeminarsWeight ?? 0) + (b.CoursesWeight ?? 0) + (b.CompletionWeight ?? 0) + (b.SatisfactionWeight ?? 0) + (b.InspectionWeight ?? 0) > 0)
            .OverridePropertyName("traineesWeight").WithErrorCode("weights_zero").WithMessage("至少一项指标的权重要大于 0。");
        RuleFor(r => r.Body.SeminarsTarget).NotNull().OverridePropertyName("seminarsTarget").WithErrorCode("required").WithMessage("高级研修年度目标应为 1 至 1000 之间的整数。").InclusiveBetween(1, 1000).OverridePropertyName("seminarsTarget").WithErrorCode("out_of_range").WithMessage("高级研修年度目标应为 1 至 1000 之间的整数。");
        RuleFor(r => r.Body.CoursesTarget).NotNull().OverridePropertyName("coursesTarget").WithErrorCode("required").WithMessage("课程年度目标应为 1 至 1000 之间的整数。").InclusiveBetween(1, 1000).OverridePropertyName("coursesTarget").WithErrorCode("out_of_range").WithMessage("课程年度目标应为 1 至 1000 之间的整数。");
        RuleFor(r => r.Body.PassMark).NotNull().OverridePropertyName("passMark").WithErrorCode("required").WithMessage("合格分数线应为 0 至 100 之间的整数。").InclusiveBetween(0, 100).OverridePropertyName("passMark").WithErrorCode("out_of_range").WithMessage("合格分数线应为 0 至 100 之间的整数。");
        RuleFor(r => r.Body.Note).Must(n => !string.IsNullOrWhiteSpace(n)).OverridePropertyName("note").WithErrorCode("required").WithMessage("请说明这一版改了什么、为什么。");
        RuleFor(r => r.Body.Note).MaximumLength(AssessmentMethod.NoteLength).OverridePropertyName("note").WithErrorCode("too_long").WithMessage($"说明最多 {AssessmentMethod.NoteLength} 个字。");
    }

    private void Weight(System.Linq.Expressions.Expression<Func<AddAssessmentMethod, int?>> field, string name, string label) =>
        RuleFor(field).NotNull().OverridePropertyName(name).WithErrorCode("required").WithMessage($"{label}应为 0 至 100 之间的整数。")
            .InclusiveBetween(0, 100).OverridePropertyName(name).WithErrorCode("out_of_range").WithMessage($"{label}应为 0 至 100 之间的整数。");
}

internal sealed class AddAssessmentMethodHandler(PlatformDbContext db, IAuditActorProvider actors, TimeProvider clock) : IRequestHandler<AddAssessmentMethod, AssessmentMethodView>
{
    public async Task<AssessmentMethodView> Handle(AddAssessmentMethod request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = request.Body;
        var version = (await db.Set<AssessmentMethod>().MaxAsync(m => (int?)m.Version, cancellationToken).ConfigureAwait(false) ?? 0) + 1;
        var method = new AssessmentMethod
        {
            Version = version,
            TraineesWeight = b.TraineesWeight!.Value,
            SeminarsWeight = b.SeminarsWeight!.Value,
            CoursesWeight = b.CoursesWeight!.Value,
            CompletionWeight = b.CompletionWeight!.Value,
            SatisfactionWeight = b.SatisfactionWeight!.Value,
            InspectionWeight = b.InspectionWeight!.Value,
            SeminarsTarget = b.SeminarsTarget!.Value,
            CoursesTarget = b.CoursesTarget!.Value,
            PassMark = b.PassMark!.Value,
            Note = b.Note!.Trim(),
            CreatedByName = actors.Current.UserName ?? "unknown",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<AssessmentMethod>().Add(method);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            throw new PlatformException("supervision.assessment_method_conflict", StatusCodes.Status409Conflict, "同时有人保存了新版本", "请刷新后再保存。");
        }

        return new AssessmentMethodView(method.Version, method.TraineesWeight, method.SeminarsWeight, method.CoursesWeight, method.CompletionWeight, method.SatisfactionWeight,
            method.InspectionWeight, method.SeminarsTarget, method.CoursesTarget, method.PassMark, method.Note, method.CreatedByName, method.CreatedAt);
    }
}
