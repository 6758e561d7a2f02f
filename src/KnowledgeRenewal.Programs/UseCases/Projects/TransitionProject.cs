using System.ComponentModel.DataAnnotations;
using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>A step's body.</summary>
/// <param name="Comment">Comment (required to return or reject).</param>
/// <param name="ReferenceNumber">The upstream decision's reference number (required to record its outcome).</param>
/// <param name="Summary">The completion summary (required to complete, unless filed before).</param>
/// <param name="ExpertId">The expert of the pool (to score; see <see cref="IReviewExpertPool"/>).</param>
/// <param name="Score">The expert's score 0–100 (to score).</param>
internal sealed record TransitionBody([property: DataType(DataType.MultilineText)] string? Comment, string? ReferenceNumber, [property: DataType(DataType.MultilineText)] string? Summary, Guid? ExpertId, int? Score);

/// <summary>Takes a workflow step (<see cref="ProjectWorkflow"/>). Needs <c>If-Match</c>.</summary>
/// <param name="Id">The project.</param>
/// <param name="Action">The action's path segment (e.g. <c>approve</c>, <c>record-upstream-approval</c>).</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Body">Comment, reference number, summary or expert score.</param>
internal sealed record TransitionProject(Guid Id, string? Action, string? IfMatch, TransitionBody? Body) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Checks a step's body.</summary>
internal sealed class TransitionProjectValidator : AbstractValidator<TransitionProject>
{
    /// <summary>Creates the validator.</summary>
    public TransitionProjectValidator()
    {
        RuleFor(t => t.Body == null ? null : t.Body.Comment).MaximumLength(ProjectTransition.CommentLength).OverridePropertyName("comment")
            .WithErrorCode("too_long").WithMessage($"意见（comment）最多 {ProjectTransition.CommentLength} 个字。");
        RuleFor(t => t.Body == null ? null : t.Body.ReferenceNumber).MaximumLength(64).OverridePropertyName("referenceNumber")
            .WithErrorCode("too_long").WithMessage("批复文号（referenceNumber）最多 64 个字。");
        RuleFor(t => t.Body == null ? null : t.Body.Summary).MaximumLength(Project.TextLength).OverridePropertyName("summary")
            .WithErrorCode("too_long").WithMessage($"结项总结（summary）最多 {Project.TextLength} 个字。");
        When(t => ProjectLabels.ParseAction(t.Action) == ProjectAction.Score, () =>
        {
            RuleFor(t => t.Body == null ? null : t.Body.ExpertId).Must(id => id is { } e && e != Guid.Empty).OverridePropertyName("expertId")
                .WithErrorCode("required").WithMessage("请从专家库中选择评审专家（expertId）。");
            RuleFor(t => t.Body == null ? null : t.Body.Score).NotNull().InclusiveBetween(0, ProjectReview.MaxScore).OverridePropertyName("score")
                .WithErrorCode("out_of_range").WithMessage($"专家评分（score）应为 0 至 {ProjectReview.MaxScore} 之间的整数。");
        });
    }
}

/// <summary>
/// Handles <see cref="TransitionProject"/>: the action exists (404 otherwise; objections are resolved through their
/// own use case), the entity tag read (428/412), <see cref="ProjectWorkflow.Decide"/> allows it; a score names an
/// active expert of the pool (400 <see cref="ProjectProblemCodes.UnknownExpert"/>) without a conflict of interest with
/// the project's applicant or provider (409 <see cref="ProjectProblemCodes.ExpertConflict"/>), who scores once.
/// </summary>
internal sealed class TransitionProjectHandler(PlatformDbContext db, ProjectWriter writer, IMediator publisher, IReviewExpertPool pool)
    : IRequestHandler<TransitionProject, Versioned<ProjectDetail>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(TransitionProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ProjectLabels.ParseAction(request.Action) is not { } action || action == ProjectAction.UpholdObjection)
        {
            throw new PlatformException(ProjectProblemCodes.UnknownAction, StatusCodes.Status404NotFound, "没有该操作",
                $"项目没有“{request.Action}”操作。可用的操作：{string.Join("、", Enum.GetValues<ProjectAction>().Where(a => a != ProjectAction.UpholdObjection).Select(ProjectLabels.Slug))}；异议的处理请使用 objections 接口。");
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectViews.NotFound(request.Id);
        var read = Preconditions.Require(request.IfMatch, project.ConcurrencyStamp);
        var body = request.Body;
        var facts = await writer.FactsAsync(project, body?.Comment, body?.ReferenceNumber, body?.Summary, cancellationToken).ConfigureAwait(false);
        var actor = writer.Actor();
        var decision = ProjectWorkflow.Decide(project, action, actor, facts);
        ProjectWriter.Refuse(decision);
        var expert = action == ProjectAction.Score ? await PickAsync(project, body!.ExpertId!.Value, cancellationToken).ConfigureAwait(false) : null;

        var before = project.Status;
        await writer.TakeAsync(project, decision, actor, facts, read, expert, body?.Score, cancellationToken).ConfigureAwait(false);
        if (project.Type == ProjectType.BaseConstruction && project.Status == ProjectStatus.Approved && before != ProjectStatus.Approved)
        {
            await publisher.Publish(new BaseConstructionApproved(project.Id, project.Number, project.Level, project.ProviderId ?? project.ApplicantOrganizationId,
                project.EducationBaseId, project.Title, project.UpstreamReference, actor.UserId, actor.Name ?? "unknown"), cancellationToken).ConfigureAwait(false);
        }

        return await ProjectViews.GetAsync(db, project.Id, cancellationToken).ConfigureAwait(false);
    }

    // The expert named must be an active expert of the pool, not have scored the project yet, and be free of conflicts with its organizations.
    private async Task<ReviewExpert> PickAsync(Project project, Guid expertId, CancellationToken cancellationToken)
    {
        Guid[] organizations = project.ProviderId is { } provider && provider != project.ApplicantOrganizationId
            ? [project.ApplicantOrganizationId, provider]
            : [project.ApplicantOrganizationId];
        var pick = await pool.PickAsync(expertId, organizations, cancellationToken).ConfigureAwait(false);
        if (pick.Expert is not { } expert)
        {
            throw new PlatformException(ProjectProblemCodes.UnknownExpert, StatusCodes.Status400BadRequest, "专家不在专家库中",
                "所选专家不在专家库中或已停用，请从专家库中重新选择。", [new FieldError("expertId", "invalid_value", "所选专家不在专家库中或已停用，请从专家库中重新选择。")]);
        }

        if (await db.ProjectReviews.AnyAsync(r => r.ProjectId == project.Id && r.ExpertId == expert.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new PlatformException(ProjectProblemCodes.DuplicateReview, StatusCodes.Status409Conflict, "该专家已评分",
                $"专家“{expert.Name}”对该项目的评分已录入，不能重复录入。");
        }

        if (pick.Conflict is { } conflict)
        {
            throw new PlatformException(ProjectProblemCodes.ExpertConflict, StatusCodes.Status409Conflict, "专家须回避",
                $"专家“{expert.Name}”须回避（{conflict}），不能评审该项目，请另选专家。");
        }

        return expert;
    }
}
