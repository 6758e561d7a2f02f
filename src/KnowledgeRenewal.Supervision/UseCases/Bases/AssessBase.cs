using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Identity.Domain;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Sdk;
using KnowledgeRenewal.Supervision.Domain.Bases;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgeRenewal.Supervision.UseCases.Bases;

/// <summary>The body of an assessment.</summary>
/// <param name="Note">The assessor's note (optional).</param>
public sealed record AssessInput([property: DataType(DataType.MultilineText)] string? Note);

/// <summary>
/// The program office assesses a base for a year: the scorecard computed now plus the inspection results, scored with
/// the method in force (its version recorded); below the bar this year and the year before proposes the base for exit.
/// Assessing the same year again replaces the result.
/// </summary>
/// <param name="Id">The base.</param>
/// <param name="Year">The year.</param>
/// <param name="Body">The note.</param>
public sealed record AssessBase(Guid Id, int Year, AssessInput Body) : IRequest<AssessmentView>;

internal sealed class AssessBaseValidator : AbstractValidator<AssessBase>
{
    public AssessBaseValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(ProgramPeriod.FirstYear, ProgramPeriod.LastYear).WithErrorCode("out_of_range")
            .WithMessage($"年度应在 {ProgramPeriod.FirstYear} 至 {ProgramPeriod.LastYear} 之间。");
        RuleFor(r => r.Body.Note).MaximumLength(BaseAssessment.NoteLength).OverridePropertyName("note").WithErrorCode("too_long")
            .WithMessage($"考核意见最多 {BaseAssessment.NoteLength} 个字。");
    }
}

internal sealed class AssessBaseHandler(PlatformDbContext db, ScorecardReader reader, IOptions<BaseSupervisionOptions> options, ICurrentAccess access, IAuditActorProvider actors, TimeProvider clock)
    : IRequestHandler<AssessBase, AssessmentView>
{
    public async Task<AssessmentView> Handle(AssessBase request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var b = await BaseAccess.VisibleAsync(db, request.Id, cancellationToken).ConfigureAwait(false);
        var method = await AssessmentMethods.InForceAsync(db, cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException(BaseProblemCodes.NoMethod, StatusCodes.Status409Conflict, "还没有考核办法", "请先在“考核办法”中设置指标权重和合格分数线。");
        var (figures, _, _, _, inspection) = await reader.FiguresAsync(b.Id, b.OrganizationId, request.Year, cancellationToken).ConfigureAwait(false);
        var (score, passed, _) = AssessmentRules.Score(figures, method, options.Value.TraineeFloor);
        var before = await db.Set<BaseAssessment>().AsNoTracking().Where(a => a.BaseId == b.Id && a.Year == request.Year - 1)
            .Select(a => (bool?)a.Passed).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var assessment = await db.Set<BaseAssessment>().FirstOrDefaultAsync(a => a.BaseId == b.Id && a.Year == request.Year, cancellationToken).ConfigureAwait(false);
        if (assessment is null)
        {
            assessment = new BaseAssessment { BaseId = b.Id, Year = request.Year };
            db.Set<BaseAssessment>().Add(assessment);
        }

        assessment.MethodVersion = method.Version;
        assessment.Trainees = figures.Trainees;
        assessment.Seminars = figures.Seminars;
        assessment.PublicCourses = figures.PublicCourses;
        assessment.ProfessionalCourses = figures.ProfessionalCourses;
        assessment.CompletionRate = figures.CompletionRate;
        assessment.SatisfactionRate = figures.SatisfactionRate;
        assessment.InspectionScore = figures.InspectionScore;
        assessment.Inspections = inspection?.Inspections ?? 0;
        assessment.Score = score;
        assessment.Passed = passed;
        assessment.ProposedExit = AssessmentRules.ProposeExit(passed, before);
        assessment.Note = string.IsNullOrWhiteSpace(request.Body.Note) ? null : request.Body.Note.Trim();
        assessment.AssessedByUserId = access.UserId;
        assessment.AssessedByName = actors.Current.UserName ?? "unknown";
        assessment.AssessedAt = clock.GetUtcNow().UtcDateTime;
        assessment.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AssessmentView(assessment.Year, assessment.MethodVersion, assessment.Trainees, assessment.Seminars, assessment.PublicCourses, assessment.ProfessionalCourses,
            assessment.CompletionRate, assessment.SatisfactionRate, assessment.InspectionScore, assessment.Inspections, assessment.Score, assessment.Passed, assessment.ProposedExit,
            assessment.Note, assessment.AssessedByName, assessment.AssessedAt);
    }
}
