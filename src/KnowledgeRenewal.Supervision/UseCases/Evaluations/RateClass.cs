using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Credits.Contracts;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Kernel.Time;
using KnowledgeRenewal.Registry.Contracts;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using KnowledgeRenewal.Supervision.UseCases.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Supervision.UseCases.Evaluations;

/// <summary>An evaluation: four ratings 1–5 and an optional comment.</summary>
public sealed record EvaluationInput
{
    /// <summary>内容.</summary>
    public int? Content { get; init; }

    /// <summary>师资.</summary>
    public int? Teacher { get; init; }

    /// <summary>组织.</summary>
    public int? Organization { get; init; }

    /// <summary>实用性.</summary>
    public int? Usefulness { get; init; }

    /// <summary>A free comment (optional).</summary>
    [DataType(DataType.MultilineText)]
    public string? Comment { get; init; }
}

/// <summary>A participant rates a class that has ended, once (409 the second time; 403 when the caller has no record in it or it has not ended).</summary>
/// <param name="ClassId">The class.</param>
/// <param name="Body">The ratings.</param>
public sealed record RateClass(Guid ClassId, EvaluationInput Body) : IRequest<Unit>;

internal sealed class RateClassValidator : AbstractValidator<RateClass>
{
    public RateClassValidator()
    {
        Rating(r => r.Body.Content, "content", "课程内容");
        Rating(r => r.Body.Teacher, "teacher", "师资水平");
        Rating(r => r.Body.Organization, "organization", "组织服务");
        Rating(r => r.Body.Usefulness, "usefulness", "实用性");
        RuleFor(r => r.Body.Comment).MaximumLength(ClassEvaluation.CommentLength).OverridePropertyName("comment").WithErrorCode("too_long")
            .WithMessage($"意见和建议最多 {ClassEvaluation.CommentLength} 个字。");
    }

    private void Rating(System.Linq.Expressions.Expression<Func<RateClass, int?>> field, string name, string label) =>
        RuleFor(field).NotNull().OverridePropertyName(name).WithErrorCode("required").WithMessage($"请为{label}选择 1 至 5 分。")
            .InclusiveBetween(ClassEvaluation.MinRating, ClassEvaluation.MaxRating).OverridePropertyName(name).WithErrorCode("out_of_range").WithMessage($"请为{label}选择 1 至 5 分。");
}

internal sealed class RateClassHandler(PlatformDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<RateClass, Unit>
{
    public async Task<Unit> Handle(RateClass request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var me = await mediator.Send(new FindMyProfessional(), cancellationToken).ConfigureAwait(false)
            ?? throw NotRatable("您的账号还没有关联专业技术人员信息，无法评价培训班。");
        var training = await db.TrainingClasses.IgnoreQueryFilters([PlatformDbContext.AccessScopeFilter]).AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == request.ClassId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("培训班", request.ClassId);
        var attended = await db.CreditRecords.AsNoTracking()
            .AnyAsync(r => r.ProfessionalId == me && r.ClassId == training.Id && EvaluationRules.Participant.Contains(r.Status), cancellationToken).ConfigureAwait(false);
        if (!attended)
        {
            throw NotRatable("只有该培训班名单中的学员才能评价。");
        }

        if (!EvaluationRules.Ended(training.Status, training.EndDate, ProgramCalendar.Today(clock)))
        {
            throw NotRatable($"培训班 {training.EndDate:yyyy-MM-dd} 结束后才能评价。");
        }

        if (await db.Set<ClassEvaluation>().AnyAsync(e => e.ClassId == training.Id && e.ProfessionalId == me, cancellationToken).ConfigureAwait(false))
        {
            throw AlreadyRated();
        }

        var b = request.Body;
        db.Set<ClassEvaluation>().Add(new ClassEvaluation
        {
            ClassId = training.Id,
            ProviderId = training.ProviderId,
            Year = training.EndDate.Year,
            ProfessionalId = me,
            Content = b.Content!.Value,
            Teacher = b.Teacher!.Value,
            Organization = b.Organization!.Value,
            Usefulness = b.Usefulness!.Value,
            Comment = string.IsNullOrWhiteSpace(b.Comment) ? null : b.Comment.Trim(),
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            throw AlreadyRated();
        }

        return Unit.Value;
    }

    private static PlatformException NotRatable(string detail) =>
        new(BaseProblemCodes.NotRatable, StatusCodes.Status403Forbidden, "不能评价该培训班", detail);

    private static PlatformException AlreadyRated() =>
        new(BaseProblemCodes.AlreadyRated, StatusCodes.Status409Conflict, "已经评价过", "每位学员对同一培训班只能评价一次，您已提交过评价。");
}
