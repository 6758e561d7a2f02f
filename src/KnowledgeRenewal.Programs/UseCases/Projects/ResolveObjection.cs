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

/// <summary>The program office's resolution of an objection.</summary>
/// <param name="Decision"><c>uphold</c> (异议成立: the project is rejected) or <c>dismiss</c> (异议不成立).</param>
/// <param name="Resolution">The reasons (required).</param>
internal sealed record ResolveObjectionBody(string? Decision, [property: DataType(DataType.MultilineText)] string? Resolution);

/// <summary>The program office resolves an objection. Needs the project's <c>If-Match</c>.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="ObjectionId">The objection.</param>
/// <param name="IfMatch">The project's entity tag.</param>
/// <param name="Body">The decision.</param>
internal sealed record ResolveObjection(Guid ProjectId, Guid ObjectionId, string? IfMatch, ResolveObjectionBody? Body) : IRequest<Versioned<ProjectDetail>>;

/// <summary>Checks a resolution.</summary>
internal sealed class ResolveObjectionValidator : AbstractValidator<ResolveObjection>
{
    /// <summary>Creates the validator.</summary>
    public ResolveObjectionValidator()
    {
        RuleFor(r => r.Body == null ? null : r.Body.Decision).Must(d => ObjectionDecisions.Parse(d) is not null).OverridePropertyName("decision")
            .WithErrorCode("invalid_value").WithMessage("处理结论（decision）应为 uphold（异议成立）或 dismiss（异议不成立）。");
        RuleFor(r => r.Body == null ? null : r.Body.Resolution).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= ProjectTransition.CommentLength)
            .OverridePropertyName("resolution").WithErrorCode("required").WithMessage($"请填写处理意见（resolution，最多 {ProjectTransition.CommentLength} 个字）。");
    }
}

/// <summary>Reads an objection decision.</summary>
internal static class ObjectionDecisions
{
    /// <summary>True for uphold, false for dismiss, null otherwise.</summary>
    public static bool? Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "UPHOLD" or "UPHELD" or "异议成立" or "成立" => true,
        "DISMISS" or "DISMISSED" or "异议不成立" or "不成立" => false,
        _ => null,
    };
}

/// <summary>
/// Handles <see cref="ResolveObjection"/>: resolving is the program office's, never for its own application, and only
/// while the notice runs (<see cref="ProjectAction.UpholdObjection"/>); upholding an objection rejects the project.
/// </summary>
internal sealed class ResolveObjectionHandler(PlatformDbContext db, ProjectWriter writer, TimeProvider clock) : IRequestHandler<ResolveObjection, Versioned<ProjectDetail>>
{
    /// <inheritdoc />
    public async Task<Versioned<ProjectDetail>> Handle(ResolveObjection request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == request.ProjectId, cancellationToken).ConfigureAwait(false)
            ?? throw ProjectViews.NotFound(request.ProjectId);
        var objection = await db.ProjectObjections.FirstOrDefaultAsync(o => o.Id == request.ObjectionId && o.ProjectId == project.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new PlatformException(ProjectProblemCodes.NotFound, StatusCodes.Status404NotFound, "异议不存在", $"该项目没有异议 {request.ObjectionId}。");
        var read = Preconditions.Require(request.IfMatch, project.ConcurrencyStamp);
        var uphold = ObjectionDecisions.Parse(request.Body?.Decision) == true;
        var resolution = request.Body!.Resolution!.Trim();
        var facts = await writer.FactsAsync(project, resolution, null, null, cancellationToken).ConfigureAwait(false);
        var actor = writer.Actor();

        // Resolving is the program office's, never for its own application, and only while the notice runs.
        var decision = ProjectWorkflow.Decide(project, ProjectAction.UpholdObjection, actor, facts);
        ProjectWriter.Refuse(decision);
        if (objection.Status != ObjectionStatus.Pending)
        {
            throw new PlatformException(ProjectProblemCodes.ObjectionResolved, StatusCodes.Status409Conflict, "异议已处理",
                $"该异议已处理（{ProjectLabels.Objection(objection.Status)}），不能重复处理。");
        }

        objection.Status = uphold ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed;
        objection.Resolution = resolution;
        objection.ResolvedByUserId = actor.UserId;
        objection.ResolvedByName = actor.Name;
        objection.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(objection).Property(o => o.ConcurrencyStamp).OriginalValue = objection.ConcurrencyStamp;
        objection.ConcurrencyStamp = Guid.NewGuid();
        if (uphold)
        {
            await writer.TakeAsync(project, decision, actor, facts with { Comment = "异议成立：" + resolution }, read, null, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The project's stamp changes too, so a publish prepared before the resolution must re-read.
            db.Entry(project).Property(p => p.ConcurrencyStamp).OriginalValue = read;
            project.ConcurrencyStamp = Guid.NewGuid();
            project.UpdatedAt = objection.ResolvedAt.Value;
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw Preconditions.Stale();
            }
        }

        return await ProjectViews.GetAsync(db, project.Id, cancellationToken).ConfigureAwait(false);
    }
}
