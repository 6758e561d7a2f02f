using FluentValidation;
using KnowledgeRenewal.Kernel.Application;
using KnowledgeRenewal.Kernel.Persistence;
using KnowledgeRenewal.Programs.Contracts;
using KnowledgeRenewal.Programs.Domain;
using KnowledgeRenewal.Sdk;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeRenewal.Programs.UseCases.Projects;

/// <summary>The applicant's staff change their draft. Needs <c>If-Match</c>.</summary>
/// <param name="Id">The project.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
/// <param name="Input">The new fields (the type is never changed).</param>
internal sealed record UpdateProject(Guid Id, string? IfMatch, ProjectInput? Input) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Checks a draft change.</summary>
internal sealed class UpdateProjectValidator : AbstractValidator<UpdateProject>
{
    /// <summary>Creates the validator.</summary>
    public UpdateProjectValidator()
    {
        RuleFor(c => c.Input).NotNull().OverridePropertyName("body").WithErrorCode("required").WithMessage("请在请求体中提交项目内容。");
        RuleFor(c => c.Input).Custom((input, context) => context.AddFailuresOf(ProjectInputValidator.Instance, input));
    }
}

/// <summary>
/// Handles <see cref="UpdateProject"/>: only the applicant's staff (<see cref="ProjectAccess.RequireApplicantOf"/>), with
/// the entity tag read (428/412), only a draft (<see cref="ProjectAccess.RequireDraft"/>), never another type.
/// </summary>
internal sealed class UpdateProjectHandler(PlatformDbContext db, ProjectWriter writer, TimeProvider clock)
    : IRequestHandler<UpdateProject, Versioned<ProjectDetail>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(UpdateProject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectViews.NotFound(request.Id);
        var applicant = await writer.ApplicantAsync(project.Type, cancellationToken).ConfigureAwait(false);
        ProjectAccess.RequireApplicantOf(project, applicant.Id);
        var read = Preconditions.Require(request.IfMatch, project.ConcurrencyStamp);
        ProjectAccess.RequireDraft(project);
        var input = request.Input!;
        if (input.Type is { } type && type != project.Type)
        {
            throw new PlatformException(ProblemCodes.ValidationFailed, StatusCodes.Status400BadRequest, "项目类型不能修改", "项目类型（type）创建后不能修改，请重新申报。",
                [new FieldError("type", "immutable", "项目类型（type）创建后不能修改。")]);
        }

        project.Title = input.Title!.Trim();
        await writer.FillAsync(project, input, applicant, cancellationToken).ConfigureAwait(false);
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await writer.SaveAsync(project, read, cancellationToken).ConfigureAwait(false);
        return await ProjectViews.GetAsync(db, project.Id, cancellationToken).ConfigureAwait(false);
    }
}
